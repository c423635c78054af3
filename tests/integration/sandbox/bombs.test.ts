import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../../src/shared/api/common';
import { makeTestApi, type TestApi } from '../../support/api';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded, graphFingerprint } from '../../support/seeded';
import { openTransactions } from '../../support/transactions';
import { BOMBS, type Outcome } from './bomb-cases';

/**
 * A second battery for the Cypher sandbox (hostile-queries.test.ts is the API's own), aimed at
 * evasions of the lexical and plan checks and at resource bombs —
 * including the ones Neo4j cannot interrupt: a single expression (list comprehension, reduce,
 * quantifier) is evaluated without checking the transaction timeout or TERMINATE, and its
 * memory is not tracked. "Stopped within its limit" is checked where it matters, on the
 * database: after the answer, no sandbox transaction may still be running.
 *
 * Outcomes: refused = 400 QUERY_REJECTED or CYPHER_ERROR before running; stopped = 504, or 400
 * MEMORY_LIMIT, or 200 truncated by the row/byte caps. Neo4j must survive every case.
 */

let api: TestApi;
let watcher: Driver;
let before = '';
const outcomes = new Map<string, number>();
const lines: string[] = [];

beforeAll(async () => {
  await ensureSeeded();
  api = await makeTestApi();
  watcher = testDriver();
  before = await graphFingerprint();
}, 120_000);

afterAll(async () => {
  await api?.close();
  await watcher?.close();
  console.log(
    `sandbox bombs: ${BOMBS.length} cases; ${[...outcomes.entries()].map(([k, v]) => `${v} ${k}`).join(', ')}\n  ${lines.join('\n  ')}`,
  );
});

const sandboxTxs = async () =>
  (await openTransactions(watcher)).filter((t) => t.metaData.app === 'newsgraph' && t.metaData.sandbox);

describe('the Cypher sandbox against evasions and resource bombs', () => {
  it(`has at least 60 hostile cases (${BOMBS.length})`, () => {
    expect(BOMBS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BOMBS.map((b) => b.name)).size).toBe(BOMBS.length);
  });

  it.each(BOMBS)(
    '$name',
    async (b) => {
      const timeoutMs = b.timeoutMs ?? 5_000;
      const t0 = Date.now();
      const r = await api.post('/api/cypher', {
        query: b.query,
        params: b.params ?? {},
        timeoutMs,
        ...(b.maxRows ? { maxRows: b.maxRows } : {}),
      });
      const ms = Date.now() - t0;
      let outcome: Outcome | 'allowed';
      const code = r.body?.error?.code as string | undefined;
      if (r.status === 400 && (code === 'QUERY_REJECTED' || code === 'CYPHER_ERROR')) outcome = 'refused';
      else if (
        r.status === 504 ||
        (r.status === 507 && code === 'MEMORY_LIMIT') ||
        (r.status === 200 && r.body.summary?.truncated === true)
      )
        outcome = 'stopped';
      else outcome = 'allowed';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      lines.push(
        `${outcome.padEnd(7)} ${String(r.status)} ${code ?? ''} ${r.body?.error?.reason ?? r.body?.summary?.truncatedBy ?? ''} ${ms} ms — ${b.name}`,
      );
      expect(b.expect, `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`).toContain(outcome);
      if (r.status >= 400) {
        ErrorBodySchema.parse(r.body);
        expect(r.body.error.message.length).toBeGreaterThan(5);
        expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at /);
      }
      // Answered within the limit (timeout + the watchdog's grace + its give-up margin).
      expect(ms).toBeLessThan(timeoutMs + 2_000 + 3_000 + 2_000);
      // Stopped on the database too: no sandbox transaction may run on once the answer is out.
      let still = await sandboxTxs();
      for (let i = 0; i < 20 && still.length; i++) {
        await new Promise((res) => setTimeout(res, 150));
        still = await sandboxTxs();
      }
      expect(
        still.map((t) => `${t.id} ${t.elapsedMs} ms: ${t.query.slice(0, 80)}`),
        'sandbox transactions still running after the answer',
      ).toEqual([]);
      // And Neo4j is still up (an untracked allocation must not take the JVM down).
      const alive = await watcher.executeQuery('RETURN 1 AS one', {}, { database: testNeo4j().database }).then(
        () => true,
        () => false,
      );
      expect(alive, 'Neo4j did not survive this query').toBe(true);
    },
    60_000,
  );

  it('left the graph exactly as it was', async () => {
    expect(await graphFingerprint()).toBe(before);
  });
});
