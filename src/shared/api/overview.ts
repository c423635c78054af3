import { z } from 'zod';
import { GraphPayloadSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { intParam } from './common';

export const OVERVIEW_WHOLE_GRAPH_MAX = 2_000;

export const OverviewQuerySchema = z.strictObject({
  top: intParam(1, OVERVIEW_WHOLE_GRAPH_MAX, 300).describe('on large graphs, how many nodes the sample holds'),
});

export const OverviewResponseSchema = GraphPayloadSchema.extend({
  mode: z
    .enum(['whole', 'sample'])
    .describe(
      `whole graph when it has at most ${OVERVIEW_WHOLE_GRAPH_MAX} nodes, else a sample: the best-connected nodes of every label in turn, a few leaves per hub`,
    ),
  totals: z.object({ nodes: z.number(), relationships: z.number() }),
  truncated: z.boolean().describe('not every node or relationship is in the payload'),
  tookMs: z.number(),
});
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;

export const overviewContract = {
  ...ROUTES.overview,
  summary:
    'A starting graph: the whole graph when small, else N nodes sampled across labels (best-connected first, few leaves per hub) and the links among them.',
  tag: 'overview',
  query: OverviewQuerySchema,
  response: OverviewResponseSchema,
  errors: [400, 503],
} as const satisfies EndpointContract;
