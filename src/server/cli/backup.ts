/**
 * `npm run db:backup [-- --dir DIR]` and `npm run db:restore -- FILE [--force] [--no-safety-backup]`.
 * Managed Neo4j: the graph is dumped with neo4j-admin during a brief stop of the managed server
 * (Community Edition has no online backup), the app store is copied online. NEO4J_URI: the app
 * store only; the graph's backup is that server's own, or the dataset export.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadEnv, type Env } from '../../runtime/config';
import { createDriver } from '../../runtime/connection';
import { ManagedNeo4jError } from '../../runtime/managed/errors';
import { managedStatus } from '../../runtime/managed/instance';
import { openAppStore } from '../../runtime/store/app-store';
import { createAudit } from '../audit/audit';
import {
  BackupError,
  createBackup,
  ingestedTextsDir,
  restoreBackup,
  RestoreRefused,
  type BackupTarget,
} from '../backup/backup';
import { CLI_ORIGIN, type Actor } from '../http/actor';

function target(env: Env): { t: BackupTarget; driver: Driver | null } {
  let driver: Driver | null = null;
  if (env.NEO4J_URI) {
    driver = createDriver({ uri: env.NEO4J_URI, username: env.NEO4J_USERNAME, password: env.NEO4J_PASSWORD ?? '' });
    const t = { managed: null, driver, database: env.NEO4J_DATABASE, dataDir: env.NEWSGRAPH_DATA_DIR };
    return { t: { ...t, ingestTexts: ingestedTextsDir(env) }, driver };
  }
  const home = env.NEWSGRAPH_NEO4J_HOME;
  const st = managedStatus(home);
  // The driver follows the instance across the stop and start (same port, same password).
  if (st.running && st.uri && st.password)
    driver = createDriver({ uri: st.uri, username: st.username, password: st.password });
  return {
    t: {
      managed: {
        home,
        heap: env.NEWSGRAPH_NEO4J_HEAP,
        pagecache: env.NEWSGRAPH_NEO4J_PAGECACHE,
        javaHome: env.JAVA_HOME,
      },
      driver,
      database: st.database,
      dataDir: env.NEWSGRAPH_DATA_DIR,
      ingestTexts: ingestedTextsDir(env),
      javaHome: env.JAVA_HOME,
    },
    driver,
  };
}

/** The person at the server's console, as the audit trail records them. */
const consoleActor = (): Actor => ({
  name: `console:${userInfo().username}`,
  role: 'admin',
  via: 'local',
  origin: CLI_ORIGIN,
});

function audit(env: Env, action: string, target: string, after: unknown) {
  const store = openAppStore(env.NEWSGRAPH_DATA_DIR);
  try {
    createAudit(store).record(consoleActor(), { action, target, after });
  } finally {
    store.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { dir: { type: 'string' }, force: { type: 'boolean' }, 'no-safety-backup': { type: 'boolean' } },
  });
  const env = loadEnv();
  const dir = resolve(values.dir ?? env.NEWSGRAPH_BACKUP_DIR);
  const { t, driver } = target(env);
  const log = (l: string) => console.log(l);
  try {
    if (command === 'backup') {
      const t0 = Date.now();
      const b = await createBackup(t, { dir, log });
      audit(env, 'backup.create', b.file, b);
      console.log(`newsgraph: backup written in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${resolve(dir, b.file)}`);
      console.log(
        `  graph: ${b.graph === 'dump' ? 'neo4j-admin dump' : 'not included (external Neo4j: use its own backup, or the dataset export)'}`,
      );
      if (b.fingerprint) console.log(`  fingerprint: ${b.fingerprint}`);
      return 0;
    }
    if (command === 'restore') {
      const file = positionals[0];
      if (!file) {
        console.error('usage: npm run db:restore -- FILE [--force] [--no-safety-backup]');
        return 2;
      }
      const r = await restoreBackup(resolve(file), t, {
        force: values.force,
        safety: !values['no-safety-backup'],
        dir,
        log,
        // Recorded by the restore itself, in the same write as the restored store.
        actor: consoleActor(),
      });
      console.log(`newsgraph: restored ${file} (backed up ${r.manifest.at}).`);
      if (r.verified === true) console.log('  the graph is identical to the backup (fingerprint verified)');
      if (r.verified === false) {
        console.error(
          `  the graph's fingerprint differs from the backup's:\n  backup: ${r.manifest.fingerprint}\n  now:    ${r.fingerprint}`,
        );
        return 1;
      }
      return 0;
    }
    console.error('usage: backup.ts backup [--dir DIR] | restore FILE [--force] [--no-safety-backup]');
    return 2;
  } finally {
    await driver?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (
      e instanceof RestoreRefused ||
      e instanceof BackupError ||
      e instanceof ConfigError ||
      e instanceof ManagedNeo4jError
    )
      console.error(`newsgraph: ${e.message}`);
    else console.error(e);
    process.exit(1);
  },
);
