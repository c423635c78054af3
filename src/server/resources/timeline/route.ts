import { timelineContract, TimelineQuerySchema } from '../../../shared/api/timeline';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';
import { loadDateTimeline } from './dates';
import { loadTimeline } from './query';

/** GET /api/timeline — events and articles for the news perspective, dated nodes for others. */
export const timelineRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(timelineContract), async (req) => {
    const q = parseQuery(TimelineQuerySchema, req.query);
    const { perspective } = await ctx.perspectives.current();
    const t = perspective.views.timeline;
    if (t.on && t.mode === 'news') return loadTimeline(ctx.db, q);
    return loadDateTimeline(
      ctx.db,
      t.on ? perspective : { ...perspective, views: { ...perspective.views, timeline: { ...t, dates: [] } } },
      q,
    );
  });
};
