import type { Driver } from 'neo4j-driver';

/** One open transaction as SHOW TRANSACTIONS reports it. */
export interface TxView {
  id: string;
  database: string;
  query: string;
  locks: number;
  status: string;
  elapsedMs: number;
  metaData: Record<string, unknown>;
}

/** Open transactions, optionally only those whose metadata carries app=`app`. Cost: one admin query. */
export async function openTransactions(driver: Driver, app?: string): Promise<TxView[]> {
  const r = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD transactionId, database, currentQuery, activeLockCount, status, elapsedTime, metaData
     RETURN transactionId AS id, database, currentQuery AS query, activeLockCount AS locks, status,
            elapsedTime.milliseconds AS elapsedMs, metaData`,
    {},
    { database: 'system' },
  );
  return r.records
    .map((rec) => ({
      id: String(rec.get('id')),
      database: String(rec.get('database')),
      query: String(rec.get('query') ?? ''),
      locks: Number(rec.get('locks') ?? 0),
      status: String(rec.get('status') ?? ''),
      elapsedMs: Number(rec.get('elapsedMs') ?? 0),
      metaData: (rec.get('metaData') ?? {}) as Record<string, unknown>,
    }))
    .filter((t) => app === undefined || t.metaData.app === app);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls SHOW TRANSACTIONS (every ~`everyMs`) until a transaction of `app` matches `pred`; null
 * when `giveUp()` turns true or the deadline passes first.
 */
export async function waitForTransaction(
  driver: Driver,
  app: string,
  pred: (t: TxView) => boolean,
  opts: { timeoutMs: number; everyMs?: number; giveUp?: () => boolean },
): Promise<TxView | null> {
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (opts.giveUp?.()) return null;
    const hit = (await openTransactions(driver, app)).find(pred);
    if (hit) return hit;
    await sleep(opts.everyMs ?? 5);
  }
  return null;
}

/** Waits until no transaction of `app` is open any more (the server rolled it back or finished). */
export async function waitNoTransaction(driver: Driver, app: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await openTransactions(driver, app)).length === 0) return true;
    await sleep(100);
  }
  return false;
}
