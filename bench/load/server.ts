/** The API server process `npm run bench:load` measures: its entry (--serve) and the parent's wait for it. */
import type { ChildProcess } from 'node:child_process';
import { loadEnv, processEnv } from '../../src/runtime/config';
import { startServer } from '../../src/server/http/server';

/** Runs in the child: the real server on 127.0.0.1, no logging; prints "READY <url>", closes on SIGTERM. */
export async function serve(): Promise<void> {
  const env = loadEnv(processEnv({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NEWSGRAPH_TOKEN: '' }));
  const target = {
    uri: env.NEO4J_URI!,
    username: env.NEO4J_USERNAME,
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE,
  };
  const server = await startServer({ env, target, webRoot: null, logger: false });
  process.stdout.write(`READY ${server.url}\n`);
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The URL the child printed once listening; rejects when it exits first or stays silent for 2 minutes. */
export function waitReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}
