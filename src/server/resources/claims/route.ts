import { claimsContract, ClaimsQuerySchema } from '../../../shared/api/claims';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';
import { loadClaims } from './query';

/** GET /api/claims */
export const claimsRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(claimsContract), async (req) => loadClaims(ctx.db, parseQuery(ClaimsQuerySchema, req.query)));
};
