import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../../src/runtime/connection';
import { streamQuery } from '../../../src/server/sandbox/stream';
import { terminateByMarker, type WatchdogReport } from '../../../src/server/sandbox/watchdog';
import { testNeo4j } from '../../support/neo4j';
import { useSeededApi } from '../../support/seeded-api';

// The sandbox's watchdog: Neo4j does not interrupt a single expression on timeout, so the API
// finds the transaction by its marker and terminates it from the system database — first the
// lookup and TERMINATE alone, then through streamQuery as a request uses it.

const api = useSeededApi();

describe('the watchdog', () => {
  it('finds a transaction by its marker and terminates it on the system database', async () => {
    const t = testNeo4j();
    const session = api.driver.session({ database: t.database, defaultAccessMode: neo4j.session.READ });
    const marker = `test-${Date.now()}`;
    const t0 = Date.now();
    const running = session
      .run(
        'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)',
        {},
        { timeout: 60_000, metadata: { sandbox: marker } },
      )
      .then(
        () => 'finished',
        (e: { code?: string }) => e.code,
      );
    let report;
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      report = await terminateByMarker({ driver: api.driver, database: t.database }, marker);
      if (report.terminated) break;
    }
    expect(report?.terminated).toBe(true);
    expect(report?.transactionIds.length).toBe(1);
    expect(await running).toMatch(/Terminated/);
    expect(Date.now() - t0).toBeLessThan(30_000);
    await session.close();
    expect((await terminateByMarker({ driver: api.driver, database: t.database }, marker)).terminated).toBe(false);
  });
});

describe('the watchdog, end to end', () => {
  it('terminates a transaction that outlives its timeout via the system database and reports it in the answer', async () => {
    // A loop Neo4j does not interrupt (one expression), run below the sandbox's lexical checks.
    // Small enough to finish by itself within seconds so it does not slow the rest of the run.
    const t = testNeo4j();
    const driver = createDriver(t);
    const reports: WatchdogReport[] = [];
    const t0 = Date.now();
    try {
      const err = await streamQuery(
        { driver, database: t.database },
        'WITH range(1, 12000) AS l RETURN size([x IN l WHERE size([y IN l WHERE y > x]) > 0]) AS n',
        {},
        {
          timeoutMs: 500,
          graceMs: 500,
          maxRows: 10,
          maxBytes: 1_000_000,
          onWatchdog: (r) => reports.push(r),
        },
      ).then(
        () => null,
        (e: unknown) => e as { status?: number; code?: string; details?: Record<string, unknown> },
      );
      const ms = Date.now() - t0;
      if (err === null) {
        // The machine was fast enough to finish before the watchdog fired: nothing to terminate.
        expect(ms).toBeLessThan(1_000);
        return;
      }
      expect(err.status).toBe(504);
      expect(err.code).toBe('TIMEOUT');
      expect(ms).toBeLessThan(500 + 500 + 3_000 + 2_000);
      // The watchdog found the transaction by its marker and sent TERMINATE on the system database…
      expect(reports.length).toBe(1);
      expect(reports[0]!.error).toBeUndefined();
      expect(reports[0]!.terminated).toBe(true);
      expect(reports[0]!.transactionIds.length).toBe(1);
      // …and the answer says so.
      expect(err.details?.terminatedByWatchdog ?? err.details?.terminated).toBe(true);
    } finally {
      await driver.close();
    }
  }, 60_000);
});
