import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/db/runner';
import { SavedQueryLibrary } from '../../../src/server/resources/queries/library';

/** A database whose every statement fails with `error` (a driver error as Neo4j sends it). */
function failingDb(error: object): Db {
  const session = { run: () => Promise.reject(Object.assign(new Error('x'), error)), close: async () => {} };
  return { driver: { session: () => session } as unknown as Db['driver'], database: 'neo4j' };
}

/** What the library logs at start against that database, with one of the repository's saved queries. */
async function startLog(error: object): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'queries-'));
  const file = readdirSync('cypher/queries').find((f) => f.endsWith('.cypher'))!;
  copyFileSync(join('cypher/queries', file), join(dir, file));
  const lines: string[] = [];
  const log = { warn: (_: object, m: string) => lines.push(m), info: (_: object, m: string) => lines.push(m) };
  await new SavedQueryLibrary(failingDb(error), dir, log).load();
  return lines.join('\n');
}

describe('saved queries: why the start-up check did not finish', () => {
  it('names a timed-out EXPLAIN as a busy database, not an unavailable one', async () => {
    const log = await startLog({
      name: 'Neo4jError',
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      message: 'The transaction has been terminated.',
    });
    expect(log).toMatch(/not checked yet \(an EXPLAIN check hit its time limit: Neo4j is busy\)/);
    expect(log).not.toMatch(/unavailable/);
  });

  it('still says Neo4j unavailable when it is', async () => {
    const log = await startLog({ name: 'Neo4jError', code: 'ServiceUnavailable', message: 'connect ECONNREFUSED' });
    expect(log).toMatch(/not checked yet \(Neo4j unavailable\)/);
  });
});
