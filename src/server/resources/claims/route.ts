import { claimsContract, ClaimsQuerySchema } from '../../../shared/api/claims';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';
import { loadClaims } from './query';

/** GET /api/claims */
export const claimsRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(claimsContract), async (req) => {
    const q = parseQuery(ClaimsQuerySchema, req.query);
    // Without the claim model there is nothing to scan for: say so at once.
    const claimsUnavailable = await ctx.perspectives.claimsUnavailable();
    if (claimsUnavailable)
      return {
        asReportedBy: q.asReportedBy ?? null,
        sides: [],
        events: [],
        truncated: false,
        unavailable: claimsUnavailable,
        tookMs: 0,
      };
    return loadClaims(ctx.db, q);
  });
};
