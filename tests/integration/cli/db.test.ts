import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isPortFree } from '../../../src/runtime/managed/ports';
import { ROOT } from '../../../src/runtime/paths';

const run = promisify(execFile);

// The db:* commands as a person runs them: start prints where Neo4j is, the printed URI and
// password work with neo4j-driver, stop frees the port and leaves no JVM behind.
describe('npm run db:start / db:status / db:stop', () => {
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-dbcli-'));
  afterAll(async () => {
    await cli(['stop']).catch(() => {});
    rmSync(home, { recursive: true, force: true });
  });
  let port = 0;
  /** The command's stdout (with `all`, stdout and stderr together). */
  const cli = async (args: string[], all = false) => {
    const env = {
      ...process.env,
      NEO4J_URI: '',
      NEWSGRAPH_NEO4J_HOME: home,
      NEWSGRAPH_NEO4J_PORT: String(port),
      NEWSGRAPH_NEO4J_HEAP: '512m',
      NEWSGRAPH_NEO4J_PAGECACHE: '64m',
    };
    const r = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src/server/cli/db.ts'), ...args], {
      env,
      cwd: ROOT,
      timeout: 120_000,
    });
    return all ? `${r.stdout}\n${r.stderr}` : r.stdout;
  };

  it('starts, answers RETURN 1 with the printed credentials, and stops cleanly', async () => {
    port = await freePort();
    const started = await cli(['start']);
    expect(started).toMatch(new RegExp(`uri: +bolt://127\\.0\\.0\\.1:${port}`));
    expect(started).toMatch(/password: +in .*password/);

    const status = JSON.parse(await cli(['status', '--json'])) as Record<string, unknown>;
    expect(Object.keys(status).sort()).toEqual([
      'database',
      'home',
      'logFile',
      'password',
      'running',
      'uri',
      'username',
    ]);
    expect(status).toMatchObject({
      running: true,
      uri: `bolt://127.0.0.1:${port}`,
      username: 'neo4j',
      database: 'neo4j',
    });

    const driver = neo4j.driver(status.uri as string, neo4j.auth.basic('neo4j', status.password as string));
    try {
      const r = await driver.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' });
      expect(r.records[0]!.get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
    const { pid } = JSON.parse(readFileSync(join(home, 'run', 'state.json'), 'utf8')) as { pid: number };
    expect(pid).toBeGreaterThan(0);

    expect(await cli(['stop'])).toMatch(/Neo4j stopped/);
    expect(await isPortFree(port)).toBe(true);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(JSON.parse(await cli(['status', '--json']))).toMatchObject({ running: false, uri: null });

    // A second start with the jars cached downloads nothing and is Bolt-ready in under 30 s.
    const t0 = Date.now();
    const again = await cli(['start'], true);
    const ms = Date.now() - t0;
    expect(again).toMatch(new RegExp(`uri: +bolt://127\\.0\\.0\\.1:${port}`));
    expect(again).not.toMatch(/fetching|download/i);
    expect(ms).toBeLessThan(30_000);
    const second = JSON.parse(readFileSync(join(home, 'run', 'state.json'), 'utf8')) as { pid: number };
    expect(await cli(['stop'])).toMatch(/Neo4j stopped/);
    expect(() => process.kill(second.pid, 0)).toThrow();
  }, 180_000);
});
