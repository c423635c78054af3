/**
 * `neo4j-admin` from the managed server's own jars: org.neo4j.cli.AdminTool (neo4j-command-line)
 * is on the same class path as the server, so no tarball is needed. It reads the instance's
 * neo4j.conf through NEO4J_HOME / NEO4J_CONF, exactly as `bin/neo4j-admin` would.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { processEnv } from '../../runtime/config';
import { NEO4J_LIB } from '../../runtime/paths';
import { adminToolArgs } from '../../runtime/managed/jvm';
import { defaultJava } from '../../runtime/managed/prereqs';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Runs `neo4j-admin <args>` against the instance folder `home`. Cost: a JVM start (~3–10 s) plus the work. */
export async function runAdminTool(home: string, args: string[], javaHome?: string): Promise<string> {
  const child = spawn(defaultJava(javaHome), [...adminToolArgs('512m', NEO4J_LIB), ...args], {
    env: processEnv({ NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((res) => {
    child.once('error', () => res(-1));
    child.once('exit', (c) => res(c));
  });
  // Progress lines ("Files: 3/36, data: 12%") are noise in an error message.
  const tail = out
    .split('\n')
    .filter((l) => !/^Files: \d+\/\d+/.test(l))
    .slice(-15)
    .join('\n');
  if (code !== 0) throw new BackupError(`neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit ${code}):\n${tail}`);
  return tail;
}
