/**
 * `npm start`: the managed Neo4j (or NEO4J_URI), seeded when empty, the explorer built when
 * missing or stale, then the API and the explorer on one port (HOST/PORT). Ctrl-C stops
 * everything this command started; a Neo4j that was already running (db:start) is left running.
 */
import { formatCounts, seedIfEmpty, SeedValidationError } from '../../dataset/index';
import { ConfigError, loadEnv } from '../../runtime/config';
import { createDriver, resolveTarget, type Neo4jTarget } from '../../runtime/connection';
import { ManagedNeo4jError } from '../../runtime/managed/errors';
import { managedStatus, stopManaged, type ManagedHandle } from '../../runtime/managed/instance';
import { maintenanceUnderway } from '../backup/maintenance';
import { startServer, type RunningServer } from '../http/server';
import { ensureBuild } from './ensure-build';
import { startupNeo4jMessage } from './neo4j-startup';

const secs = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const env = loadEnv();
  const t0 = Date.now();
  const log = (l: string) => console.log(l);
  let target: Neo4jTarget | undefined;
  let server: RunningServer | undefined;
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`newsgraph: ${why}, stopping…`);
    await server?.close().catch(() => {});
    // By folder, not by handle: a backup may have restarted the server we started (maintenance.ts).
    if (target?.managed?.owned) await stopManaged(target.managed.info.home);
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void shutdown(`${sig} received`));

  try {
    target = await resolveTarget(env, log);
    const m = target.managed;
    log(
      m
        ? `newsgraph: Neo4j ${m.owned ? 'started' : 'already running'} at ${target.uri} (${secs(t0)}; password in ${m.info.passwordFile}; data in ${m.info.dataDir})`
        : `newsgraph: using Neo4j at ${target.uri}, database ${target.database}`,
    );
    if (m?.owned) watchManaged(m, () => stopping, shutdown);

    const driver = createDriver(target);
    try {
      const seeded = await seedIfEmpty(driver, target.database, { articlesDir: env.ARTICLES_DIR, log });
      log(
        seeded
          ? `newsgraph: seeded the empty database (${secs(t0)})\n${formatCounts(seeded.counts)}`
          : 'newsgraph: the database already has data; not seeding',
      );
    } finally {
      await driver.close();
    }

    await ensureBuild();
    server = await startServer({ env, target });
    log(`\nnewsgraph: the explorer is at ${server.url}  (ready in ${secs(t0)}; Ctrl-C stops it)`);
  } catch (e) {
    const neo4jWhy = target && startupNeo4jMessage(e, { ...target, ownNeo4j: !!env.NEO4J_URI });
    if (neo4jWhy) console.error(`newsgraph: ${neo4jWhy}`);
    else if (e instanceof ManagedNeo4jError || e instanceof ConfigError || e instanceof SeedValidationError)
      console.error(`newsgraph: ${e.message}`);
    else console.error(e);
    await shutdown('start-up failed', 1);
  }
}

/**
 * Stops the app when the managed Neo4j dies, but not when a backup or restore stops it on
 * purpose: then it waits for the restarted server and watches that one (by its state file).
 */
function watchManaged(
  m: ManagedHandle,
  stopping: () => boolean,
  shutdown: (why: string, code?: number) => Promise<void>,
) {
  const home = m.info.home;
  const gone = (code: number | null) => {
    if (!stopping()) void shutdown(`Neo4j exited unexpectedly (code ${code}; see ${m.info.logFile})`, 1);
  };
  void m.exited.then((code) => {
    if (!maintenanceUnderway(home)) return gone(code);
    console.log('newsgraph: Neo4j was stopped for a backup or restore; waiting for it to start again…');
    const poll = setInterval(() => {
      if (stopping()) return clearInterval(poll);
      if (maintenanceUnderway(home)) return;
      if (!managedStatus(home).running) {
        clearInterval(poll);
        gone(null);
      }
    }, 2_000);
    poll.unref();
  });
}

void main();
