/**
 * Backups that lose nothing: one tar file holding the app store (users, tokens, staged ingest,
 * perspectives, the audit trail — copied with SQLite's online backup API, consistent while the
 * server writes) and, for the managed Neo4j, a `neo4j-admin database dump` of the graph (taken
 * during a brief managed stop, see maintenance.ts), plus a manifest with the graph's fingerprint.
 * A restore refuses to overwrite anything without `force`, takes a safety backup first, loads,
 * and verifies the fingerprint. For an external Neo4j (NEO4J_URI) only the app store is kept:
 * the graph's backup is that server's own (or the dataset export).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Driver } from 'neo4j-driver';
import * as tar from 'tar';
import { ingestTextDir } from '../../ingest/store';
import type { Env } from '../../runtime/config';
import { managedDatabaseId } from '../../runtime/connection';
import { APP_STORE_FILE, openAppStore, type AppStore } from '../../runtime/store/app-store';
import { managedStatus } from '../../runtime/managed/instance';
import type { Backup } from '../../shared/api/backups';
import { createAudit, type Audit } from '../audit/audit';
import type { Actor } from '../http/actor';
import { BackupError, runAdminTool } from './admin-tool';
import { graphFingerprint } from './fingerprint';
import { withManagedStopped, type ManagedSettings } from './maintenance';
import { liveStoreFile, restoreStore } from './restore-store';
import { assertNotServed } from '../../runtime/store/restore-wait';

export { BackupError } from './admin-tool';

/** The ingested texts newsgraph keeps itself; null when they go to the user's own ARTICLES_DIR. */
export const ingestedTextsDir = (env: Pick<Env, 'NEWSGRAPH_INGEST_TEXTS' | 'ARTICLES_DIR' | 'NEWSGRAPH_INGEST_DIR'>) =>
  env.NEWSGRAPH_INGEST_TEXTS === 'ingest' ? ingestTextDir(env) : null;

/** The managed server's one user database (newsgraph's managed instance always uses it). */
const DATABASE = 'neo4j';

export interface BackupTarget {
  /** The managed instance, or null for an external Neo4j (then only the app store is backed up). */
  managed: ManagedSettings | null;
  /** To fingerprint the graph; without one (or with the server stopped) the manifest says null. */
  driver?: Driver | null;
  database: string;
  /** The app store's folder (NEWSGRAPH_DATA_DIR). */
  dataDir: string;
  /** The open store of this process, if any (backed up through it; else the file is opened). */
  store?: AppStore | null;
  /**
   * The ingested articles' texts (NEWSGRAPH_INGEST_DIR/articles): every staged batch and accepted
   * quote refers to one by sha256, so they are kept with the store. Unset when they live in the
   * user's own ARTICLES_DIR.
   */
  ingestTexts?: string | null;
  javaHome?: string;
}

export interface Manifest {
  format: 1;
  at: string;
  reason: 'manual' | 'scheduled' | 'pre-restore';
  graph: 'dump' | 'none';
  database: string;
  fingerprint: string | null;
  appStore: boolean;
  /** How many ingested texts it holds (absent in backups made before they were kept). */
  texts?: number;
}

/** The folder of ingested texts inside a backup. */
const TEXTS = 'ingest-texts';

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/** Fingerprint of a running graph, or null when it cannot be read now. */
async function fingerprintOrNull(t: BackupTarget): Promise<string | null> {
  if (!t.driver) return null;
  if (t.managed && !managedStatus(t.managed.home).running) return null;
  return graphFingerprint(t.driver, t.database);
}

/** Copies the app store to `dest` with SQLite's online backup (consistent while others write). */
async function copyStore(t: BackupTarget, dest: string): Promise<boolean> {
  // Through the open store when there is one (an in-memory one too: never another process's file).
  if (t.store) {
    await t.store.db.backup(dest);
    return true;
  }
  const file = join(t.dataDir, APP_STORE_FILE);
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  return true;
}

/** Copies the ingested texts into `dest`; their number, or null when there is no such folder. */
function copyTexts(from: string | null | undefined, dest: string): number | null {
  if (!from || !existsSync(from)) return null;
  mkdirSync(dest, { recursive: true });
  const files = readdirSync(from).filter((f) => statSync(join(from, f)).isFile());
  for (const f of files) cpSync(join(from, f), join(dest, f));
  return files.length;
}

/** Writes one backup into `dir`; returns what was written. Cost: the dump (a managed stop) plus copies. */
export async function createBackup(
  t: BackupTarget,
  opts: { dir: string; reason?: Manifest['reason']; log?: (l: string) => void; now?: Date },
): Promise<Backup> {
  const log = opts.log ?? (() => {});
  const at = opts.now ?? new Date();
  const reason = opts.reason ?? 'manual';
  mkdirSync(opts.dir, { recursive: true });
  const work = mkdtempSync(join(opts.dir, '.work-'));
  try {
    const fingerprint = t.managed ? await fingerprintOrNull(t) : t.driver ? await fingerprintOrNull(t) : null;
    let appStore = false;
    let graph: Manifest['graph'] = 'none';
    if (t.managed) {
      const home = t.managed.home;
      if (!existsSync(join(home, 'data', 'databases', DATABASE)))
        throw new BackupError(`The managed instance in ${home} has no database yet: nothing to dump.`);
      await withManagedStopped(
        t.managed,
        async () => {
          // Copied while the graph cannot change: an accept committed just before the stop is in
          // both the dump and the store, never in the graph alone (re-accepted after a restore).
          appStore = await copyStore(t, join(work, APP_STORE_FILE));
          await runAdminTool(
            home,
            ['database', 'dump', DATABASE, `--to-path=${work}`, '--overwrite-destination=true'],
            t.javaHome,
          );
        },
        log,
      );
      graph = 'dump';
    } else {
      appStore = await copyStore(t, join(work, APP_STORE_FILE));
      log(
        'newsgraph: NEO4J_URI is set, so the graph is not dumped here (neo4j-admin needs the server’s files); ' +
          'back it up with that server’s own tools, or the dataset export.',
      );
    }
    const texts = copyTexts(t.ingestTexts, join(work, TEXTS));
    const manifest: Manifest = {
      format: 1,
      at: at.toISOString(),
      reason,
      graph,
      database: t.database,
      fingerprint,
      appStore,
      ...(texts === null ? {} : { texts }),
    };
    writeFileSync(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const name = `newsgraph-${stamp(at)}${reason === 'manual' ? '' : `-${reason}`}.tar`;
    const file = join(opts.dir, name);
    const entries = readdirSync(work).filter((f) =>
      ['manifest.json', APP_STORE_FILE, `${DATABASE}.dump`, TEXTS].includes(f),
    );
    await tar.c({ file: `${file}.partial`, cwd: work }, entries);
    // Renamed only once complete: a half-written backup never looks like a backup.
    writeFileSync(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    await import('node:fs/promises').then((fs) => fs.rename(`${file}.partial`, file));
    return { file: name, at: manifest.at, bytes: statSync(file).size, graph, fingerprint };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Backups in `dir`, newest first (from the manifest written beside each). */
export function listBackups(dir: string): Backup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tar') && existsSync(join(dir, `${f}.json`)))
    .map((f) => {
      const m = JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')) as Manifest;
      return { file: f, at: m.at, bytes: statSync(join(dir, f)).size, graph: m.graph, fingerprint: m.fingerprint };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Removes scheduled backups beyond the newest `keep` (manual and pre-restore ones stay). */
export function pruneScheduled(dir: string, keep: number): string[] {
  const old = listBackups(dir)
    .filter((b) => b.file.endsWith('-scheduled.tar'))
    .slice(keep);
  for (const b of old) {
    rmSync(join(dir, b.file), { force: true });
    rmSync(join(dir, `${b.file}.json`), { force: true });
  }
  return old.map((b) => b.file);
}

/** What a restore would overwrite (empty when nothing). */
async function occupied(t: BackupTarget): Promise<string[]> {
  const found: string[] = [];
  if (t.managed) {
    const running = managedStatus(t.managed.home).running;
    if (running && t.driver) {
      const r = await t.driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: t.database });
      const n = Number(r.records[0]!.get('n'));
      if (n > 0) found.push(`the graph holds ${n} nodes`);
    } else if (existsSync(join(t.managed.home, 'data', 'databases', DATABASE)))
      found.push('the managed instance has a database');
  }
  const file = join(t.dataDir, APP_STORE_FILE);
  if (existsSync(file)) found.push(`the app store ${file} exists`);
  return found;
}

export interface RestoreResult {
  manifest: Manifest;
  safetyBackup: Backup | null;
  /** The graph's fingerprint after the load, and whether it equals the backup's. */
  fingerprint: string | null;
  verified: boolean | null;
}

/**
 * Restores `file` over the current graph and app store. Refuses (RestoreRefused) when either
 * holds anything, unless `force`; with force, backs up the current state first (unless
 * `safety: false`). The audit trail is not rolled back: it keeps every entry, and gets one for
 * the restore by `actor` (when given) in the same write as the store.
 * Cost: a safety backup, a managed stop around the load, a fingerprint pass.
 */
export async function restoreBackup(
  file: string,
  t: BackupTarget,
  opts: { force?: boolean; safety?: boolean; dir: string; log?: (l: string) => void; actor?: Actor },
): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  if (!existsSync(file)) throw new BackupError(`No backup file ${file}`);
  // Before anything is touched: refused at the store's turn, the graph would be restored alone.
  assertNotServed(liveStoreFile(t));
  const work = mkdtempSync(join(opts.dir, '.restore-'));
  try {
    await tar.x({ file, cwd: work, strict: true, filter: (p) => !p.includes('..') && !p.startsWith('/') });
    const manifestFile = join(work, 'manifest.json');
    if (!existsSync(manifestFile))
      throw new BackupError(`${basename(file)} is not a newsgraph backup (no manifest.json).`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.format !== 1)
      throw new BackupError(`${basename(file)}: unknown backup format ${String(manifest.format)}`);
    const dump = join(work, `${DATABASE}.dump`);
    if (manifest.graph === 'dump' && !t.managed)
      throw new BackupError(
        'This backup holds a dump of a managed Neo4j, but NEO4J_URI points at another server: load it with that server’s own neo4j-admin, or restore into the managed instance (unset NEO4J_URI).',
      );
    const taken = await occupied(t);
    if (taken.length && !opts.force)
      throw new RestoreRefused(
        `Refusing to overwrite: ${taken.join('; ')}. Run again with --force (a safety backup of the current state is taken first).`,
      );
    const safetyBackup =
      taken.length && opts.safety !== false
        ? await createBackup(t, { dir: opts.dir, reason: 'pre-restore', log })
        : null;
    if (safetyBackup) log(`newsgraph: the current state is kept in ${join(opts.dir, safetyBackup.file)}`);
    if (manifest.graph === 'dump' && t.managed) {
      const home = t.managed.home;
      await withManagedStopped(
        t.managed,
        () =>
          runAdminTool(
            home,
            ['database', 'load', DATABASE, `--from-path=${work}`, '--overwrite-destination=true'],
            t.javaHome,
          ),
        log,
      );
      if (!existsSync(dump)) throw new BackupError('the dump is missing from the backup');
    }
    // Verified before the store is swapped, so the restore's audit entry can say so; a failing
    // check still lets the store follow the graph (and is thrown after).
    let fingerprint: string | null = null;
    let unchecked: unknown = null;
    if (manifest.graph === 'dump')
      fingerprint = await fingerprintOrNull(t).catch((e: unknown) => ((unchecked = e), null));
    const verified = fingerprint && manifest.fingerprint ? fingerprint === manifest.fingerprint : null;
    const record = (audit: Audit) => {
      if (opts.actor)
        audit.record(opts.actor, {
          action: 'backup.restore',
          target: basename(file),
          after: manifest,
          detail: { file, safetyBackup: safetyBackup?.file ?? null, verified },
        });
    };
    // A graph loaded from the dump is the backup's again, and so must be its merge map; else the
    // graph kept the merges made since, and the store keeps their rows.
    const graphRestored =
      manifest.graph === 'dump' && t.managed ? managedDatabaseId(managedStatus(t.managed.home).home, DATABASE) : null;
    if (manifest.appStore) await restoreStore(join(work, APP_STORE_FILE), t, record, graphRestored);
    else if (opts.actor) recordInLiveStore(t, record);
    // Texts are named by their sha256: bringing back the missing ones never changes a present one.
    if (t.ingestTexts && existsSync(join(work, TEXTS)))
      cpSync(join(work, TEXTS), t.ingestTexts, { recursive: true, force: false });
    if (unchecked) throw unchecked;
    return { manifest, safetyBackup, fingerprint, verified };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A restore without an app store in the backup is still audited, in the store that stays. */
function recordInLiveStore(t: BackupTarget, record: (audit: Audit) => void): void {
  if (t.store && t.store.file === liveStoreFile(t)) return record(createAudit(t.store));
  const store = openAppStore(t.dataDir);
  try {
    record(createAudit(store));
  } finally {
    store.close();
  }
}
