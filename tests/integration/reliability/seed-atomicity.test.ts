import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET, seedDatabase } from '../../../src/dataset/index';
import { ROOT } from '../../../src/runtime/paths';
import { testDriver, testNeo4j } from '../../support/neo4j';
import { ensureSeeded } from '../../support/seeded';
import { writeBigSeed } from './support/big-seed';
import { fingerprintOf } from './support/fingerprint';
import { waitForTransaction, waitNoTransaction, type TxView } from '../../support/transactions';

/**
 * The seed load is all or nothing (the Neo4j kill is in neo4j-faults.test.ts): it is one
 * transaction, so killing the loader process (SIGKILL, no chance to roll back) in the middle of
 * it leaves the database either exactly as it was or fully loaded — never partial.
 *
 * "In the middle" is observed, not guessed: a second driver polls SHOW TRANSACTIONS for the
 * loader's transaction (metadata app=newsgraph-seed) and the kill happens while it is open,
 * holding write locks and running the chosen statement. The data is the real seed grown by
 * generated people and mentions so the statements run long enough to be caught.
 */

const APP = 'newsgraph-seed';
const EXTRA_PEOPLE = 3_000;
let big = '';

/** Where to interrupt: a predicate over the loader's open transaction. */
const KILL_POINTS: Array<{ name: string; at: (t: TxView) => boolean }> = [
  { name: 'as soon as it holds write locks', at: (t) => t.locks > 0 },
  {
    name: 'while it writes the people',
    at: (t) => t.locks > 0 && /(MERGE|CREATE) \(n:Entity/.test(t.query) && t.elapsedMs > 0,
  },
  { name: 'while it writes the mentions (its last write)', at: (t) => t.locks > 0 && /MENTIONS/.test(t.query) },
];

afterAll(() => {
  if (big) rmSync(big, { recursive: true, force: true });
});

/** Runs the real `npm run seed` entry point as a child process against the given database. */
function spawnLoader(
  uri: string,
  password: string,
  database: string,
  args: string[],
): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );
  return { child, output: () => out, exit };
}

describe('killing the loader process mid-transaction (SIGKILL)', () => {
  let driver: Driver;
  let fullyLoaded = '';
  let previous = '';
  const outcomes: string[] = [];
  const t = () => testNeo4j();

  beforeAll(async () => {
    big = writeBigSeed(EXTRA_PEOPLE);
    driver = testDriver();
    await ensureSeeded();
    await driver.executeQuery(
      "CREATE (:ReliabilityMarker {id: 'seed-atomicity-marker'})",
      {},
      { database: t().database },
    );
  });

  afterAll(async () => {
    await seedDatabase(driver, t().database, { reset: true });
    await driver.executeQuery('MATCH (n:ReliabilityMarker) DETACH DELETE n', {}, { database: t().database });
    await ensureSeeded();
    await driver.close();
    console.log(`loader-kill outcomes: ${outcomes.join('; ')}`);
  });

  it('control: the loader run to completion loads the grown dataset (the "fully loaded" state)', async () => {
    const run = spawnLoader(t().uri, t().password, t().database, ['--reset', '--data', big]);
    const { code } = await run.exit;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(/seed: loaded into/);
    fullyLoaded = await fingerprintOf(driver, t().database);
    const r = await driver.executeQuery(
      'MATCH (p:Person {dataset: $d}) WHERE p.id STARTS WITH "generated-person-" RETURN count(p) AS c',
      { d: DATASET },
      { database: t().database },
    );
    expect(Number(r.records[0]!.get('c'))).toBe(EXTRA_PEOPLE);

    // The previous state: the real graph (no generated people), slightly edited, plus the marker.
    await seedDatabase(driver, t().database, { reset: true });
    await driver.executeQuery(
      "MATCH (p:Person {dataset: $d}) WITH p ORDER BY p.id LIMIT 1 SET p.description = 'edited before the fault test'",
      { d: DATASET },
      { database: t().database },
    );
    previous = await fingerprintOf(driver, t().database);
    expect(previous).not.toBe(fullyLoaded);
  }, 180_000);

  for (const point of KILL_POINTS) {
    it(`leaves the previous state or the full load when killed ${point.name}`, async () => {
      expect(previous, 'the control test must run first').not.toBe('');
      const run = spawnLoader(t().uri, t().password, t().database, ['--reset', '--data', big]);
      let exited = false;
      void run.exit.then(() => (exited = true));
      const seen = await waitForTransaction(driver, APP, point.at, { timeoutMs: 120_000, giveUp: () => exited });
      expect(seen, `never saw the loader's transaction ${point.name}; loader output:\n${run.output()}`).not.toBeNull();
      run.child.kill('SIGKILL');
      const { signal } = await run.exit;
      expect(signal).toBe('SIGKILL');
      // The server notices the dead connection and rolls the transaction back by itself.
      expect(await waitNoTransaction(driver, APP, 30_000)).toBe(true);
      const after = await fingerprintOf(driver, t().database);
      expect([previous, fullyLoaded]).toContain(after);
      outcomes.push(
        `${point.name} (tx ${seen!.id}, ${seen!.elapsedMs} ms in, ${seen!.locks} locks): ${after === previous ? 'previous state' : 'fully loaded'}`,
      );
      // Nothing of the load may linger: no generated person exists unless all of them do.
      const r = await driver.executeQuery(
        "MATCH (p:Person) WHERE p.id STARTS WITH 'generated-person-' RETURN count(p) AS c",
        {},
        { database: t().database },
      );
      expect([0, EXTRA_PEOPLE]).toContain(Number(r.records[0]!.get('c')));
    }, 180_000);
  }
});
