import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** The database the test run uses, provided by the global setup. */
export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** The temporary instance folder when the run started its own Neo4j; null for NEO4J_URI. */
  managedHome: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver on the test database; close it in afterAll. */
export function testDriver(): Driver {
  const t = testNeo4j();
  return neo4j.driver(t.uri, neo4j.auth.basic(t.username, t.password), { maxTransactionRetryTime: 2_000 });
}

/** Runs one statement on the test database with a driver of its own; its records. */
export async function testCypher(q: string, params: Record<string, unknown> = {}) {
  const driver = testDriver();
  try {
    return (await driver.executeQuery(q, params, { database: testNeo4j().database })).records;
  } finally {
    await driver.close();
  }
}
