/**
 * Holds an app store's write lock from a worker thread (its own connection, as another process
 * would), for tests of what writes do meanwhile.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const HOLDER = `const { parentPort, workerData } = require('node:worker_threads');
const db = new (require(workerData.sqlite))(workerData.file);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('held');
setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.ms);`;

/** Holds `file`'s write lock for `ms`; resolves once it holds it, to a wait for its release. */
export async function holdStoreLock(file: string, ms: number): Promise<() => Promise<void>> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const w = new Worker(HOLDER, { eval: true, workerData: { file, ms, sqlite } });
  const released = new Promise<void>((resolve) => w.on('message', (m) => m === 'released' && resolve()));
  await new Promise((resolve) => w.once('message', resolve));
  return () => released.then(() => w.terminate().then(() => undefined));
}
