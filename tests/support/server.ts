import { loadEnv } from '../../src/runtime/config';
import type { Neo4jTarget } from '../../src/runtime/connection';
import { startServer, type RunningServer } from '../../src/server/http/server';

export interface TestServerOptions {
  /** Variables on top of the test defaults (NEWSGRAPH_TOKEN, ARTICLES_DIR…). */
  env?: Record<string, string>;
  /** A built front end to serve; default none (the API only). */
  webRoot?: string | null;
}

/**
 * The real HTTP server (startServer, what `npm start` runs once Neo4j is up) on 127.0.0.1 and a free
 * port, against `target`, without request logs or a token unless `env` sets one. Close it with
 * `close()`. Cost: ~0.5–1 s (the saved queries are EXPLAIN-checked at start).
 */
export function startTestServer(
  target: Omit<Neo4jTarget, 'managed'>,
  opts: TestServerOptions = {},
): Promise<RunningServer> {
  const env = loadEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    LOG_LEVEL: 'silent',
    NEWSGRAPH_TOKEN: '',
    ...opts.env,
  });
  return startServer({ env, target, logger: false, webRoot: opts.webRoot ?? null });
}
