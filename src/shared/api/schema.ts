import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

export const IndexInfoSchema = z.object({
  name: z.string(),
  type: z.string().describe('RANGE, FULLTEXT, TEXT, POINT, LOOKUP, VECTOR'),
  entityType: z.enum(['NODE', 'RELATIONSHIP']),
  labelsOrTypes: z.array(z.string()),
  properties: z.array(z.string()),
  state: z.string(),
});

export const SchemaResponseSchema = z.object({
  database: z.string(),
  labels: z.array(z.object({ label: z.string(), count: z.number() })).describe('sorted by count, descending'),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number() })).describe('sorted by count, descending'),
  propertyKeys: z.array(z.string()),
  totals: z.object({ nodes: z.number(), relationships: z.number() }),
  indexes: z.array(IndexInfoSchema),
  search: z.object({
    mode: z
      .enum(['fulltext', 'scan'])
      .describe("fulltext when a full-text index over the perspective's search properties is online"),
    index: z.string().nullable().describe('the first of `indexes` (the names index on the seeded graph)'),
    indexes: z
      .array(z.string())
      .describe("every online full-text index search queries (the perspective's, in its order: names, then claims)"),
  }),
  countsSource: z.enum(['count-store', 'scan']).describe('how the counts were obtained'),
  ingest: z
    .object({
      writable: z.boolean().describe('false when the database has no newsgraph schema: ingest refuses to write'),
      reason: z.string().nullable().describe('why not (the sentence ingest answers with), or null'),
    })
    .describe('whether articles can be added to this database'),
  labelProperties: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe('per label, the property keys of a sample of its nodes (Cypher completion)'),
  functions: z
    .array(z.object({ name: z.string(), signature: z.string() }))
    .optional()
    .describe('Cypher functions the database offers (Cypher completion)'),
});
export type SchemaResponse = z.infer<typeof SchemaResponseSchema>;

export const schemaContract = {
  ...ROUTES.schema,
  summary: 'Labels, relationship types and property keys, with counts per label and type.',
  tag: 'schema',
  response: SchemaResponseSchema,
  errors: [503],
} as const satisfies EndpointContract;
