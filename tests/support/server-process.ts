import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/runtime/paths';

/** The API server running in a child process (support/serve.ts). */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server printed (pino lines at the chosen level). */
  output(): string;
  /** Null while running; the exit code/signal once it ended. */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
}

/**
 * Starts the server against `neo4j` and resolves once it listens. Extra env (PORT, NEWSGRAPH_TOKEN…)
 * overrides. Cost: ~1–3 s (tsx start + saved-query EXPLAIN checks).
 */
export function spawnServer(
  neo4j: { uri: string; password: string; database?: string },
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/serve.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database ?? 'neo4j',
      NEWSGRAPH_TOKEN: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((res) =>
    child.once('exit', (code, signal) => {
      status = { code, signal };
      res();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${out}`)), 120_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /\{"newsgraphServer":\{"url":"([^"]+)","pid":(\d+)\}\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: Number(m[2]),
          child,
          output: () => out,
          exitStatus: () => status,
          stop: async () => {
            if (status) return;
            child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(t);
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (${JSON.stringify(status)}):\n${out}`));
    });
  });
}
