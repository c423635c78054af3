import { searchContract, SearchQuerySchema } from '../../../shared/api/search';
import { searchNodes } from './query';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/search?q=&labels=&limit= */
export const searchRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(searchContract), async (req) => {
    const q = parseQuery(SearchQuerySchema, req.query);
    const { perspective } = await ctx.perspectives.current();
    return searchNodes(ctx.db, ctx.catalog, perspective, q);
  });
};
