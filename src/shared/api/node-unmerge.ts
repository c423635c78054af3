import { z } from 'zod';
import { GraphPayloadSchema } from '../graph';
import type { EndpointContract } from './contract';
import { NodeIdParamsSchema } from './common';
import { VersionSchema } from './node-edit';
import { MERGE_DRAW_MAX, REWRITTEN_RELATIONSHIPS_MAX } from './merge-caps';
import { ROUTES } from './routes';

const REASON_REQUIRED = 'is required: say why the merge was wrong (kept in the audit trail)';

export const NodeUnmergeBodySchema = z
  .object({
    merge: z.number().int().positive().describe('the id of the `node.merge` audit entry to undo'),
    version: VersionSchema.describe("this entity's (the survivor's) `version` as read"),
    reason: z.string({ message: REASON_REQUIRED }).trim().min(1, REASON_REQUIRED).max(500),
  })
  .strict();
export type NodeUnmergeBody = z.infer<typeof NodeUnmergeBodySchema>;

export const NodeUnmergeResponseSchema = z.object({
  id: z.string().describe("the survivor's elementId"),
  version: z.number(),
  properties: z.record(z.string(), z.unknown()),
  duplicate: z.object({ id: z.string().describe("the recreated node's (new) elementId"), key: z.string().nullable() }),
  movedBack: z.number().int().describe('relationships moved back from the survivor to the duplicate'),
  recreated: z.number().int().describe('relationships the merge dropped (between the two), recreated from the audit'),
  referencesRestored: z
    .number()
    .int()
    .describe(
      'key references the merge rewrote that name the duplicate again (those changed since are left as they are)',
    ),
  rewritten: z
    .array(z.string())
    .describe(
      'elementIds of the nodes whose key references (and the readable names beside them) the undo put back: a client showing them reads them again',
    ),
  rewrittenRelationships: z
    .array(z.string())
    .describe(
      `elementIds of the relationships whose \`according_to\` the undo put back, then those whose corroboration counts (\`outlets\`, \`unnamed_outlets\`) changed with their articles' outlet (up to ${REWRITTEN_RELATIONSHIPS_MAX}): a client showing them reads them again`,
    ),
  removed: z
    .array(z.string())
    .describe("the elementIds of the survivor's relationships that moved back (deleted there)"),
  restored: GraphPayloadSchema.describe(
    `the recreated duplicate with up to ${MERGE_DRAW_MAX} of its relationships and their other ends: what the explorer draws at once`,
  ),
});
export type NodeUnmergeResponse = z.infer<typeof NodeUnmergeResponseSchema>;

export const nodeUnmergeContract = {
  ...ROUTES.nodeUnmerge,
  summary:
    "Undoes a merge into this entity, all or nothing: the duplicate is recreated from the `node.merge` audit entry (labels, properties: JSON integers become integers, the known datetime properties such as `edited_at` datetimes), each relationship the merge moved here is moved back with its stored properties, the ones it dropped are recreated, the key references it rewrote (`according_to`, `casualties_reported_by`…) name the duplicate again where they still name this entity, and this entity's aliases are set back. Its merge-map row is marked undone, so the duplicate's key no longer redirects. 400 when `body.merge` is not a merge into this entity; 409 (nothing written) when this entity changed since the merge or since `body.version`, the merge was undone already, a node has the duplicate's key, or a moved relationship is no longer here as it was.",
  tag: 'nodes',
  params: NodeIdParamsSchema,
  body: NodeUnmergeBodySchema,
  response: NodeUnmergeResponseSchema,
  errors: [400, 403, 404, 409],
} as const satisfies EndpointContract;
