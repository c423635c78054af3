import { SaveViewBodySchema, saveViewContract, viewContract, ViewIdSchema } from '../../../shared/api/views';
import { ApiError } from '../../http/errors';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { ViewStore } from './store';

/** Views one caller may save in a minute (counted in the store, so shared by every API process). */
const SAVES_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/** POST /api/views (save a recipe, get its id; audited) and GET /api/views/{id}. */
export const viewRoutes: RouteModule = (app, ctx) => {
  const views = new ViewStore(ctx.store);

  app.post(fastifyPath(saveViewContract), async (req) => {
    const body = parseInput(SaveViewBodySchema, req.body, 'body');
    const who = `${req.actor.via}:${req.actor.name}`;
    const { count, ttl } = ctx.accounts.hit(`views:${who}`, WINDOW_MS);
    if (count > SAVES_PER_MINUTE)
      throw new ApiError(
        429,
        'RATE_LIMITED',
        `Too many views saved in a minute; try again in ${Math.ceil(ttl / 1000)} s.`,
      );
    const id = views.save(body.recipe, req.actor.name);
    // A share is a write like any other; the allowance above keeps it from flooding the trail.
    ctx.audit.record(req.actor, { action: 'view.save', target: id, detail: { chars: body.recipe.length } });
    return { id };
  });

  app.get(fastifyPath(viewContract), async (req) => {
    const id = parseInput(ViewIdSchema, (req.params as { id?: string }).id, 'id');
    const view = views.get(id);
    if (!view) throw new ApiError(404, 'NOT_FOUND', 'No saved view has this id (it may come from another server).');
    return view;
  });
};
