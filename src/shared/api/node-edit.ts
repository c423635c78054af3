import { z } from 'zod';
import type { EndpointContract } from './contract';
import { NodeIdParamsSchema } from './common';
import { ROUTES } from './routes';
import { CLAIM_STATUSES, editValueProblem } from './node-edit-rules';

export { editValueProblem };

/** A property value an editor may set: text, number, boolean, a list of text, or null to remove it. */
export const EditValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(1_000)).max(100),
  z.null(),
]);

/** Entity properties no edit may touch: the key, the dataset marker and the edit bookkeeping itself. */
export const READ_ONLY_PROPERTIES: readonly string[] = ['id', 'dataset', 'version', 'edited_by', 'edited_at'];

/**
 * Provenance: who accepted a value and from what evidence, as the seed loader (provenance(),
 * reported values) and ingest's accepts write it. Rewriting it would forge the record of where a
 * fact came from, so it is read-only too; it changes only through a load or an accept.
 */
export const PROVENANCE_PROPERTIES: readonly string[] = [
  'accepted_by',
  'accepted_at',
  'extractor',
  'extractor_version',
  'article',
  'quote',
  'start',
  'end',
  'sources',
  'outlets',
  'unnamed_outlets',
];
const PROVENANCE_PREFIXES = ['evidence_', 'reported_', 'extractor_', 'accepted_'];

export const isProvenance = (key: string): boolean =>
  PROVENANCE_PROPERTIES.includes(key) || PROVENANCE_PREFIXES.some((p) => key.startsWith(p));

/** The article and quote behind a change, kept in the audit trail (the route checks the article exists and the quote's length). */
const EditSourceSchema = z
  .object({
    article: z.string().min(1).max(200).describe("the article's id"),
    quote: z.string().trim().min(1).max(400).describe('the quote behind the change (at most 30 words)'),
  })
  .strict();

export const VersionSchema = z
  .number()
  .int()
  .min(0)
  .describe('the `version` property as read (0 when absent); a newer one on the server → 409');

export const NodeEditBodySchema = z
  .object({
    version: VersionSchema,
    set: z
      .record(
        z
          .string()
          .min(1)
          .max(100)
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a plain property name'),
        EditValueSchema,
      )
      .refine((o) => Object.keys(o).length > 0 && Object.keys(o).length <= 50, 'must change 1 to 50 properties'),
    reason: z.string().trim().max(500).optional().describe('why: kept in the audit trail'),
    source: EditSourceSchema.optional().describe(
      'the article and quote behind the change, kept in the audit trail; required to change a reported fact (any property but name, aliases and description)',
    ),
  })
  .strict();
export type NodeEditBody = z.infer<typeof NodeEditBodySchema>;

export const NodeEditResponseSchema = z.object({
  id: z.string().describe('elementId'),
  version: z.number(),
  properties: z.record(z.string(), z.unknown()),
  changed: z.array(z.string()),
  rewritten: z
    .array(z.string())
    .describe(
      "elementIds of the other nodes whose shown properties a rename rewrote (a claim's caption, an article's `outlet` or `authors`): a client showing them reads them again; empty for any other edit",
    ),
});
export type NodeEditResponse = z.infer<typeof NodeEditResponseSchema>;

export const nodeEditContract = {
  ...ROUTES.nodeEdit,
  summary:
    "Edits an entity's properties in one transaction. A fact the articles report (kind, dates, casualty figures…) changes only with a `source`; name, aliases and description without. A person's or organization's new name also shows where its dataset names it by key (an article's `outlet` and `authors`, a claim's caption \"old name: …\"), listed in the audit entry (`readableNames`). 409 when someone changed it since `version` was read (nothing is written).",
  tag: 'nodes',
  params: NodeIdParamsSchema,
  body: NodeEditBodySchema,
  response: NodeEditResponseSchema,
  errors: [400, 403, 404, 409],
} as const satisfies EndpointContract;

export const ClaimStatusBodySchema = z
  .object({
    version: VersionSchema,
    status: z.enum(CLAIM_STATUSES, {
      message: `must be one of ${CLAIM_STATUSES.join(', ')}`,
    }),
    reason: z
      .string({ message: 'is required: say why the status changes (kept in the audit trail)' })
      .trim()
      .min(1, 'is required: say why the status changes (kept in the audit trail)')
      .max(500),
    source: EditSourceSchema.optional().describe(
      'when the new status rests on an article (the other side answered, say): its id and a quote of at most 30 words, kept in the audit trail',
    ),
  })
  .strict();
export type ClaimStatusBody = z.infer<typeof ClaimStatusBodySchema>;

export const claimStatusContract = {
  ...ROUTES.claimStatus,
  summary:
    "Sets a claim's status (contested, unanswered, acknowledged, uncontested) with a required reason, which becomes its `status_note` (the note explained the old status) and optionally the article and quote it rests on; records who and when on the claim and audits old and new status. 400 names the field (`body.status`, `body.reason`, `body.source.*`, or `id` for a node that is not a claim this app loaded); 409 when someone changed the claim since `version` was read (nothing is written).",
  tag: 'nodes',
  params: NodeIdParamsSchema,
  body: ClaimStatusBodySchema,
  response: NodeEditResponseSchema,
  errors: [400, 403, 404, 409],
} as const satisfies EndpointContract;
