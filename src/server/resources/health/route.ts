import { healthContract } from '../../../shared/api/health';
import { fastifyPath, type RouteModule } from '../../http/context';
import { checkHealth } from './query';

/** GET /api/health — 503 (via the error handler) when Neo4j is down or slow. */
export const healthRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(healthContract), async () => checkHealth(ctx.db, ctx.startedAt));
};
