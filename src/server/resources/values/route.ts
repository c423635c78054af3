import { valuesContract, ValuesQuerySchema } from '../../../shared/api/values';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';
import { longValuesOf } from './query';

/** GET /api/values — the whole values list payloads cut (contract: src/shared/api/values.ts). */
export const valueRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(valuesContract), async (req) => {
    const q = parseQuery(ValuesQuerySchema, req.query);
    return longValuesOf(ctx.db, q.nodes ?? [], q.relationships ?? []);
  });
};
