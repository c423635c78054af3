/**
 * `npm run db:backup` / `npm run db:restore` on a managed instance of the test's own, as a person
 * runs them: backup → wipe the graph and change the app store → restore refuses without --force
 * and touches nothing → restore --force keeps the wiped state in a safety backup, then brings back
 * the identical graph (fingerprint: counts, labels, types, property hash), the app store and the
 * ingested articles' texts.
 * Cost: several JVM starts (db:start, a stop and start around each dump and load): ~1–3 min here.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint } from '../../../src/server/backup/fingerprint';
import { Accounts } from '../../../src/server/auth/accounts';
import { managedStatus } from '../../../src/runtime/managed/instance';
import { freePort } from '../../../src/runtime/managed/ports';
import { ROOT } from '../../../src/runtime/paths';
import { managedDatabaseId } from '../../../src/runtime/connection';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { createAudit } from '../../../src/server/audit/audit';
import type { Actor } from '../../../src/server/http/actor';
import { createMergeMap } from '../../../src/server/resources/node-edit/merge-map';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-backup-'));
const home = join(tmp, 'neo4j');
const dataDir = join(tmp, 'data');
const backupDir = join(tmp, 'backups');
// An ingested article's text (named by its sha256): what staged batches and accepted quotes refer to.
const texts = join(tmp, 'ingest', 'articles');
const TEXT = { name: 'ea99026f72baa0d9.txt', body: 'A drone struck a power station, the governor said.\n' };
const ADA: Actor = { name: 'ada', role: 'admin', via: 'session' };
let port = 0;
let driver: Driver;

/** A CLI of the repo with this test's folders; resolves with stdout+stderr and the exit code. */
async function cli(script: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = {
    ...process.env,
    NEO4J_URI: '',
    NEWSGRAPH_NEO4J_HOME: home,
    NEWSGRAPH_NEO4J_PORT: String(port),
    NEWSGRAPH_NEO4J_HEAP: '512m',
    NEWSGRAPH_NEO4J_PAGECACHE: '64m',
    NEWSGRAPH_DATA_DIR: dataDir,
    NEWSGRAPH_BACKUP_DIR: backupDir,
    NEWSGRAPH_INGEST_DIR: join(tmp, 'ingest'),
    NEWSGRAPH_INGEST_TEXTS: 'ingest',
  };
  try {
    const r = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, script), ...args], {
      env,
      cwd: ROOT,
      timeout: 300_000,
    });
    return { code: 0, out: `${r.stdout}\n${r.stderr}` };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== 'number') throw e;
    return { code: x.code, out: `${x.stdout ?? ''}\n${x.stderr ?? ''}` };
  }
}

const fingerprint = () => graphFingerprint(driver, 'neo4j');
const users = () => {
  const store = openAppStore(dataDir);
  try {
    return new Accounts(store)
      .list()
      .map((a) => a.name)
      .sort();
  } finally {
    store.close();
  }
};

beforeAll(async () => {
  port = await freePort();
  const started = await cli('src/server/cli/db.ts', ['start']);
  expect(started.code, started.out).toBe(0);
  const st = managedStatus(home);
  driver = neo4j.driver(st.uri!, neo4j.auth.basic(st.username, st.password!), { maxTransactionRetryTime: 30_000 });
  // Every kind of value a dump must carry: strings, numbers, lists, temporal and spatial values.
  await driver.executeQuery(
    `UNWIND range(1, 40) AS i
     CREATE (p:Person:Entity {id: 'p' + i, name: 'Person ' + i, score: i * 0.5, tags: ['a', toString(i)],
                              born: date('1970-01-01') + duration({days: i}), seen: datetime('2024-05-01T10:00:00Z'),
                              at: point({latitude: 50.6 + i / 100.0, longitude: 36.6})})
     WITH p, i WHERE i > 1
     MATCH (q:Person {id: 'p' + (i - 1)})
     CREATE (p)-[:KNOWS {since: i, quote: 'said so ' + i}]->(q)`,
    {},
    { database: 'neo4j' },
  );
  await driver.executeQuery(
    `CREATE (:Org {id: 'o1', name: 'Ministry'})<-[:WORKS_FOR]-(:Person {id: 'x'})`,
    {},
    { database: 'neo4j' },
  );
  const store = openAppStore(dataDir);
  await new Accounts(store).add('ada', 'admin', 'correct horse battery');
  store.close();
  mkdirSync(texts, { recursive: true });
  writeFileSync(join(texts, TEXT.name), TEXT.body);
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await cli('src/server/cli/db.ts', ['stop']).catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('db:backup and db:restore on the managed instance', { timeout: 300_000 }, () => {
  let before = '';
  let file = '';

  it('backs up the graph (dump during a brief stop) and the app store, and the server runs again after', async () => {
    before = await fingerprint();
    expect(before).toMatch(/^nodes=42 rels=40 labels=\[Entity:40,Org:1,Person:41\] types=\[KNOWS:39,WORKS_FOR:1\]/);
    const r = await cli('src/server/cli/backup.ts', ['backup']);
    expect(r.code, r.out).toBe(0);
    file = /backup written in [\d.]+ s: (\S+\.tar)/.exec(r.out)?.[1] ?? '';
    expect(existsSync(file), r.out).toBe(true);
    const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ graph: 'dump', appStore: true, fingerprint: before, reason: 'manual', texts: 1 });
    expect(managedStatus(home).running).toBe(true);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses to restore over a graph or store that holds anything without --force, and changes nothing', async () => {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: 'neo4j' });
    const store = openAppStore(dataDir);
    await new Accounts(store).add('mallory', 'admin', 'correct horse battery');
    store.close();
    rmSync(texts, { recursive: true }); // a new machine: the ingested texts are gone too
    const wiped = await fingerprint();
    expect(wiped).toMatch(/^nodes=0 rels=0/);

    const r = await cli('src/server/cli/backup.ts', ['restore', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Refusing to overwrite: .*app store .*--force/);
    expect(await fingerprint()).toBe(wiped);
    expect(users()).toEqual(['ada', 'mallory']);
  });

  it('with --force keeps the current state in a safety backup, then restores the identical graph and the store', async () => {
    // Merges made since the backup: the managed graph goes back to before them, another database's does not.
    const other = 'bolt://graph.example:7687/neo4j';
    const managedDb = managedDatabaseId(managedStatus(home).home, 'neo4j');
    const mergedSince = openAppStore(dataDir);
    for (const database of [managedDb, other])
      createMergeMap(mergedSince, database).record({
        duplicate: { id: '4:x:1', key: 'p1', name: 'Person 1' },
        survivor: { id: '4:x:2', key: 'p2', name: 'Person 2' },
        at: new Date().toISOString(),
        by: 'ada',
        auditId: createAudit(mergedSince).record(ADA, { action: 'node.merge', target: `p2 in ${database}` }).id,
      });
    mergedSince.close();

    const r = await cli('src/server/cli/backup.ts', ['restore', file, '--force']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/fingerprint verified/);
    expect(await fingerprint()).toBe(before);
    expect(users()).toEqual(['ada']);
    expect(readFileSync(join(texts, TEXT.name), 'utf8')).toBe(TEXT.body);
    const safety = /the current state is kept in (\S+\.tar)/.exec(r.out)?.[1] ?? '';
    expect(existsSync(safety), r.out).toBe(true);
    const kept = JSON.parse(readFileSync(`${safety}.json`, 'utf8')) as { fingerprint: string; reason: string };
    expect(kept.reason).toBe('pre-restore');
    expect(kept.fingerprint).toMatch(/^nodes=0 rels=0/);
    // The restore is audited in the restored store, by the console user who ran it.
    const store = openAppStore(dataDir);
    try {
      const row = store.db
        .prepare("SELECT actor, action, origin FROM audit_entries WHERE action = 'backup.restore'")
        .get();
      expect(row).toMatchObject({ action: 'backup.restore', actor: expect.stringMatching(/^console:/), origin: 'cli' });
      // The backup's own entry is written after the backup was taken: the restored trail keeps it.
      const actions = store.db.prepare('SELECT action FROM audit_entries ORDER BY id').pluck().all();
      expect(actions).toEqual(['backup.create', 'node.merge', 'node.merge', 'backup.restore']);
      expect(createMergeMap(store, managedDb).lookup('p1')).toBeNull();
      expect(createMergeMap(store, other).lookup('p1')?.survivor.key).toBe('p2');
    } finally {
      store.close();
    }
  });
});
