import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { buildApp, type BuildAppOptions } from '../../src/server/http/app';
import { loadEnv } from '../../src/runtime/config';
import { createDriver } from '../../src/runtime/connection';
import { testNeo4j } from './neo4j';
import { openAppStore } from '../../src/runtime/store/app-store';

export interface TestApi {
  app: FastifyInstance;
  driver: Driver;
  get<T = any>(
    url: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown>; ms: number }>;
  post<T = any>(
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown>; ms: number }>;
  close(): Promise<void>;
}

/**
 * The API on the test database (or on `target`), driven with app.inject (no socket). The driver
 * is the production one (short retries), so failures surface the way they would in production.
 */
export async function makeTestApi(
  opts: Partial<Omit<BuildAppOptions, 'driver' | 'database'>> & {
    target?: { uri: string; username: string; password: string; database: string };
    envVars?: Record<string, string>;
  } = {},
): Promise<TestApi> {
  const t = opts.target ?? testNeo4j();
  const driver = createDriver(t);
  const app = await buildApp({
    driver,
    database: t.database,
    env: opts.env ?? loadEnv(opts.envVars ?? {}),
    queriesDir: opts.queriesDir,
    databaseId: opts.databaseId ?? `${t.uri}/${t.database}`,
    logger: opts.logger ?? false,
    webRoot: opts.webRoot ?? null,
    // A private in-memory store: tests never touch .data/.
    store: opts.store ?? openAppStore(':memory:'),
  });
  const call = async (o: InjectOptions) => {
    const t0 = performance.now();
    const r = await app.inject(o);
    const ms = performance.now() - t0;
    let body: unknown = r.body;
    try {
      body = r.json();
    } catch {
      /* not JSON: keep the text */
    }
    return { status: r.statusCode, body: body as any, headers: r.headers as Record<string, unknown>, ms };
  };
  return {
    app,
    driver,
    get: (url, headers) => call({ method: 'GET', url, headers }),
    post: (url, payload, headers) =>
      call({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers }),
    close: async () => {
      await app.close();
      await driver.close();
    },
  };
}
