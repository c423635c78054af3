import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { NodeIdParamsSchema } from './common';
import { NodeRefSchema } from './nodes';

/**
 * The evidence reader: an article's metadata and one evidence quote in context. The server only
 * opens spans that are evidence in the graph (a relationship's, a claim's or a mention's), and
 * returns a bounded window around it (the paragraph, with a neighbour when it is very short) —
 * never the whole article.
 */

/** Most characters of article text one response carries. */
export const EXCERPT_MAX_CHARS = 1_200;

export const ArticleMetaSchema = z.object({
  id: z.string().describe('elementId'),
  key: z.string().nullable(),
  title: z.string(),
  outlet: z.string().nullable(),
  outletInferred: z.boolean().describe('the outlet is inferred, not named in the text'),
  published: z.string().nullable().describe('ISO date (the best estimate when only a range is known)'),
  publishedFrom: z.string().nullable().describe('earliest possible day, when only a range is known'),
  publishedTo: z.string().nullable().describe('latest possible day, when only a range is known'),
  authors: z.array(z.string()),
  length: z.number().nullable().describe('characters in the full text'),
  url: z.string().nullable().describe('where the original article is published (its `url` property), when recorded'),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const ExcerptMentionSchema = z.object({
  start: z.number().describe('offset in the excerpt (UTF-16)'),
  end: z.number(),
  entity: NodeRefSchema,
});
export type ExcerptMention = z.infer<typeof ExcerptMentionSchema>;

export const ExcerptSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    text: z.string().describe(`at most ${EXCERPT_MAX_CHARS} characters around the quote`),
    offset: z.number().describe('where the excerpt starts in the article'),
    quoteStart: z.number().describe("the quote's position in the excerpt"),
    quoteEnd: z.number(),
    clippedBefore: z.boolean().describe('the excerpt starts inside the article (there is text before it)'),
    clippedAfter: z.boolean(),
    mentions: z
      .array(ExcerptMentionSchema)
      .describe('entities the article mentions, wherever their names occur in the excerpt'),
  }),
  z.object({
    available: z.literal(false),
    reason: z.string().describe('why only the quote is shown'),
  }),
]);
export type Excerpt = z.infer<typeof ExcerptSchema>;

const offsetParam = z.coerce
  .number({ message: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must be at least 0')
  .max(100_000_000, 'is too large');

export const ArticleEvidenceQuerySchema = z
  .strictObject({
    start: offsetParam.describe('offset of the quote in the article (UTF-16), as in the evidence'),
    end: offsetParam.describe('end offset (exclusive)'),
    via: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'element id of the relationship or claim the quote is evidence of (what the explorer sends): the quote is ' +
          'then found without a search; a span found nowhere near the article is searched for in the whole graph',
      ),
  })
  .refine((q) => q.end > q.start, { message: 'must be greater than `start`', path: ['end'] });
export type ArticleEvidenceQuery = z.infer<typeof ArticleEvidenceQuerySchema>;

export const ArticleEvidenceResponseSchema = z.object({
  article: ArticleMetaSchema,
  quote: z.string().describe('the evidence quote as stored in the graph'),
  start: z.number(),
  end: z.number(),
  excerpt: ExcerptSchema,
  tookMs: z.number(),
});
export type ArticleEvidenceResponse = z.infer<typeof ArticleEvidenceResponseSchema>;

export const articleEvidenceContract = {
  ...ROUTES.articleEvidence,
  summary: 'An evidence quote in context: article metadata and a bounded excerpt around the quote, with entity links.',
  description:
    'Only spans that are evidence in the graph can be opened (404 otherwise). When the article text is not available to ' +
    'the server (ARTICLES_DIR), or differs from the text the evidence was taken from, `excerpt.available` is false and ' +
    '`excerpt.reason` says why; the quote itself always comes back.',
  tag: 'investigation',
  params: NodeIdParamsSchema,
  query: ArticleEvidenceQuerySchema,
  response: ArticleEvidenceResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;
