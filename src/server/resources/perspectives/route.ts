import {
  exportPerspectiveContract,
  perspectiveContract,
  resetPerspectiveContract,
  SavePerspectiveBodySchema,
  savePerspectiveContract,
} from '../../../shared/api/perspectives';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

/** GET, PUT, DELETE /api/perspective and GET /api/perspective/export. */
export const perspectiveRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(perspectiveContract), async () => ctx.perspectives.current());

  app.put(fastifyPath(savePerspectiveContract), async (req) => {
    const body = parseInput(SavePerspectiveBodySchema, req.body, 'body');
    // Everything is checked before anything is saved: the perspective, then the imported queries.
    await ctx.perspectives.check(body.perspective);
    for (const q of body.queries ?? []) await ctx.library.validate(req.actor, q.name, q.text);
    for (const q of body.queries ?? []) await ctx.library.save(req.actor, q.name, q.text, true);
    return ctx.perspectives.save(req.actor, body.perspective);
  });

  app.delete(fastifyPath(resetPerspectiveContract), async (req) => ctx.perspectives.reset(req.actor));

  app.get(fastifyPath(exportPerspectiveContract), async () => {
    const { perspective } = await ctx.perspectives.current();
    const queries = ctx.perspectives.store
      .queries(ctx.perspectives.database)
      .map((q) => ({ name: q.name, text: q.text }));
    return { perspective, queries };
  });
};
