import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadEnv } from '../../src/runtime/config';
import { startManaged, type ManagedHandle } from '../../src/runtime/managed/instance';
import { freePort } from '../../src/runtime/managed/ports';
import type { TestNeo4j } from './neo4j';

/**
 * One real Neo4j for the whole run: NEO4J_URI when set, else a managed instance in a temporary
 * folder on a free port, stopped at the end (also when tests fail or the run is interrupted).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = loadEnv();
  if (env.NEO4J_URI) {
    const target: TestNeo4j = {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE,
      managedHome: null,
    };
    project.provide('neo4j', target);
    process.stderr.write(`tests: using the external Neo4j at ${env.NEO4J_URI}\n`);
    return async () => {};
  }
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-test-neo4j-'));
  const t0 = Date.now();
  // Filled once started; the signal handlers registered before that must see it.
  const started: { handle?: ManagedHandle } = {};
  const cleanup = async () => {
    await started.handle?.stop(20_000);
    rmSync(home, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    void cleanup().finally(() => process.kill(process.pid, sig));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const handle = await startManaged({
    home,
    port: await freePort(),
    heap: '1g',
    pagecache: '256m',
    javaHome: env.JAVA_HOME,
    reuse: false,
  });
  started.handle = handle;
  process.stderr.write(
    `tests: managed Neo4j ready at ${handle.info.uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${home})\n`,
  );
  project.provide('neo4j', {
    uri: handle.info.uri!,
    username: handle.info.username,
    password: handle.info.password!,
    database: handle.info.database,
    managedHome: home,
  });
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  };
}
