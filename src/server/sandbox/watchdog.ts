import neo4j from 'neo4j-driver';
import type { Db } from '../db/runner';

export interface WatchdogReport {
  marker: string;
  transactionIds: string[];
  terminated: boolean;
  error?: string;
}

/**
 * Finds the transactions carrying `sandbox: marker` in their metadata (SHOW TRANSACTIONS) and
 * terminates them (TERMINATE TRANSACTIONS), on the system database. Used when a query outlives
 * its timeout: Neo4j checks timeouts cooperatively, and a tight compute loop can run on.
 * Needs the privilege to see and terminate others' transactions (admin in Community).
 * Never throws. Cost: two round trips.
 */
export async function terminateByMarker(db: Db, marker: string): Promise<WatchdogReport> {
  const session = db.driver.session({ database: 'system', defaultAccessMode: neo4j.session.WRITE });
  try {
    const found = await session.run(
      'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.sandbox = $marker RETURN transactionId',
      { marker },
      { timeout: 5_000 },
    );
    const ids = found.records.map((r) => String(r.get('transactionId')));
    if (!ids.length) return { marker, transactionIds: [], terminated: false };
    await session.run('TERMINATE TRANSACTIONS $ids', { ids }, { timeout: 5_000 });
    return { marker, transactionIds: ids, terminated: true };
  } catch (e) {
    return { marker, transactionIds: [], terminated: false, error: (e as Error).message };
  } finally {
    await session.close().catch(() => {});
  }
}
