import { timelineContract, TimelineQuerySchema } from '../../../shared/api/timeline';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { loadTimeline } from './query';

/** GET /api/timeline */
export const timelineRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(timelineContract), async (req) =>
    loadTimeline(ctx.db, parseInput(TimelineQuerySchema, req.query)),
  );
};
