/** What the results were measured on: CPU, cores, memory, Node/Java/Neo4j/Chromium versions, load. */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { pinnedNeo4jVersion } from '../../src/runtime/managed/install';
import { loadEnv } from '../../src/runtime/config';
import { defaultJava } from '../../src/runtime/managed/prereqs';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  java: string;
  neo4j: string;
  chromium: string;
  loadAverage: number[];
}

/** First line of a command's output (stdout or stderr: `java -version` prints to stderr). */
function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return out.split('\n')[0] || 'unknown';
}

export function machineInfo(): MachineInfo {
  let neo4j = 'unknown';
  try {
    neo4j = pinnedNeo4jVersion();
  } catch {
    /* pom unreadable */
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    java: firstLine(defaultJava(loadEnv().JAVA_HOME), ['-version']),
    neo4j,
    chromium: firstLine('/usr/bin/chromium', ['--version']),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
