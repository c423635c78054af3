/**
 * How long a restore of a large app store keeps other processes' writes waiting. Builds a store
 * with the project's own writers (audit entries, staged ingest batches of a real article), backs
 * it up, writes more entries since, then restores it while a worker thread with its own
 * connection (another process, as far as SQLite goes) writes an audit entry every millisecond
 * with a busy timeout long enough to wait out anything; prints the longest wait of one write.
 * usage: tsx bench/restore-window.ts [AUDIT_ENTRIES=50000] [BATCHES=20000] [SINCE=2000]
 */
import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { extractWithText } from '../src/ingest/article';
import { Staging } from '../src/ingest/staging/store';
import { ROOT } from '../src/runtime/paths';
import { openAppStore } from '../src/runtime/store/app-store';
import { createAudit } from '../src/server/audit/audit';
import { createBackup, restoreBackup, type BackupTarget } from '../src/server/backup/backup';
import type { Actor } from '../src/server/http/actor';

const [entries = 50_000, batches = 20_000, since = 2_000] = process.argv.slice(2).map(Number);
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-restore-window-'));
const dataDir = join(tmp, 'data');
const target: BackupTarget = { managed: null, driver: null, database: 'neo4j', dataDir };
const admin: Actor = { name: 'ada', role: 'admin', via: 'local' };
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// The probe: its own connection in a worker thread, so its waits block neither the restore nor the clock.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 600000');
const insert = db.prepare("INSERT INTO audit_entries (at, actor, role, action, target) VALUES (?, 'probe', 'editor', 'probe.write', ?)");
let longest = 0, n = 0, stop = false;
parentPort.on('message', () => (stop = true));
(function write() {
  if (stop) return parentPort.postMessage({ longest, n });
  const t0 = performance.now();
  insert.run(new Date().toISOString(), 'p-' + n++);
  longest = Math.max(longest, performance.now() - t0);
  setTimeout(write, 1);
})();`;

async function main(): Promise<void> {
  const store = openAppStore(dataDir);
  const audit = createAudit(store);
  const staging = new Staging(store);
  const raw = readFileSync(join(ROOT, '..', 'shared', 'articles', '000_3637b7a33c42ae06.txt'), 'utf8');
  const { batch } = await extractWithText({ raw, format: 'txt', source: 'bench' }, { extractor: 'js' });
  const t0 = performance.now();
  store.db.transaction(() => {
    for (let i = 0; i < entries; i++)
      audit.record(admin, { action: 'bench.write', target: `e-${i}`, detail: { i, note: 'x'.repeat(200) } });
    for (let i = 0; i < batches; i++) {
      const sha256 = `${i.toString(16).padStart(12, '0')}${batch.article.sha256.slice(12)}`;
      staging.addBatch({ ...batch, article: { ...batch.article, sha256 } }, 'ada');
    }
  })();
  store.close();
  const size = statSync(join(dataDir, 'app.sqlite')).size;
  console.log(
    `store: ${entries} audit entries, ${batches} staged batches (${JSON.stringify(batch).length} bytes of JSON each), ` +
      `${(size / 1e6).toFixed(0)} MB, built in ${secs(performance.now() - t0)}`,
  );

  const backup = await createBackup(target, { dir: join(tmp, 'backups') });
  const after = openAppStore(dataDir);
  const later = createAudit(after);
  after.db.transaction(() => {
    for (let i = 0; i < since; i++) later.record(admin, { action: 'bench.since', target: `s-${i}` });
  })();
  after.close();

  const probe = new Worker(PROBE, {
    eval: true,
    workerData: { file: join(dataDir, 'app.sqlite'), sqlite: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  const done = new Promise<{ longest: number; n: number }>((resolve) => probe.once('message', resolve));
  await new Promise((r) => setTimeout(r, 200));
  const t1 = performance.now();
  await restoreBackup(join(tmp, 'backups', backup.file), target, {
    force: true,
    safety: false,
    dir: join(tmp, 'backups'),
    actor: admin,
  });
  const restore = performance.now() - t1;
  await new Promise((r) => setTimeout(r, 200));
  probe.postMessage('stop');
  const { longest, n } = await done;
  await probe.terminate();
  console.log(
    `restore: ${secs(restore)} in all; the longest wait of one write beside it: ${secs(longest)} (${n} writes)`,
  );
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
