import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import type { Env } from '../../runtime/config';
import { createDriver, managedDatabaseId, type Neo4jTarget } from '../../runtime/connection';
import { DIST_DIR } from '../../runtime/paths';

export interface StartServerOptions {
  env: Env;
  target: Neo4jTarget;
  /** Built front end; default dist/ (served only when it exists). */
  webRoot?: string | null;
  queriesDir?: string;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:7400 */
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, closes the driver. Idempotent. */
  close(): Promise<void>;
}

/** Where a database's perspective is kept in the app store: its URI and name, the managed instance's folder. */
export function databaseIdOf(target: Neo4jTarget): string {
  return target.managed
    ? managedDatabaseId(target.managed.info.home, target.database)
    : `${target.uri}/${target.database}`;
}

/**
 * The API (and the built explorer) on env.HOST:env.PORT. The driver is created here and closed
 * by close(); the database itself (managed or external) is the caller's.
 */
export async function startServer(opts: StartServerOptions): Promise<RunningServer> {
  const { env, target } = opts;
  const driver = createDriver(target);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      driver,
      database: target.database,
      env,
      webRoot: opts.webRoot === undefined ? DIST_DIR : opts.webRoot,
      queriesDir: opts.queriesDir,
      databaseId: databaseIdOf(target),
      logger: opts.logger,
      managed: target.managed
        ? {
            home: target.managed.info.home,
            heap: env.NEWSGRAPH_NEO4J_HEAP,
            pagecache: env.NEWSGRAPH_NEO4J_PAGECACHE,
            javaHome: env.JAVA_HOME,
          }
        : null,
    });
    await app.listen({ host: env.HOST, port: env.PORT });
  } catch (e) {
    await driver.close().catch(() => {});
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
  const url = `http://${host}:${port}`;
  app.log.info({ url }, `newsgraph: listening on ${url}`);
  let closing: Promise<void> | null = null;
  return {
    app,
    url,
    close: () =>
      (closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await driver.close().catch(() => {});
        }
      })()),
  };
}
