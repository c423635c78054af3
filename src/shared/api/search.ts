import { z } from 'zod';
import { GraphNodeSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { csvList, intParam, TokenNameSchema } from './common';
import { SEARCH_MAX_CHARS } from './search-caps';

export const SearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(SEARCH_MAX_CHARS, `must be at most ${SEARCH_MAX_CHARS} characters`)
    .describe(
      "the perspective's search properties (names, titles, aliases, claims' statements, articles' outlets…); prefix and fuzzy matching",
    ),
  labels: csvList(TokenNameSchema).describe('only nodes with one of these labels (comma-separated)'),
  limit: intParam(1, 100, 20).describe('maximum hits (1–100, default 20)'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/**
 * What a hit is: a claim found by what it says (a `:Claim` node), an article found by its title or
 * outlet (an `:Article` node), or any other node.
 */
export const SEARCH_HIT_KINDS = ['node', 'claim', 'article'] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

export const SearchHitSchema = z.object({
  kind: z
    .enum(SEARCH_HIT_KINDS)
    .describe(
      "claim: a :Claim node, found by its statement (its node's caption); article: an :Article node, found by its title or outlet (its properties title, outlet, published); node: anything else",
    ),
  node: GraphNodeSchema,
  score: z.number().describe('relevance; higher is better (comparable within one response only)'),
  exact: z.boolean().describe('the query equals the name or one alias (case-insensitive)'),
  claimant: z
    .string()
    .nullable()
    .describe('for a claim: the name of who made it (its MADE relationship), when known; null otherwise'),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResponseSchema = z.object({
  query: z.string(),
  mode: z.enum(['fulltext', 'scan']).describe('fulltext index, or the slower property scan on databases without it'),
  indexes: z.array(z.string()).describe('the full-text indexes queried (empty for a scan)'),
  properties: z.array(z.string()).describe("the node properties searched (the perspective's)"),
  fuzzy: z.boolean().describe('typos are matched (full-text always; the scan on small and medium graphs)'),
  note: z.string().nullable().describe('why search is slower or stricter than it could be, when it is'),
  createIndex: z
    .string()
    .nullable()
    .describe('without an index: the statement that would create one (newsgraph never runs it on your database)'),
  hits: z
    .array(SearchHitSchema)
    .describe(
      'at most `limit`: exact matches first, then other nodes, then articles (a fifth of the places kept for them), then claims (a third kept)',
    ),
  tookMs: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const searchContract = {
  ...ROUTES.search,
  summary:
    "Ranked search over the perspective's properties (full-text with prefix and fuzzy terms; a scan with prefix and one-typo matching without an index).",
  tag: 'search',
  query: SearchQuerySchema,
  response: SearchResponseSchema,
  errors: [400, 503],
} as const satisfies EndpointContract;
