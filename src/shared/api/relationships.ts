import { z } from 'zod';
import { GraphEdgeSchema } from '../graph';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { ArticleRefSchema, NodeRefSchema } from './nodes';

export const RelationshipIdParamsSchema = z.object({
  id: z.string().trim().min(1, 'must not be empty').max(512, 'is too long').describe('a Neo4j elementId'),
});

export const RelationshipEvidenceSchema = z.object({
  article: ArticleRefSchema,
  quote: z.string(),
  start: z.number().nullable().describe('UTF-16 offset of the quote in the article text'),
  end: z.number().nullable(),
});
export type RelationshipEvidence = z.infer<typeof RelationshipEvidenceSchema>;

export const RelationshipDetailResponseSchema = z.object({
  relationship: GraphEdgeSchema,
  caption: z.string().describe('what the perspective writes on the edge (a property such as `roles`, or the type)'),
  start: NodeRefSchema,
  end: NodeRefSchema,
  evidence: z
    .array(RelationshipEvidenceSchema)
    .describe('the quotes behind it (evidence lists or the primary article/quote), when it carries any'),
});
export type RelationshipDetailResponse = z.infer<typeof RelationshipDetailResponseSchema>;

export const relationshipDetailContract = {
  ...ROUTES.relationshipDetail,
  summary: 'A relationship: type, properties, both ends, and its evidence quotes when it has any.',
  tag: 'relationships',
  params: RelationshipIdParamsSchema,
  response: RelationshipDetailResponseSchema,
  errors: [400, 404, 503],
} as const satisfies EndpointContract;
