import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isPortFree } from '../../../src/runtime/managed/ports';
import { ROOT } from '../../../src/runtime/paths';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// `npm start` as a person runs it, on its own managed instance: it starts Neo4j, seeds the empty
// database, serves the explorer, and Ctrl-C (SIGINT) or a SIGTERM stops everything it started —
// no JVM left behind, both ports free.
describe('npm start (src/server/cli/start.ts)', () => {
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-start-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves the seeded explorer, and %s leaves no JVM and no port behind',
    async (signal) => {
      const boltPort = await freePort();
      const httpPort = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/start.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NEO4J_URI: '',
          NEWSGRAPH_NEO4J_HOME: join(home, signal),
          NEWSGRAPH_NEO4J_PORT: String(boltPort),
          NEWSGRAPH_NEO4J_HEAP: '512m',
          NEWSGRAPH_NEO4J_PAGECACHE: '64m',
          HOST: '127.0.0.1',
          PORT: String(httpPort),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
        child.once('exit', (code, sig) => res({ code, signal: sig })),
      );
      let jvm = 0;
      const stateFile = join(home, signal, 'run', 'state.json');
      try {
        await until(
          'the explorer URL',
          () => /the explorer is at http:\/\/127\.0\.0\.1:\d+/.test(out) || child.exitCode !== null,
          200_000,
        );
        expect(out, out).toContain(`the explorer is at http://127.0.0.1:${httpPort}`);
        expect(out).toMatch(/seeded the empty database/);
        jvm = (JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number }).pid;
        expect(alive(jvm)).toBe(true);
        const health = await fetch(`http://127.0.0.1:${httpPort}/api/health`);
        expect(health.status).toBe(200);
        const page = await fetch(`http://127.0.0.1:${httpPort}/`);
        expect(await page.text()).toContain('<div id="root">');

        child.kill(signal);
        const end = await exited;
        expect(end.code, out.slice(-2000)).toBe(0);
        expect(out).toContain(`${signal} received, stopping`);
        await until('the JVM to exit', () => !alive(jvm), 30_000);
        expect(await isPortFree(boltPort)).toBe(true);
        expect(await isPortFree(httpPort)).toBe(true);
      } finally {
        // A failed test must not leave its JVM behind either (SIGKILL of start.ts cannot stop it).
        if (child.exitCode === null) child.kill('SIGKILL');
        if (!jvm && existsSync(stateFile)) jvm = (JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number }).pid;
        if (jvm && alive(jvm)) process.kill(jvm, 'SIGKILL');
      }
    },
    240_000,
  );
});
