import { z } from 'zod';
import { GraphEdgeSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import {
  EDGES_BETWEEN_DEFAULT_LIMIT,
  EDGES_BETWEEN_MAX_AMONG,
  EDGES_BETWEEN_MAX_LIMIT,
  EDGES_BETWEEN_MAX_NODES,
} from './edges-caps';

/**
 * "Connect result nodes" (what Neo4j Browser does after an expansion): the relationships between
 * nodes just added to the view and everything already on it.
 *
 * A POST with the ids in a JSON body rather than a GET: the view can hold thousands of nodes
 * (the overview alone up to 2,000) and an element id is ~45 characters, so the list would not
 * fit in a URL (Node rejects request heads over 16 KB). The caps keep the body under the API's
 * 256 KB body limit.
 */
export { EDGES_BETWEEN_DEFAULT_LIMIT, EDGES_BETWEEN_MAX_AMONG, EDGES_BETWEEN_MAX_LIMIT, EDGES_BETWEEN_MAX_NODES };

const ElementIdSchema = z.string().min(1, 'must not be empty').max(200, 'is too long').describe('a Neo4j elementId');

export const EdgesBetweenBodySchema = z
  .object({
    nodes: z
      .array(ElementIdSchema)
      .min(1, 'must list at least one node')
      .max(EDGES_BETWEEN_MAX_NODES, `at most ${EDGES_BETWEEN_MAX_NODES} nodes`)
      .describe('element ids of the newly added nodes; every returned relationship touches one of them'),
    among: z
      .array(ElementIdSchema)
      .max(EDGES_BETWEEN_MAX_AMONG, `at most ${EDGES_BETWEEN_MAX_AMONG} nodes`)
      .default([])
      .describe('element ids of the nodes already shown; the other end of each relationship is in `nodes` or here'),
    limit: z
      .number({ message: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(EDGES_BETWEEN_MAX_LIMIT, `must be at most ${EDGES_BETWEEN_MAX_LIMIT}`)
      .default(EDGES_BETWEEN_DEFAULT_LIMIT)
      .describe(`most relationships returned (1–${EDGES_BETWEEN_MAX_LIMIT}, default ${EDGES_BETWEEN_DEFAULT_LIMIT})`),
  })
  .strict();
export type EdgesBetweenBody = z.input<typeof EdgesBetweenBodySchema>;

export const EdgesBetweenResponseSchema = z.object({
  edges: z
    .array(GraphEdgeSchema)
    .describe('relationships with one end in `nodes` and the other in `nodes` ∪ `among`, by element id'),
  truncated: z.boolean().describe('more relationships matched than `limit`'),
  limit: z.number(),
});
export type EdgesBetweenResponse = z.infer<typeof EdgesBetweenResponseSchema>;

export const edgesBetweenContract = {
  ...ROUTES.edgesBetween,
  summary: 'Connect result nodes: the relationships between newly added nodes and the nodes already shown (capped).',
  description:
    'After an expansion the explorer sends the new nodes and the nodes already on screen and draws the relationships ' +
    "among them, as Neo4j Browser does. Unknown ids are ignored. One read query; cost O(sum of the new nodes' degrees).",
  tag: 'nodes',
  body: EdgesBetweenBodySchema,
  response: EdgesBetweenResponseSchema,
  errors: [400, 413, 415, 503],
} as const satisfies EndpointContract;
