import helmet from '@fastify/helmet';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { Driver } from 'neo4j-driver';
import type { Env } from '../../runtime/config';
import { PERSPECTIVES_DIR, QUERIES_DIR } from '../../runtime/paths';
import { runWithPerspective } from '../db/captions';
import { Perspectives } from '../resources/perspectives/service';
import { Availability } from '../db/availability';
import { Catalog } from '../db/catalog';
import type { Db } from '../db/runner';
import { RESOURCE_ROUTES } from '../resources/index';
import { SavedQueryLibrary } from '../resources/queries/library';
import type { ApiContext } from './context';
import { openAppStore, type AppStore } from '../../runtime/store/app-store';
import { createMergeMap } from '../resources/node-edit/merge-map';
import { createAudit } from '../audit/audit';
import { Accounts } from '../auth/accounts';
import { registerGuard } from '../auth/guard';
import { assertStartable } from '../auth/host';
import { registerRateLimit } from '../auth/rate-limit';
import type { ManagedSettings } from '../backup/maintenance';
import { createBackups } from '../backup/service';
import { ApiError, classifyNeo4jError, storeBusyError } from './errors';
import { restoreEnded, serveStore } from '../../runtime/store/restore-wait';
import { runInWriteScope, type WriteScope } from '../../runtime/store/write-scope';
import { registerWeb, wantsSpa } from './web';

export interface BuildAppOptions {
  driver: Driver;
  database: string;
  env: Env;
  /** Saved queries folder; default cypher/queries. */
  queriesDir?: string;
  /** Perspective files folder; default perspectives/. */
  perspectivesDir?: string;
  /**
   * The database's identity, which its perspective and saved queries are kept under in the app
   * store: its URI and name (the managed instance's folder and name); default from NEO4J_URI.
   */
  databaseId?: string;
  /** Fastify/pino logger option; default pino at env.LOG_LEVEL, false for none. */
  logger?: FastifyServerOptions['logger'];
  /** Built front end to serve (with SPA fallback) when it holds index.html; default none. */
  webRoot?: string | null;
  /** The app's own store; default the one in env.NEWSGRAPH_DATA_DIR (opened here, closed with the app). */
  store?: AppStore;
  /** The managed Neo4j this process started or attached to (backups dump it); null/absent: app store only. */
  managed?: ManagedSettings | null;
}

export const BODY_LIMIT = 256 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** Whether the handler has written anything yet (null before it runs). */
    writes: WriteScope | null;
  }
}

/**
 * The configured API (not listening): security headers, accounts/sessions/tokens and the role check, validated routes,
 * one error shape, saved queries loaded and EXPLAIN-checked. The caller owns the driver.
 */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { env } = opts;
  const app = Fastify({
    logger: opts.logger ?? {
      level: env.LOG_LEVEL,
      redact: { paths: ['req.headers.authorization'], censor: '[redacted]' },
    },
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // Behind a TLS proxy: req.ip and req.protocol from X-Forwarded-* (Secure cookies, rate-limit keys).
    trustProxy: env.NEWSGRAPH_TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // The router rejects bad percent-encoding and over-long path parameters before any route or
    // error handler runs; answer those in the API's error shape too (found by the fuzz test).
    frameworkErrors: (err, _req, reply: FastifyReply) => {
      const e =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new ApiError(414, 'BAD_REQUEST', 'A path parameter is longer than 500 characters.', { param: 'path' })
          : new ApiError(400, 'BAD_REQUEST', 'The URL is not valid (malformed percent-encoding).', { param: 'url' });
      void reply.status(e.status).send(e.body());
    },
  });

  // JSON only: Fastify also parses text/plain by default, which a cross-site page can POST
  // without a CORS preflight. Anything but JSON gets 415.
  app.removeContentTypeParser('text/plain');
  // Scripts send `content-type: application/json` on every call, DELETE included, where there is
  // no body: an empty one is no body there, not a 400. Elsewhere Fastify's own parser decides.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (req.method === 'DELETE' && body === '') return done(null, undefined);
    json(req, body as string, done);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React/CodeMirror/sigma set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // ForceAtlas2 runs in a worker created from a blob: URL.
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  // Neo4j down or restarting: answer 503 at once instead of queueing on it (see availability.ts).
  const availability = new Availability({ driver: opts.driver, database: opts.database });
  app.addHook('onClose', async () => availability.close());
  const db: Db = { driver: opts.driver, database: opts.database, availability };
  const store = opts.store ?? openAppStore(env.NEWSGRAPH_DATA_DIR);
  const served = serveStore(store.file);
  if (!opts.store) app.addHook('onClose', async () => store.close());
  // A restore in this process could not be waited for: it is refused while this API serves (restore-wait.ts).
  app.addHook('onClose', async () => served());
  const audit = createAudit(store);
  const accounts = new Accounts(store);
  // Open to the network with nobody to sign in: refuse before listening.
  try {
    assertStartable(env.HOST, accounts.any());
  } catch (e) {
    served();
    if (!opts.store) store.close();
    throw e;
  }
  const catalog = new Catalog(db);
  // The database's identity, for what the store keeps about it (its perspective, its merges).
  const databaseId = opts.databaseId ?? `${env.NEO4J_URI ?? 'managed'}/${opts.database}`;
  const perspectives = new Perspectives(
    db,
    catalog,
    store,
    audit,
    databaseId,
    opts.perspectivesDir ?? PERSPECTIVES_DIR,
  );
  const library = new SavedQueryLibrary(db, opts.queriesDir ?? QUERIES_DIR, app.log, perspectives);

  // A restore holds the store while it copies: a request that may write waits here for it to end,
  // without holding up the others (a write blocked in SQLite would block the whole process).
  app.addHook('onRequest', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') await restoreEnded(store.file);
  });
  // Who is asking and whether their role may call the route: once, before any handler (auth/guard.ts).
  await registerRateLimit(app, accounts);
  const guard = await registerGuard(app, {
    env,
    accounts,
    // Refused writes are kept too: who tried what they may not do is part of the trail. Only
    // identified users: anonymous refusals carry no one to name and would let anyone fill the audit.
    onRefused: (req, r) =>
      audit.record(r.actor, {
        action: 'write.refused',
        target: `${r.method} ${r.route}`,
        detail: { path: req.url.split('?')[0], needs: r.needs, reason: r.code === 'CSRF' ? 'csrf' : 'role' },
      }),
  });
  const ctx: ApiContext = {
    db,
    env,
    catalog,
    library,
    perspectives,
    store,
    audit,
    merges: createMergeMap(store, databaseId),
    accounts,
    guard,
    backups: createBackups({
      env,
      managed: opts.managed ?? null,
      driver: opts.driver,
      database: opts.database,
      store,
      audit,
      log: app.log,
    }),
    startedAt: Date.now(),
  };
  app.addHook('onClose', async () => ctx.backups.stop());
  app.addHook('onRequest', async (req) => {
    if (needsDatabase(req.method, req.url)) availability.assertUp();
  });
  // The request runs inside its database's perspective, so every caption made while answering
  // follows it (db/captions.ts). Without one (Neo4j down, nothing resolved yet) captions are generic.
  app.addHook('onRequest', (req, _reply, done) => {
    if (!needsDatabase(req.method, req.url) && !req.url.startsWith('/api/queries')) return done();
    perspectives.current().then(
      (p) => runWithPerspective(p.perspective, done),
      () => runWithPerspective(perspectives.peek(), done),
    );
  });

  // What the handler writes is noted from here on (the hooks before it write only what is safe to
  // repeat: sign-in throttling, a token's last use), so a busy store answers STORE_BUSY, to be sent
  // again, only while the handler has written nothing (errors.ts).
  app.decorateRequest('writes', null);
  app.addHook('preHandler', (req, _reply, done) => {
    req.writes = { wrote: false };
    runInWriteScope(req.writes, done);
  });

  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    let api = storeBusyError(err, store.file, req.writes?.wrote) ?? toApiError(err, opts.database);
    // A route may accept bigger bodies than the default (adding an article): say its own limit.
    const limit = req.routeOptions.bodyLimit;
    if (api.status === 413 && limit && limit !== BODY_LIMIT)
      api = new ApiError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than this endpoint's ${Math.round(limit / 1024 / 1024)} MB.`,
      );
    availability.observe(api);
    if (api.status >= 500 && api.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    else if (api.status >= 500)
      req.log.warn({ code: api.code, neo4jCode: api.details.neo4jCode, err: err.message }, api.message);
    else req.log.info({ code: api.code, status: api.status }, api.message);
    if (api.status === 503 && api.code !== 'WRITE_INTERRUPTED') reply.header('Retry-After', '5');
    return reply.status(api.status).send(api.body());
  });

  for (const register of RESOURCE_ROUTES) register(app, ctx);

  const serveWeb = await registerWeb(app, opts.webRoot);
  app.setNotFoundHandler((req, reply) => {
    if (serveWeb && wantsSpa(req.method, req.url)) {
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html');
    }
    const e = new ApiError(404, 'NOT_FOUND', `No such endpoint: ${req.method} ${req.url.split('?')[0]}`);
    return reply.status(404).send(e.body());
  });

  await library.load();
  return app;
}

/**
 * API calls answered without Neo4j stay up while it is down: the OpenAPI document, the saved-query
 * list, and everything kept in the app store (signing in, accounts, the audit trail, backups).
 */
function needsDatabase(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith('/api/')) return false;
  if (/^\/api\/(session|users|audit|backups)(\/|$)/.test(path)) return false;
  return !(path === '/api/openapi.json' || (method === 'GET' && /^\/api\/queries\/?$/.test(path)));
}

/** Any thrown thing → ApiError; unknown errors become a bare 500 (details only in the log). */
export function toApiError(err: unknown, database: string): ApiError {
  if (err instanceof ApiError) return err;
  const neo = classifyNeo4jError(err, database);
  if (neo) return neo;
  const fe = err as Partial<FastifyError> & { status?: number };
  const status = fe.statusCode ?? fe.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413)
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${BODY_LIMIT / 1024} KB.`);
    if (status === 415) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    if (status === 404) return new ApiError(404, 'NOT_FOUND', fe.message ?? 'Not found');
    const msg =
      fe instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
        ? 'the body is not valid JSON'
        : (fe.message ?? 'bad request');
    return new ApiError(400, 'BAD_REQUEST', `body: ${msg}`, { param: 'body' });
  }
  return new ApiError(500, 'INTERNAL', 'Internal error; the details are in the server log.');
}
