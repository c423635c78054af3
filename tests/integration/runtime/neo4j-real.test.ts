import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver, testNeo4j } from '../../support/neo4j';

// Proves the harness talks to a real Neo4j: data survives a round trip, constraints are
// enforced by the server, and server-side transaction timeouts fire.
describe('the test database is a real Neo4j', () => {
  let driver: Driver;
  const db = () => ({ database: testNeo4j().database });
  const tag = `harness_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    driver = testDriver();
    await driver.executeQuery(
      'CREATE CONSTRAINT harness_probe_key IF NOT EXISTS FOR (n:HarnessProbe) REQUIRE n.key IS UNIQUE',
      {},
      db(),
    );
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n:HarnessProbe) DETACH DELETE n', {}, db());
    await driver.executeQuery('DROP CONSTRAINT harness_probe_key IF EXISTS', {}, db());
    await driver.close();
  });

  it('reports a Neo4j 5 server', async () => {
    const info = await driver.getServerInfo(db());
    expect(info.agent).toMatch(/^Neo4j\/5\./);
  });

  it('round-trips a write and a read', async () => {
    await driver.executeQuery('CREATE (:HarnessProbe {key: $key, at: date("2023-04-20")})', { key: tag }, db());
    const { records } = await driver.executeQuery(
      'MATCH (n:HarnessProbe {key: $key}) RETURN toString(n.at) AS at',
      { key: tag },
      db(),
    );
    expect(records.map((r) => r.get('at'))).toEqual(['2023-04-20']);
  });

  it('surfaces a uniqueness-constraint violation with its Neo4j code', async () => {
    await driver.executeQuery('MERGE (:HarnessProbe {key: $key})', { key: `${tag}-dup` }, db());
    const err = await driver.executeQuery('CREATE (:HarnessProbe {key: $key})', { key: `${tag}-dup` }, db()).then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(err?.code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
  });

  it('stops a transaction that outlives its timeout', async () => {
    const t0 = Date.now();
    const session = driver.session(db());
    const err = await session
      .run('UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)', {}, { timeout: 500 })
      .then(
        () => null,
        (e: { code?: string }) => e,
      )
      .finally(() => session.close());
    expect(err?.code).toMatch(/TransactionTimedOut/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
