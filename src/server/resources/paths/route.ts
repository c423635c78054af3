import { pathsContract, PathsQuerySchema } from '../../../shared/api/paths';
import { shortestPaths } from './query';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/paths?from=&to=&maxHops= */
export const pathRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(pathsContract), async (req) => shortestPaths(ctx.db, parseQuery(PathsQuerySchema, req.query)));
};
