/**
 * `neo4j-admin database import full`, run from the project's own Neo4j jars (org.neo4j.cli.AdminTool
 * is in neo4j-command-line, already on the managed server's class path) into a stopped, empty
 * instance folder: the offline ceiling for loading the same data.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEO4J_LIB } from '../../src/runtime/paths';
import { loadEnv, processEnv } from '../../src/runtime/config';
import { defaultJava } from '../../src/runtime/managed/prereqs';
import { cpuSeconds } from '../lib/cpu';

export interface AdminImportResult {
  wallMs: number;
  /** The tool's own "IMPORT DONE in …" figure (excludes JVM start), when printed. */
  reportedMs: number | null;
  nodes: number | null;
  relationships: number | null;
  /** CPU seconds of the importer JVM (sampled from /proc every 100 ms; the last <100 ms are missed). */
  cpuS: number;
  output: string;
}

function parseDuration(s: string): number | null {
  // e.g. "IMPORT DONE in 5s 312ms." or "in 1m 2s 5ms"
  const m = /IMPORT DONE in ([^.]+)\./.exec(s);
  if (!m) return null;
  let ms = 0;
  for (const [, n, unit] of m[1]!.matchAll(/(\d+)(ms|h|m|s)/g))
    ms += Number(n) * ({ h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as Record<string, number>)[unit!]!;
  return ms;
}

/** Imports into `<home>/data` (must not hold a `neo4j` database yet). Cost: seconds to a minute. */
export async function runAdminImport(
  home: string,
  csvArgs: string[],
  opts: { heap?: string } = {},
): Promise<AdminImportResult> {
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  mkdirSync(join(home, 'data'), { recursive: true });
  writeFileSync(join(conf, 'neo4j.conf'), '# offline import (bench/loading/admin-import.ts)\n');
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${NEO4J_LIB}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...csvArgs,
    '--ignore-empty-strings=true',
    '--array-delimiter=;',
    '--overwrite-destination=true',
    `--report-file=${join(home, 'import.report')}`,
    'neo4j',
  ];
  const t0 = performance.now();
  const child = spawn(defaultJava(loadEnv().JAVA_HOME), args, {
    env: processEnv({ NEO4J_HOME: home, NEO4J_CONF: conf }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  let cpuS = 0;
  const poll = setInterval(() => {
    const c = cpuSeconds(child.pid);
    if (Number.isFinite(c)) cpuS = c;
  }, 100);
  const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
  clearInterval(poll);
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}):\n${output.slice(-3000)}`);
  const num = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]!.replace(/[^\d]/g, '')) : null;
  };
  return {
    wallMs,
    reportedMs: parseDuration(output),
    nodes: num(/Imported:\s*\n?\s*([\d,.\s]+?) nodes/),
    relationships: num(/([\d,.]+) relationships/),
    cpuS,
    output: output.slice(-2000),
  };
}
