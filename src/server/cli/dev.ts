/**
 * `npm run dev`: the managed Neo4j (or NEO4J_URI), seeded when empty, the API on PORT (7400),
 * and Vite's dev server with hot reload on 5173 proxying /api to it. Ctrl-C stops what this
 * command started.
 */
import { createServer, type ViteDevServer } from 'vite';
import { join } from 'node:path';
import { ConfigError, loadEnv, processEnv } from '../../runtime/config';
import { ManagedNeo4jError } from '../../runtime/managed/errors';
import { createDriver, resolveTarget } from '../../runtime/connection';
import { ROOT } from '../../runtime/paths';
import { startServer, type RunningServer } from '../http/server';

async function main(): Promise<void> {
  const env = loadEnv({ NODE_ENV: 'development', ...processEnv() });
  const target = await resolveTarget(env, (l) => console.log(l));
  const m = target.managed;
  console.log(
    m
      ? `newsgraph: Neo4j ${m.owned ? 'started' : 'already running'} at ${target.uri}`
      : `newsgraph: using Neo4j at ${target.uri}`,
  );

  // Seed an empty database, as npm start does (the loader is all-or-nothing).
  try {
    const { seedIfEmpty, formatCounts } = await import('../../dataset/index');
    const driver = createDriver(target);
    try {
      const report = await seedIfEmpty(driver, target.database, { log: (l) => console.log(l) });
      if (report)
        console.log(
          `newsgraph: seeded the empty database in ${(report.ms / 1000).toFixed(1)} s\n${formatCounts(report.counts)}`,
        );
    } finally {
      await driver.close();
    }
  } catch (e) {
    console.warn(`newsgraph: could not seed: ${e instanceof Error ? e.message : String(e)}`);
  }

  let api: RunningServer | null = null;
  let vite: ViteDevServer | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`newsgraph: ${signal} received, stopping…`);
    await vite?.close().catch(() => {});
    await api?.close().catch(() => {});
    if (m?.owned) await m.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // The API only: the dev server serves the front end (webRoot null).
  api = await startServer({ env, target, webRoot: null });
  // The proxy given here overrides vite.config.ts's default API address.
  vite = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    server: { proxy: { '/api': { target: api.url } } },
  });
  await vite.listen();
  const local = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
  console.log(`newsgraph: API on ${api.url}; explorer with hot reload on ${local}`);
}

main().catch((e: unknown) => {
  if (e instanceof ManagedNeo4jError || e instanceof ConfigError) console.error(`newsgraph: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
