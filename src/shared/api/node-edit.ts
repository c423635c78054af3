import { z } from 'zod';
import type { EndpointContract } from './contract';
import { NodeIdParamsSchema } from './common';
import { ROUTES } from './routes';
import { editValueProblem } from './node-edit-rules';

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
];
const PROVENANCE_PREFIXES = ['evidence_', 'reported_', 'extractor_', 'accepted_'];

export const isProvenance = (key: string): boolean =>
  PROVENANCE_PROPERTIES.includes(key) || PROVENANCE_PREFIXES.some((p) => key.startsWith(p));

export const NodeEditBodySchema = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .describe('the `version` property as read (0 when absent); a newer one on the server → 409'),
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
    source: z
      .object({
        article: z.string().min(1).max(200).describe("the article's id"),
        quote: z.string().trim().min(1).max(400).describe('the quote behind the change (at most 30 words)'),
      })
      .strict()
      .optional()
      .describe(
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
});
export type NodeEditResponse = z.infer<typeof NodeEditResponseSchema>;

export const nodeEditContract = {
  ...ROUTES.nodeEdit,
  summary:
    "Edits an entity's properties in one transaction. A fact the articles report (kind, dates, casualty figures…) changes only with a `source`; name, aliases and description without. 409 when someone changed it since `version` was read (nothing is written).",
  tag: 'nodes',
  params: NodeIdParamsSchema,
  body: NodeEditBodySchema,
  response: NodeEditResponseSchema,
  errors: [400, 403, 404, 409],
} as const satisfies EndpointContract;
