import { z } from 'zod';
import { GraphPayloadSchema } from '../graph';
import type { EndpointContract } from './contract';
import { NodeIdParamsSchema, NodeIdSchema } from './common';
import { VersionSchema } from './node-edit';
import { MERGE_DRAW_MAX, REWRITTEN_RELATIONSHIPS_MAX } from './merge-caps';
import { ROUTES } from './routes';

const REASON_REQUIRED = 'is required: say why these are the same entity (kept in the audit trail)';

export const NodeMergeBodySchema = z
  .object({
    duplicate: NodeIdSchema.describe('the entity merged into this one and then deleted: its elementId or `id`'),
    version: VersionSchema.describe("this entity's (the survivor's) `version` as read (0 when absent)"),
    duplicateVersion: VersionSchema.describe("the duplicate's `version` as read (0 when absent)"),
    reason: z.string({ message: REASON_REQUIRED }).trim().min(1, REASON_REQUIRED).max(500),
  })
  .strict();
export type NodeMergeBody = z.infer<typeof NodeMergeBodySchema>;

export const NodeMergeResponseSchema = z.object({
  id: z.string().describe("the survivor's elementId"),
  version: z.number(),
  properties: z.record(z.string(), z.unknown()),
  duplicate: z.object({ id: z.string().describe("the deleted node's elementId"), key: z.string().nullable() }),
  moved: z.number().int().describe('relationships recreated on the survivor'),
  dropped: z.number().int().describe('relationships between the two (or loops on the duplicate): not recreated'),
  referencesRewritten: z
    .number()
    .int()
    .describe(
      "properties in the dataset that named the duplicate by its key (a relationship's `according_to`, an event's `casualties_reported_by`, a claim's `claimant`, an article's `outlet_id` or `author_ids`, an organization's `country`) and now name this entity's",
    ),
  aliasesAdded: z.array(z.string()),
  rewritten: z
    .array(z.string())
    .describe(
      "elementIds of the other nodes whose properties the merge rewrote (those naming the duplicate by key, with the readable names beside: a claim's `claimant` and caption, an article's `outlet_id` and `outlet`…): a client showing them reads them again",
    ),
  rewrittenRelationships: z
    .array(z.string())
    .describe(
      `elementIds of the relationships whose \`according_to\` the merge rewrote, then those whose corroboration counts (\`outlets\`, \`unnamed_outlets\`) changed with their articles' outlet (up to ${REWRITTEN_RELATIONSHIPS_MAX}; the moved copies among them are in \`movedGraph\`): a client showing them reads them again`,
    ),
  audit: z.number().int().describe('the `node.merge` audit entry: what `POST /api/nodes/{id}/unmerge` undoes'),
  movedGraph: GraphPayloadSchema.describe(
    `up to ${MERGE_DRAW_MAX} of the relationships recreated on the survivor, with both their ends: what the explorer draws at once`,
  ),
});
export type NodeMergeResponse = z.infer<typeof NodeMergeResponseSchema>;

export const nodeMergeContract = {
  ...ROUTES.nodeMerge,
  summary:
    "Merges a duplicate entity into this one in one transaction: every relationship of the duplicate is recreated here with its type, direction and properties (its provenance unchanged; one between the two is dropped), the duplicate's name and aliases join this entity's aliases, and the duplicate is deleted; properties of the same dataset that name it by its key (`according_to` on relationships, `casualties_reported_by`, `claimant`, `outlet_id`, `author_ids`, `country` on nodes) are set to this entity's key, and the readable names beside them to its name (an article's `outlet` and `authors`, a claim's caption when it reads \"duplicate's name: …\"). When articles' `outlet_id` changes (a placeholder organization merged into the real outlet, or the reverse), the corroboration counts `outlets` and `unnamed_outlets` of the relationships those articles are evidence for are counted again, as an undo does. Both must be entities this app loaded with the same labels and dataset. The audit entry (`node.merge`) keeps the duplicate's labels, properties and relationships, and which references were rewritten. 400 names the field (`id`, `body.duplicate`, `body.reason`); 409 when either changed since its version was read (nothing is written).",
  tag: 'nodes',
  params: NodeIdParamsSchema,
  body: NodeMergeBodySchema,
  response: NodeMergeResponseSchema,
  errors: [400, 403, 404, 409],
} as const satisfies EndpointContract;
