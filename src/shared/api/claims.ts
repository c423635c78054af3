import { z } from 'zod';
import { CLAIMS_MAX } from './claims-caps';
import { CLAIM_STATUSES } from './node-edit-rules';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { NodeIdSchema } from './common';
import { ArticleRefSchema, NodeRefSchema } from './nodes';
import { IsoDateSchema } from './timeline';

/**
 * The contested-claims board: for each event with claims, its claims grouped by the claimant's
 * side. A side is derived from the graph, never from a list of people: the nearest country reached
 * from the claimant through affiliation relationships (AFFILIATION_TYPES), or through an
 * organization's `country` property on the way. Nationality is not allegiance: an organization may
 * declare its side instead (a `side` property, one of DECLARED_SIDES: an independent outlet or NGO),
 * which then wins over its country; and a side taken only from a `country` property says so
 * (`sideBasis: "country"`). Claimants with no such path have no known side.
 */

/** Relationship types followed (outwards) from a claimant to find its side. */
export const AFFILIATION_TYPES = [
  'MEMBER_OF',
  'SPOKESPERSON_FOR',
  'GOVERNOR_OF',
  'LEADS',
  'HOLDS_OFFICE',
  'WORKS_FOR',
  'ADVISOR_TO',
  'PART_OF',
  'CONTROLLED_BY',
  'LOCATED_IN',
] as const;
/** What the board reads of a graph: newsgraph's claim model (the seeded graph has it). */
export const CLAIM_MODEL = { labels: ['Claim'], types: ['MADE', 'ABOUT'] } as const;

/**
 * Why the board cannot work on a database with these labels and types, or null when it has the
 * claim model. Said wherever the board is refused (a perspective, /api/claims, the view switch).
 */
export function claimModelMissing(tokens: { labels: readonly string[]; types: readonly string[] }): string | null {
  const missing = [
    ...CLAIM_MODEL.labels.filter((l) => !tokens.labels.includes(l)).map((l) => `:${l}`),
    ...CLAIM_MODEL.types.filter((t) => !tokens.types.includes(t)),
  ];
  if (!missing.length) return null;
  return (
    "The claims board needs newsgraph's claim model: :Claim nodes linked (claimant)-[:MADE]->(:Claim)-[:ABOUT]->(event), " +
    `with (:Article)-[:REPORTS]->(:Claim) and (:Claim)-[:CONTRADICTS]->(:Claim) where known. This database has no ${missing.join(', ')}.`
  );
}

/**
 * Sides an organization can declare with a `side` property (seed data), by value: the board's
 * column heading. Anything else in `side` is ignored (another database's `side` means something else).
 */
export const DECLARED_SIDES: Readonly<Record<string, string>> = { independent: 'Independent / media' };

export { CLAIMS_MAX };

/** Longest affiliation path considered (hops). */
export const AFFILIATION_MAX_HOPS = 4;
/** Most affiliations followed out of one node, and most nodes one claimant reaches per hop. */
export const AFFILIATION_WIDTH = 100;

export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

export const SideSchema = z.object({
  id: z.string().describe('elementId of the country node, or "declared:<value>" for a declared side'),
  key: z.string().nullable(),
  name: z.string(),
});
export type Side = z.infer<typeof SideSchema>;

export const ClaimantSchema = NodeRefSchema.extend({
  side: SideSchema.nullable().describe('null: no affiliation path to a country (no side known)'),
  sideBasis: z
    .enum(['declared', 'affiliation', 'country'])
    .nullable()
    .describe(
      'declared: an organization on the way has a `side` property; affiliation: relationships reach a country; country: the side is only the `country` property of an organization (where it is based: nationality, not necessarily allegiance)',
    ),
  sideVia: z
    .array(z.string())
    .describe(
      'how the side was found: captions and relationship types along the path, e.g. ["Mykhailo Podolyak", "ADVISOR_TO", "Volodymyr Zelensky", "LEADS", "Ukraine"]',
    ),
  sideAmbiguous: z
    .boolean()
    .describe('paths of the same length lead to different countries (the first by name is used)'),
});
export type Claimant = z.infer<typeof ClaimantSchema>;

export const BoardClaimSchema = z.object({
  id: z.string().describe('elementId of the :Claim'),
  key: z.string().nullable(),
  statement: z.string().nullable(),
  stance: z.string().nullable(),
  status: z.string().nullable().describe('as stored: contested | unanswered | acknowledged | uncontested'),
  statusAsOf: z
    .string()
    .nullable()
    .describe(
      'with asReportedBy: "unanswered" for a contested claim whose counter-claim was not yet reported; else = status',
    ),
  date: z.string().nullable().describe('ISO date, or the range as "from/to" when only a range is known'),
  claimant: ClaimantSchema.nullable(),
  evidence: z
    .object({ article: ArticleRefSchema, quote: z.string(), start: z.number().nullable(), end: z.number().nullable() })
    .nullable(),
  contradicts: z
    .array(z.string())
    .describe('elementIds of the claims (on this board) it contradicts, in either direction'),
  edit: z
    .object({
      version: z.number().int().describe('what PUT /api/claims/{id}/status sends as `version` (0: never edited)'),
      by: z.string().nullable().describe('who edited it last (its status: the only thing an edit changes)'),
      at: z.string().nullable().describe('when, ISO date-time'),
    })
    .nullable()
    .describe('null: not a claim this app loaded, so its status cannot be edited'),
});
export type BoardClaim = z.infer<typeof BoardClaimSchema>;

export const SideGroupSchema = z.object({
  side: SideSchema.nullable().describe('null = claimants with no side known'),
  claims: z.array(BoardClaimSchema),
});
export type SideGroup = z.infer<typeof SideGroupSchema>;

export const BoardEventSchema = z.object({
  event: NodeRefSchema,
  start: z.string().nullable(),
  end: z.string().nullable(),
  contested: z.boolean().describe('two of its claims contradict each other'),
  counts: z.object({
    total: z.number(),
    contested: z.number(),
    unanswered: z.number(),
    acknowledged: z.number(),
    uncontested: z.number(),
  }),
  groups: z.array(SideGroupSchema).describe('one per side, sides with contested claims first, unaffiliated last'),
});
export type BoardEvent = z.infer<typeof BoardEventSchema>;

export const ClaimsQuerySchema = z.strictObject({
  event: NodeIdSchema.optional().describe('only this event (elementId or id)'),
  contested: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: only events with contradicting claims'),
  asReportedBy: IsoDateSchema.optional().describe('only claims reported by articles published on or before this day'),
});
export type ClaimsQuery = z.infer<typeof ClaimsQuerySchema>;

export const ClaimsResponseSchema = z.object({
  asReportedBy: z.string().nullable(),
  sides: z.array(SideSchema).describe('every side present on the board, by name'),
  events: z.array(BoardEventSchema).describe('contested events first, then by date'),
  truncated: z
    .boolean()
    .describe('true: more claims matched than the board reads (CLAIMS_MAX); these events are from the first ones'),
  unavailable: z
    .string()
    .nullable()
    .describe("why there can be no board: the database lacks newsgraph's claim model (null when it has it)"),
  tookMs: z.number(),
});
export type ClaimsResponse = z.infer<typeof ClaimsResponseSchema>;

export const claimsContract = {
  ...ROUTES.claims,
  summary:
    "Events that have claims, each with its claims grouped by the claimant's side, with status, date and evidence.",
  description:
    `A claimant's side is the nearest country reached through ${AFFILIATION_TYPES.join('/')} relationships ` +
    `(at most ${AFFILIATION_MAX_HOPS} hops; a node's \`country\` property naming a place id counts as one more hop; ` +
    `at most ${AFFILIATION_WIDTH} affiliations are followed out of a node, and ${AFFILIATION_WIDTH} nodes per claimant per hop). ` +
    `An organization's \`side\` property (${Object.keys(DECLARED_SIDES).join(', ')}) wins over its country.`,
  tag: 'investigation',
  query: ClaimsQuerySchema,
  response: ClaimsResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;
