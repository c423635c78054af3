/**
 * Backups as the API process sees them: list, back up now (one at a time in this process), and
 * the optional schedule; each backup is audited.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { Env } from '../../runtime/config';
import type { AppStore } from '../../runtime/store/app-store';
import type { Backup } from '../../shared/api/backups';
import type { Audit } from '../audit/audit';
import type { Actor } from '../http/actor';
import { ApiError } from '../http/errors';
import { createBackup, ingestedTextsDir, listBackups, type BackupTarget } from './backup';
import type { ManagedSettings } from './maintenance';
import { startBackupSchedule, type Schedule } from './schedule';

export interface Backups {
  readonly dir: string;
  readonly every: string | null;
  readonly keep: number;
  list(): Backup[];
  create(actor: Actor): Promise<Backup>;
  stop(): void;
}

const SCHEDULER: Actor = Object.freeze({
  name: 'scheduler',
  role: 'admin',
  via: 'local',
  origin: Object.freeze({ via: 'server', ref: null, label: null }),
});

export function createBackups(opts: {
  env: Env;
  managed: ManagedSettings | null;
  driver: Driver;
  database: string;
  store: AppStore;
  audit: Audit;
  log: FastifyBaseLogger;
}): Backups {
  const { env, audit } = opts;
  const dir = env.NEWSGRAPH_BACKUP_DIR;
  const target: BackupTarget & { store: AppStore } = {
    managed: opts.managed,
    driver: opts.driver,
    database: opts.database,
    dataDir: env.NEWSGRAPH_DATA_DIR,
    store: opts.store,
    ingestTexts: ingestedTextsDir(env),
    javaHome: env.JAVA_HOME,
  };
  const record = (actor: Actor, b: Backup) =>
    audit.record(actor, {
      action: 'backup.create',
      target: b.file,
      after: b,
      detail:
        b.graph === 'none'
          ? { note: 'app store only: the graph is on an external Neo4j (use the dataset export)' }
          : null,
    });
  let busy = false;
  let schedule: Schedule | null = null;
  if (env.NEWSGRAPH_BACKUP_EVERY)
    schedule = startBackupSchedule({
      every: env.NEWSGRAPH_BACKUP_EVERY,
      keep: env.NEWSGRAPH_BACKUP_KEEP,
      dir,
      target,
      log: opts.log,
      onBackup: (b) => record(SCHEDULER, b),
    });
  return {
    dir,
    every: env.NEWSGRAPH_BACKUP_EVERY ?? null,
    keep: env.NEWSGRAPH_BACKUP_KEEP,
    list: () => listBackups(dir),
    async create(actor) {
      if (busy) throw new ApiError(409, 'CONFLICT', 'A backup is already under way.');
      busy = true;
      try {
        const b = await createBackup(target, { dir, log: (l) => opts.log.info(l) });
        record(actor, b);
        return b;
      } finally {
        busy = false;
      }
    },
    stop: () => schedule?.stop(),
  };
}
