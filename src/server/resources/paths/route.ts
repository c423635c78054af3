import { pathsContract, PathsQuerySchema } from '../../../shared/api/paths';
import { shortestPaths } from './query';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';
import { mergedInto } from '../node-edit/merged-away';

/**
 * GET /api/paths?from=&to=&maxHops= — an end merged away since answers the merged-away 404
 * (`mergedInto`, `param` the end), so a link's path step can be drawn again from the survivor.
 */
export const pathRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(pathsContract), async (req) =>
    shortestPaths(ctx.db, parseQuery(PathsQuerySchema, req.query), (address) =>
      mergedInto(ctx.db, ctx.merges, address),
    ),
  );
};
