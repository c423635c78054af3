import { healthContract } from '../../../shared/api/health';
import { ApiError, classifyNeo4jError } from '../../http/errors';
import { readQuery } from '../../db/runner';
import { fastifyPath, type RouteModule } from '../../http/context';

const VERSION = '0.1.0';

/** GET /api/health — one tiny query with a short timeout; 503 (via the error handler) when down. */
export const healthRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(healthContract), async () => {
    const t0 = performance.now();
    // A health check must answer quickly: no answer within 2 s (a starting or stuck database)
    // is "not healthy", 503 — not a 408 query timeout.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ApiError(503, 'NEO4J_UNAVAILABLE', 'Neo4j did not answer the health check within 2 s; try again shortly', { reason: 'SLOW' })), 2_000);
    });
    const r = await Promise.race([
      readQuery(ctx.db, 'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition', {}, { timeoutMs: 2_000 }),
      late,
    ])
      .catch((e: unknown) => {
        if (classifyNeo4jError(e, ctx.db.database)?.code === 'TIMEOUT') throw new ApiError(503, 'NEO4J_UNAVAILABLE', 'Neo4j did not answer the health check in time; try again shortly', { reason: 'SLOW' });
        throw e;
      })
      .finally(() => clearTimeout(timer));
    const rec = r.records[0];
    return {
      status: 'ok' as const,
      neo4j: {
        reachable: true as const,
        version: String(rec?.get('version') ?? 'unknown'),
        edition: String(rec?.get('edition') ?? 'unknown'),
        database: ctx.db.database,
        address: r.summary.server.address ?? 'unknown',
      },
      server: { version: VERSION, uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000) },
      tookMs: Math.round(performance.now() - t0),
    };
  });
};
