import neo4j, { type Driver } from 'neo4j-driver';
import type { Env } from './config';
import { startManaged, type ManagedHandle } from './managed/instance';

/** Where the database is and how to log in; never sent to the browser. */
export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Present when we started (or attached to) the managed instance. */
  managed?: ManagedHandle;
}

/** How the app store names the managed instance's database (`home` resolved): where its perspectives and merges are kept. */
export const managedDatabaseId = (home: string, database: string) => `managed:${home}/${database}`;

/**
 * The database newsgraph talks to: NEO4J_URI when set (nothing installed or started),
 * otherwise the managed local instance, started (or reused) now.
 */
export async function resolveTarget(env: Env, log?: (l: string) => void): Promise<Neo4jTarget> {
  if (env.NEO4J_URI) {
    return {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE,
    };
  }
  const managed = await startManaged({
    home: env.NEWSGRAPH_NEO4J_HOME,
    port: env.NEWSGRAPH_NEO4J_PORT,
    heap: env.NEWSGRAPH_NEO4J_HEAP,
    pagecache: env.NEWSGRAPH_NEO4J_PAGECACHE,
    javaHome: env.JAVA_HOME,
    log,
  });
  return {
    uri: managed.info.uri!,
    username: managed.info.username,
    password: managed.info.password!,
    database: managed.info.database,
    managed,
  };
}

/**
 * One driver per process. Retries are kept short so a dead database turns into a quick 503
 * instead of a 30 s hang (the driver's default managed-retry budget).
 */
export function createDriver(t: Pick<Neo4jTarget, 'uri' | 'username' | 'password'>): Driver {
  return neo4j.driver(t.uri, neo4j.auth.basic(t.username, t.password), {
    maxTransactionRetryTime: 3_000,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxConnectionPoolSize: 100,
    disableLosslessIntegers: false,
    userAgent: 'newsgraph/0.1',
  });
}
