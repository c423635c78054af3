import type { Driver } from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { Availability } from '../../../src/server/db/availability';
import type { Db } from '../../../src/server/db/runner';
import { ApiError, classifyNeo4jError } from '../../../src/server/http/errors';
import { checkHealth } from '../../../src/server/resources/health/query';

/**
 * A Neo4j that restarts the way a real one does: Bolt accepts connections and answers trivial
 * statements (`RETURN 1`, `dbms.components()`, the system database's status says online) before
 * the database serves reads — those fail with DatabaseUnavailable for a while.
 */
type Phase = 'down' | 'warming' | 'up';
class FakeNeo4j {
  phase: Phase = 'up';
  readonly seen: string[] = [];

  private fail(code: string): Promise<never> {
    return Promise.reject(Object.assign(new Error(`fake ${code}`), { name: 'Neo4jError', code }));
  }

  private answer(cypher: string, database: string): Promise<unknown> {
    this.seen.push(cypher);
    if (this.phase === 'down') return this.fail('ServiceUnavailable');
    // Statements that read no data (RETURN 1, dbms.components(), the system database) are answered.
    const readsTheStore = database !== 'system' && /\bMATCH\b/.test(cypher);
    if (this.phase === 'warming' && readsTheStore) return this.fail('Neo.TransientError.General.DatabaseUnavailable');
    const values: Record<string, unknown> = { currentStatus: 'online', version: '5.26.0', edition: 'community' };
    const record = { get: (k: string) => values[k] ?? 1 };
    return Promise.resolve({ records: [record], summary: { server: { address: '127.0.0.1:7687' } } });
  }

  db(): Db {
    const driver = {
      session: ({ database }: { database: string }) => ({
        run: (cypher: string) => this.answer(cypher, database),
        close: () => Promise.resolve(),
      }),
    } as unknown as Driver;
    return { driver, database: 'neo4j' };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unavailable = (code: string) => classifyNeo4jError(Object.assign(new Error('x'), { code }), 'neo4j')!;
const isUp = (a: Availability) => {
  try {
    a.assertUp();
    return true;
  } catch {
    return false;
  }
};

let gate: Availability | undefined;
afterEach(() => gate?.close());

describe('Availability: Neo4j counts as back only once the database serves a real read', () => {
  it('stays closed while Bolt answers RETURN 1 but reads fail with DatabaseUnavailable, opens once they work', async () => {
    const neo = new FakeNeo4j();
    const db = neo.db();
    gate = new Availability(db, { everyMs: 20, deadlineMs: 100 });
    db.availability = gate;
    neo.phase = 'down';
    gate.observe(unavailable('ServiceUnavailable'));
    expect(isUp(gate)).toBe(false);

    neo.phase = 'warming';
    await sleep(300); // ~15 probes
    expect(isUp(gate), 'the gate reopened while every read still failed').toBe(false);
    // …and the health route, which the explorer's banner polls, still says unavailable.
    await expect(checkHealth(db, Date.now())).rejects.toMatchObject({ status: 503, code: 'NEO4J_UNAVAILABLE' });

    neo.phase = 'up';
    await expect.poll(() => isUp(gate!), { timeout: 2_000, interval: 20 }).toBe(true);
    await expect(checkHealth(db, Date.now())).resolves.toMatchObject({ status: 'ok' });
  });

  it('health answers 503 while the database does not serve reads, even before any request noticed', async () => {
    const neo = new FakeNeo4j();
    const db = neo.db();
    gate = new Availability(db, { everyMs: 20, deadlineMs: 100 });
    db.availability = gate;
    neo.phase = 'warming';
    const e = await checkHealth(db, Date.now()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    const api = e instanceof ApiError ? e : classifyNeo4jError(e, 'neo4j');
    expect(api).toMatchObject({ status: 503, code: 'NEO4J_UNAVAILABLE' });
    expect(api!.details.neo4jCode).toBe('Neo.TransientError.General.DatabaseUnavailable');
  });
});
