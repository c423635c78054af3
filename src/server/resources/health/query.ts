import type { HealthResponse } from '../../../shared/api/health';
import { readQuery, type Db } from '../../db/runner';
import { ApiError, classifyNeo4jError } from '../../http/errors';

const VERSION = '0.1.0';

/**
 * One tiny query (the version, and the first node of the configured database) with a short
 * timeout. A health check must answer quickly: no answer within 2 s (a starting or stuck database)
 * is "not healthy", 503 — not a 504 query timeout.
 */
export async function checkHealth(db: Db, startedAt: number): Promise<HealthResponse> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError(
            503,
            'NEO4J_UNAVAILABLE',
            'Neo4j did not answer the health check within 2 s; try again shortly',
            { reason: 'SLOW' },
          ),
        ),
      2_000,
    );
  });
  const r = await Promise.race([
    readQuery(
      db,
      // The version, and a read of the data: a restarting Neo4j answers dbms.components() before
      // the database serves reads (as the gate's probe knows: db/availability.ts), and the explorer's
      // banner clears on this answer.
      `CALL dbms.components() YIELD versions, edition
       OPTIONAL MATCH (n) WITH versions, edition, n LIMIT 1
       RETURN versions[0] AS version, edition`,
      {},
      { timeoutMs: 2_000 },
    ),
    late,
  ])
    .catch((e: unknown) => {
      if (classifyNeo4jError(e, db.database)?.code === 'TIMEOUT')
        throw new ApiError(
          503,
          'NEO4J_UNAVAILABLE',
          'Neo4j did not answer the health check in time; try again shortly',
          { reason: 'SLOW' },
        );
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
      database: db.database,
      address: r.summary.server.address ?? 'unknown',
    },
    server: { version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    tookMs: Math.round(performance.now() - t0),
  };
}
