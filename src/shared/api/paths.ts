import { z } from 'zod';
import { GraphPayloadSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { csvList, intParam, NodeIdSchema, TokenNameSchema } from './common';

export const PATHS_MAX_HOPS = 8;
/**
 * Not followed unless asked for (by `types` or `exclude`): an article mentioning two entities is
 * not a relation between them, and through a hub's mentions a search would read most of the graph.
 */
export const PATHS_DEFAULT_EXCLUDE: readonly string[] = ['MENTIONS'];

export const PathsQuerySchema = z.strictObject({
  from: NodeIdSchema,
  to: NodeIdSchema,
  maxHops: intParam(1, PATHS_MAX_HOPS, 4).describe(`longest path considered (1–${PATHS_MAX_HOPS}, default 4)`),
  limit: intParam(1, 100, 25).describe('most paths returned (1–100, default 25)'),
  types: csvList(TokenNameSchema).describe('only follow these relationship types (MENTIONS too when listed)'),
  exclude: csvList(TokenNameSchema, { keepEmpty: true }).describe(
    `never follow these relationship types (\`exclude=\` empty: follow every type); without types or exclude: ${PATHS_DEFAULT_EXCLUDE.join(', ')}`,
  ),
});
export type PathsQuery = z.infer<typeof PathsQuerySchema>;

export const PathsResponseSchema = GraphPayloadSchema.extend({
  from: z.string().describe('elementId'),
  to: z.string().describe('elementId'),
  paths: z
    .array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) }))
    .describe('each path as element ids, in order'),
  length: z.number().nullable().describe('hops of the shortest paths; null when none within maxHops'),
  truncated: z.boolean().describe('more shortest paths exist than were returned'),
  tookMs: z.number(),
});
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

export const pathsContract = {
  ...ROUTES.paths,
  summary: 'All shortest paths between two nodes (capped), as a graph payload.',
  tag: 'paths',
  query: PathsQuerySchema,
  response: PathsResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;
