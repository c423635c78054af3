import {
  deleteQueryContract,
  queriesListContract,
  RunQueryBodySchema,
  runQueryContract,
  RunQueryParamsSchema,
  SaveQueryBodySchema,
  saveQueryContract,
} from '../../../shared/api/queries';
import { notFound } from '../../http/errors';
import type { QueryResult } from '../../../shared/api/result';
import { currentPerspective } from '../../db/captions';
import { resolveNode } from '../../db/node-ref';
import { mainLabel } from '../../../shared/perspective';
import { Coalescer } from '../../sandbox/coalesce';
import { KeptResults } from '../../sandbox/kept';
import { commitMark, type Db } from '../../db/runner';
import { DEFAULT_MAX_BYTES, streamQuery } from '../../sandbox/stream';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { tokensInUse } from '../perspectives/sample';
import { composeSavedQuery, savedQueryParams, type NamedNode } from './compose';
import { ownLimit } from './own-limit';

const SAVED_QUERY_TIMEOUT_MS = 10_000;
/** All kept answers together (JSON); one answer is at most a quarter of it. */
const KEPT_MAX_BYTES = 64 * 1024 * 1024;

/** GET /api/queries, POST /api/queries/:name/run, POST /api/queries (save), DELETE /api/queries/:name */
export const queryRoutes: RouteModule = (app, ctx) => {
  // Identical runs in flight at once (the same query, parameters and row cap) share one execution.
  const runs = new Coalescer<QueryResult>();
  // Slow answers are served again while the database has committed nothing since they were computed.
  const keepMs = ctx.env.NEWSGRAPH_KEEP_ANSWERS_MS;
  const kept = keepMs === null ? null : new KeptResults({ minRunMs: keepMs, maxBytes: KEPT_MAX_BYTES });

  app.get(fastifyPath(queriesListContract), async () => ctx.library.list());

  app.post(fastifyPath(runQueryContract), async (req, reply) => {
    const { name } = parseInput(RunQueryParamsSchema, req.params);
    const body = parseInput(RunQueryBodySchema, req.body ?? {}, 'body');
    const q = await ctx.library.get(name);
    if (!q) throw notFound(`No saved query named "${name}"`);
    const { cypher, echo } = await ctx.library.bindParams(q, body.params);
    const maxRows = body.maxRows ?? 1_000;
    const key = JSON.stringify([q.cypher, cypher, maxRows], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    const scope = [ctx.db, currentPerspective()];
    const found = kept ? await kept.lookup(key, scope, () => commitMark(ctx.db).catch(() => null)) : null;
    if (found?.hit) {
      // The kept text ends with the result's closing brace; the request's own fields go after it.
      const tail = `,"name":${JSON.stringify(name)},"params":${JSON.stringify(echo)}}`;
      return reply.type('application/json; charset=utf-8').send(found.hit.slice(0, -1) + tail);
    }
    const mark = found && found.hit === null ? found.mark : null;
    const result = await runs.run(key, scope, async () => {
      const t0 = performance.now();
      try {
        // Neo4j's notifications (an unknown label, a cartesian product) travel with the result, as for ad-hoc Cypher.
        const plan = await ctx.library.plan(q, cypher);
        // Its own final LIMIT, when below the cap: one row more says whether the LIMIT cut the answer.
        const own = ownLimit(q.cypher, cypher);
        const cut = own && own.limit < maxRows ? own : null;
        const r = await streamQuery(ctx.db, cut?.cypher ?? q.cypher, cypher, {
          timeoutMs: SAVED_QUERY_TIMEOUT_MS,
          maxRows: cut?.limit ?? maxRows,
          maxBytes: DEFAULT_MAX_BYTES,
          queryType: plan.queryType,
          notifications: plan.notifications,
          onWatchdog: (w) =>
            req.log.warn({ watchdog: w, query: name }, 'saved query outlived its time limit; terminated'),
          // On a cluster, the answer is then at least as new as the mark it is kept under.
          ...(mark ? { bookmarks: mark.split(' ') } : {}),
        });
        if (cut)
          r.summary = {
            ...r.summary,
            maxRows,
            truncatedBy: r.summary.truncatedBy === 'rows' ? 'limit' : r.summary.truncatedBy,
          };
        kept?.store(key, scope, mark, r.summary.timeMs, () =>
          JSON.stringify({ ...r, summary: { ...r.summary, keptSince: new Date().toISOString() } }),
        );
        return r;
      } catch (e) {
        kept?.store(key, scope, null, performance.now() - t0, null);
        throw e;
      }
    });
    return { ...result, name, params: echo };
  });

  app.post(fastifyPath(saveQueryContract), async (req) => {
    const body = parseInput(SaveQueryBodySchema, req.body, 'body');
    const t = await tokensInUse(ctx.db);
    const nodes = await namedNodes(ctx.db, body.cypher, body.params);
    const text = composeSavedQuery(body, { labels: new Set(t.labels), types: new Set(t.types) }, nodes);
    const query = await ctx.library.save(req.actor, body.name, text, body.replace);
    return { query, text };
  });

  app.delete(fastifyPath(deleteQueryContract), async (req) => {
    const { name } = parseInput(RunQueryParamsSchema, req.params);
    await ctx.library.remove(req.actor, name);
    return { deleted: name };
  });
};

/**
 * The drawer's values that name an existing node (by `id` or element id), with the label the
 * perspective shows it under: those parameters are saved as entity parameters.
 */
async function namedNodes(db: Db, cypher: string, given: Record<string, unknown>): Promise<Map<string, NamedNode>> {
  const out = new Map<string, NamedNode>();
  for (const name of savedQueryParams(cypher)) {
    const v = given[name];
    if (typeof v !== 'string' || !v.trim() || v.length > 1000) continue;
    const node = await resolveNode(db, v);
    if (node && node.labels.length)
      out.set(name, { label: mainLabel(currentPerspective(), node.labels), byKey: node.key === v });
  }
  return out;
}
