import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

/**
 * Saved views: a view whose recipe is too long for a link (many layers, hidden nodes, pins) is
 * stored in the app's store and the link carries its id instead. The id is derived from the
 * recipe, so saving the same view twice gives the same id.
 */

/** Longest recipe stored (the encoded form, characters); far above what a browser's URL holds. */
export const MAX_SAVED_VIEW_CHARS = 200_000;

export const SaveViewBodySchema = z
  .object({
    recipe: z
      .string()
      .regex(/^1\.[A-Za-z0-9_-]+$/, 'must be an encoded view recipe ("1." and base64url)')
      .max(MAX_SAVED_VIEW_CHARS, `must be at most ${MAX_SAVED_VIEW_CHARS} characters`)
      .describe("the explorer's encoded view recipe (the `v` parameter of a deep link)"),
  })
  .strict();
export type SaveViewBody = z.infer<typeof SaveViewBodySchema>;

export const ViewIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, 'must be a saved view id (22 characters)')
  .describe('a saved view id');

export const SaveViewResponseSchema = z.object({ id: ViewIdSchema });
export type SaveViewResponse = z.infer<typeof SaveViewResponseSchema>;

export const ViewResponseSchema = z.object({
  id: ViewIdSchema,
  recipe: z.string(),
  createdAt: z.string(),
});
export type ViewResponse = z.infer<typeof ViewResponseSchema>;

export const saveViewContract = {
  ...ROUTES.saveView,
  summary: 'Stores a view recipe too long for a link; returns its id (the same recipe always gets the same id).',
  description:
    "Kept in the app's own store, never in the graph. Any signed-in role may save (sharing a view is reading); " +
    'the size is capped and each caller may save a limited number of views a minute.',
  tag: 'views',
  body: SaveViewBodySchema,
  response: SaveViewResponseSchema,
  errors: [400, 401, 429, 503],
} as const satisfies EndpointContract;

export const viewContract = {
  ...ROUTES.view,
  summary: 'A saved view recipe by id (what a link with `vid=` replays).',
  tag: 'views',
  params: z.object({ id: ViewIdSchema }),
  response: ViewResponseSchema,
  errors: [400, 401, 404],
} as const satisfies EndpointContract;
