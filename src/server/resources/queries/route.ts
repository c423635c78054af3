import {
  queriesListContract,
  RunQueryBodySchema,
  runQueryContract,
  RunQueryParamsSchema,
} from '../../../shared/api/queries';
import { notFound } from '../../http/errors';
import { DEFAULT_MAX_BYTES, streamQuery } from '../../sandbox/stream';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

const SAVED_QUERY_TIMEOUT_MS = 10_000;

/** GET /api/queries and POST /api/queries/:name/run */
export const queryRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(queriesListContract), async () => ctx.library.list());

  app.post(fastifyPath(runQueryContract), async (req) => {
    const { name } = parseInput(RunQueryParamsSchema, req.params);
    const body = parseInput(RunQueryBodySchema, req.body ?? {}, 'body');
    const q = await ctx.library.get(name);
    if (!q) throw notFound(`No saved query named "${name}"`);
    const { cypher, echo } = await ctx.library.bindParams(q, body.params);
    const result = await streamQuery(ctx.db, q.cypher, cypher, {
      timeoutMs: SAVED_QUERY_TIMEOUT_MS,
      maxRows: body.maxRows ?? 1_000,
      maxBytes: DEFAULT_MAX_BYTES,
      onWatchdog: (r) => req.log.warn({ watchdog: r, query: name }, 'saved query outlived its time limit; terminated'),
    });
    return { ...result, name, params: echo };
  });
};
