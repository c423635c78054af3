import { z } from 'zod';
import { GraphNodeSchema, GraphPayloadSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { csvList, intParam, NodeIdParamsSchema, TokenNameSchema } from './common';
import { IsoDateSchema } from './timeline';

/** A short reference to a node (no properties): enough to show and link it. */
export const NodeRefSchema = z.object({
  id: z.string().describe('elementId'),
  key: z.string().nullable(),
  caption: z.string(),
  labels: z.array(z.string()),
});
export type NodeRef = z.infer<typeof NodeRefSchema>;

/** The article a quote comes from. `id`/`title` are null when the article node is missing. */
export const ArticleRefSchema = z.object({
  id: z.string().nullable().describe('elementId of the :Article node, when found'),
  key: z.string().describe('the article id as stored in the provenance property'),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  outletInferred: z
    .boolean()
    .describe("the outlet is not named in the text but inferred (the article's `outlet_inferred`): cite it as such"),
  published: z.string().nullable().describe('ISO date (the best estimate when only a range is known)'),
  publishedFrom: z
    .string()
    .nullable()
    .describe('earliest day it can have been published, when only a range is known (`published_from`)'),
  publishedTo: z.string().nullable().describe('latest day it can have been published (`published_to`)'),
});
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

export const EvidenceSchema = z.object({
  relationship: z
    .object({
      id: z.string(),
      type: z.string(),
      direction: z.enum(['out', 'in']).describe('out: this node is the start node'),
      other: NodeRefSchema,
    })
    .nullable()
    .describe('the relationship the quote supports; null when the quote is on the node itself (a claim)'),
  article: ArticleRefSchema,
  quote: z.string(),
  start: z.number().nullable().describe('UTF-16 offset of the quote in the article text'),
  end: z.number().nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ContradictingClaimSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  statement: z.string().nullable(),
  status: z.string().nullable(),
  claimant: NodeRefSchema.nullable(),
});

export const ClaimSchema = z.object({
  id: z.string().describe('elementId of the :Claim'),
  key: z.string().nullable(),
  statement: z.string().nullable(),
  stance: z.string().nullable(),
  status: z.string().nullable().describe('contested | unanswered | acknowledged | uncontested'),
  date: z.string().nullable(),
  claimant: NodeRefSchema.nullable(),
  about: z.array(NodeRefSchema),
  quote: z.string().nullable(),
  article: ArticleRefSchema.nullable(),
  contradicts: z.array(ContradictingClaimSchema).describe('claims this one contradicts, in either direction'),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const DegreeSchema = z.object({
  total: z.number(),
  byType: z
    .array(z.object({ type: z.string(), out: z.number(), in: z.number() }))
    .describe('sorted by out+in, descending'),
});

/** One value of a property and the article that gave it (values a later article supplied or revised). */
export const ReportedValueSchema = z.object({
  property: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  article: ArticleRefSchema,
  quote: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
});
export type ReportedValue = z.infer<typeof ReportedValueSchema>;

export const NodeDetailQuerySchema = z.strictObject({
  asReportedBy: IsoDateSchema.optional().describe(
    'as known on this day: property values, evidence, mentions and claims only from articles published by then',
  ),
});
export type NodeDetailQuery = z.infer<typeof NodeDetailQuerySchema>;

export const NodeDetailResponseSchema = z.object({
  node: GraphNodeSchema,
  degree: DegreeSchema,
  evidence: z
    .array(EvidenceSchema)
    .describe("quotes supporting this node's relationships (and the node itself, for claims)"),
  evidenceTruncated: z.boolean(),
  mentions: z.array(
    z.object({ article: ArticleRefSchema, count: z.number().nullable(), firstOffset: z.number().nullable() }),
  ),
  claim: ClaimSchema.nullable().describe(
    'when the node is itself a :Claim: who made it, what about, what it contradicts',
  ),
  claimsMade: z.array(ClaimSchema),
  claimsAbout: z.array(ClaimSchema),
  reported: z
    .array(ReportedValueSchema)
    .optional()
    .describe(
      "per-value sources of the node's properties, oldest article first (with asReportedBy: those published by then, " +
        'and each such property shows the latest of them, or is absent while none is)',
    ),
  asReportedBy: z.string().nullable().optional(),
});
export type NodeDetailResponse = z.infer<typeof NodeDetailResponseSchema>;

export const nodeDetailContract = {
  ...ROUTES.nodeDetail,
  summary: 'A node: properties, labels, degree per type and direction, evidence quotes, claims made and about it.',
  tag: 'nodes',
  params: NodeIdParamsSchema,
  query: NodeDetailQuerySchema,
  response: NodeDetailResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;

export const DirectionSchema = z.enum(['out', 'in', 'both']);
export type Direction = z.infer<typeof DirectionSchema>;

export const NEIGHBOURS_DEFAULT_LIMIT = 100;
export const NEIGHBOURS_MAX_LIMIT = 500;
/** A node with more matching relationships than this is a hub: its pages are smaller. */
export const NEIGHBOURS_HUB_TOTAL = 500;
/**
 * A page of a hub holds at most this many relationships: reading a page's rows out is most of
 * its cost, so a hub's page costs what an ordinary one does.
 */
export const NEIGHBOURS_HUB_LIMIT = 50;

export const NeighboursQuerySchema = z.strictObject({
  types: csvList(TokenNameSchema).describe('relationship types to follow (comma-separated); default all'),
  direction: DirectionSchema.default('both'),
  labels: csvList(TokenNameSchema).describe('only neighbours with one of these labels'),
  limit: intParam(1, NEIGHBOURS_MAX_LIMIT, NEIGHBOURS_DEFAULT_LIMIT).describe(
    `relationships per page (1–${NEIGHBOURS_MAX_LIMIT}, default ${NEIGHBOURS_DEFAULT_LIMIT}; at most ${NEIGHBOURS_HUB_LIMIT} on a node with over ${NEIGHBOURS_HUB_TOTAL} matching relationships)`,
  ),
  skip: intParam(0, 100_000, 0).describe('relationships already shown (paging)'),
});
export type NeighboursQuery = z.infer<typeof NeighboursQuerySchema>;

export const NeighboursResponseSchema = GraphPayloadSchema.extend({
  center: z.string().describe('elementId of the expanded node (also in nodes)'),
  total: z.number().describe('relationships matching the filters'),
  returned: z.number().describe('relationships in this page'),
  skip: z.number(),
  limit: z
    .number()
    .describe(
      `the page size used: the asked limit, at most ${NEIGHBOURS_HUB_LIMIT} for a node with over ${NEIGHBOURS_HUB_TOTAL} matching relationships`,
    ),
  more: z
    .record(z.string(), z.number())
    .describe('per relationship type, how many matching relationships come after this page'),
  byType: z.record(z.string(), z.number()).describe('per relationship type, how many match the filters in all'),
});
export type NeighboursResponse = z.infer<typeof NeighboursResponseSchema>;

export const neighboursContract = {
  ...ROUTES.neighbours,
  summary: 'Expand a node: a capped, paged graph payload, most-connected neighbours first, with "+N more" per type.',
  tag: 'nodes',
  params: NodeIdParamsSchema,
  query: NeighboursQuerySchema,
  response: NeighboursResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;
