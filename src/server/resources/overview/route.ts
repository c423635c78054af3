import { overviewContract, OverviewQuerySchema } from '../../../shared/api/overview';
import { overview } from './query';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/overview */
export const overviewRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(overviewContract), async (req) =>
    overview(ctx.db, parseQuery(OverviewQuerySchema, req.query).top, await ctx.perspectives.labels()),
  );
};
