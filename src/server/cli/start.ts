/**
 * `npm start`: the managed Neo4j (or NEO4J_URI), seeded when empty, then the API and the built
 * explorer on one port. Ctrl-C stops everything this command started.
 */
import { ConfigError, loadEnv } from '../config';
import { ManagedNeo4jError } from '../neo4j/managed/errors';
import { resolveTarget, type Neo4jTarget } from '../neo4j/connection';

async function main(): Promise<void> {
  const env = loadEnv();
  const t0 = Date.now();
  const target: Neo4jTarget = await resolveTarget(env, (l) => console.log(l));
  const m = target.managed;
  console.log(
    m
      ? `newsgraph: Neo4j ${m.owned ? 'started' : 'already running'} at ${target.uri} (${((Date.now() - t0) / 1000).toFixed(1)} s; password in ${m.info.passwordFile}; data in ${m.info.dataDir})`
      : `newsgraph: using Neo4j at ${target.uri}, database ${target.database}`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`newsgraph: ${signal} received, stopping…`);
    if (m?.owned) await m.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  if (m?.owned) {
    void m.exited.then((code) => {
      if (stopping) return;
      console.error(`newsgraph: Neo4j exited unexpectedly (code ${code}); see ${m.info.logFile}`);
      process.exit(1);
    });
  }
}

main().catch((e: unknown) => {
  if (e instanceof ManagedNeo4jError || e instanceof ConfigError) console.error(`newsgraph: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
