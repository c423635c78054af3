import { z } from 'zod';
import { GraphPayloadSchema } from '../graph';

/**
 * The result of running Cypher (saved queries and the sandbox): the graph found in the
 * returned values, the rows as a table, and a summary.
 *
 * Table cells are JSON-safe values (same conversion as graph properties). Graph elements in a
 * cell are references tagged with `__kind`; their properties are in `graph` under the same id.
 */
export const NodeCellSchema = z.object({
  __kind: z.literal('node'),
  id: z.string(),
  key: z.string().nullable(),
  caption: z.string(),
  labels: z.array(z.string()),
});
export const RelationshipCellSchema = z.object({
  __kind: z.literal('relationship'),
  id: z.string(),
  type: z.string(),
  caption: z.string().describe('what the perspective writes on it: a property such as `roles`, or the type'),
  source: z.string(),
  target: z.string(),
});
export const PathCellSchema = z.object({
  __kind: z.literal('path'),
  nodes: z.array(z.string()),
  edges: z.array(z.string()),
});

export const CellValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    NodeCellSchema,
    RelationshipCellSchema,
    PathCellSchema,
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(CellValueSchema),
    z.record(z.string(), CellValueSchema),
  ]),
);

export const NotificationSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
});

export const QuerySummarySchema = z.object({
  timeMs: z.number().describe('wall time on the server, including streaming'),
  rows: z.number().describe('rows in the table'),
  truncated: z.boolean().describe('the query produced more than was returned'),
  truncatedBy: z
    .enum(['rows', 'bytes', 'limit'])
    .nullable()
    .describe("which cap stopped the stream; limit: a saved query's own final LIMIT (more rows matched)"),
  maxRows: z.number(),
  queryType: z.string().nullable().describe('r (read) for anything that ran'),
  notifications: z.array(NotificationSchema).describe('Neo4j warnings, e.g. cartesian products'),
  keptSince: z
    .string()
    .nullish()
    .describe('ISO time this answer was computed, when it was kept from an earlier run: nothing was committed since'),
});
export type QuerySummary = z.infer<typeof QuerySummarySchema>;

export const QueryResultSchema = z.object({
  graph: GraphPayloadSchema,
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(CellValueSchema)) }),
  summary: QuerySummarySchema,
});
export type QueryResult = z.infer<typeof QueryResultSchema>;
