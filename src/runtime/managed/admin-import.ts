/**
 * `neo4j-admin database import full`, run from the project's own Neo4j jars (org.neo4j.cli.AdminTool
 * is in neo4j-command-line, already on the managed server's class path) into a STOPPED instance
 * folder: the seed's bulk path (src/dataset/bulk.ts) and the loading benchmark's offline ceiling.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEO4J_LIB } from '../paths';
import { loadEnv, processEnv } from '../config';
import { adminToolArgs } from './jvm';
import { defaultJava } from './prereqs';

export interface AdminImportResult {
  wallMs: number;
  /** The tool's own "IMPORT DONE in …" figure (excludes JVM start), when printed. */
  reportedMs: number | null;
  nodes: number | null;
  relationships: number | null;
  output: string;
}

export interface AdminImportOptions {
  /** The importer JVM's heap (default 1g). */
  heap?: string;
  /** Values hold line breaks (slower parsing). */
  multiline?: boolean;
  libDir?: string;
  /** Called every 100 ms with the importer's pid while it runs (the benchmark samples its CPU). */
  sample?: (pid: number) => void;
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

/**
 * Imports into the database `neo4j` of the instance folder `home` (its conf/neo4j.conf when there,
 * else a minimal one), replacing that database. The server on that folder must be stopped.
 * Cost: seconds to minutes (the tool's own figure is printed; ~40k relationships/s wall at 1M here).
 */
export async function runAdminImport(
  home: string,
  csvArgs: string[],
  opts: AdminImportOptions = {},
): Promise<AdminImportResult> {
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  mkdirSync(join(home, 'data'), { recursive: true });
  if (!existsSync(join(conf, 'neo4j.conf'))) writeFileSync(join(conf, 'neo4j.conf'), '# offline import\n');
  const args = [
    ...adminToolArgs(opts.heap ?? '1g', opts.libDir ?? NEO4J_LIB),
    'database',
    'import',
    'full',
    ...csvArgs,
    ...(opts.multiline ? ['--multiline-fields=true'] : []),
    '--overwrite-destination=true',
    `--report-file=${join(home, 'logs', 'import.report')}`,
    'neo4j',
  ];
  mkdirSync(join(home, 'logs'), { recursive: true });
  const t0 = performance.now();
  const child = spawn(defaultJava(loadEnv().JAVA_HOME), args, {
    env: processEnv({ NEO4J_HOME: home, NEO4J_CONF: conf }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const poll = setInterval(() => child.pid && opts.sample?.(child.pid), 100);
  const code = await new Promise<number | null>((res) => {
    child.once('error', () => res(-1));
    child.once('exit', (c) => res(c));
  });
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
    output: output.slice(-2000),
  };
}
