/**
 * End-to-end harness, server side: the explorer built for tests, served by the real API server
 * (what `npm start` runs) on a real Neo4j. The browser side is tests/support/browser.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, newestSourceMtime } from '../../../src/server/cli/ensure-build';
import { loadEnv } from '../../../src/runtime/config';
import type { Neo4jTarget } from '../../../src/runtime/connection';
import { ROOT } from '../../../src/runtime/paths';
import { startServer, type RunningServer } from '../../../src/server/http/server';

const BUILDS = join(ROOT, 'node_modules', '.cache', 'newsgraph-e2e-web');

/**
 * The front end as the sources are now, built for tests (`--mode e2e`: with the test hooks) into
 * a folder named after this checkout and the newest source time: immutable once built, so another
 * process rebuilding dist/ (or the sources changing) cannot pull assets from under a running test.
 * Worktrees share one node_modules, hence the checkout's prefix: each keeps the three newest of its
 * own builds and never deletes another checkout's. Folders of the older digits-only naming go once
 * an hour old (a checkout still on that naming may be running its tests on a newer one).
 */
export async function buildForTests(): Promise<string> {
  const prefix = `${createHash('sha256').update(ROOT).digest('hex').slice(0, 10)}-`;
  const dir = join(BUILDS, `${prefix}${Math.floor(newestSourceMtime())}`);
  await ensureBuild({ outDir: dir, mode: 'e2e', log: () => {} });
  const names = readdirSync(BUILDS);
  const ours = names
    .filter((d) => d.startsWith(prefix) && /^\d+$/.test(d.slice(prefix.length)))
    .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)));
  const stale = (d: string) =>
    (statSync(join(BUILDS, d), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 3_600_000;
  const old = [...ours.slice(3), ...names.filter((d) => /^\d+$/.test(d) && stale(d))];
  for (const d of old) rmSync(join(BUILDS, d), { recursive: true, force: true });
  return dir;
}

/** Builds the front end when needed, then starts the API + explorer on a free port against `target`. */
export async function startApp(target: Neo4jTarget, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const webRoot = await buildForTests();
  const env = loadEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    LOG_LEVEL: 'silent',
    NEWSGRAPH_TOKEN: '',
    ...extraEnv,
  });
  return startServer({ env, target, logger: false, webRoot });
}
