import { z } from 'zod';

/**
 * The graph payload every graph-shaped endpoint returns. Node and edge ids are Neo4j element ids;
 * `key` is the node's `id` property (of any type, as text) when it has one. Property values are JSON-safe: Neo4j
 * integers beyond 2^53 become strings, temporal values ISO strings, points {lat, lon} (or
 * {x, y[, z], srid} for cartesian ones), durations ISO-8601 duration strings.
 */
export const PropertyValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(PropertyValueSchema),
    z.record(z.string(), PropertyValueSchema),
  ]),
);
export const PropertiesSchema = z.record(z.string(), PropertyValueSchema);

/**
 * Payloads that carry many nodes and relationships (overview, neighbours pages, paths, search hits,
 * Cypher graphs, connected edges) cut a string property to its first this-many characters, so one
 * 36 KB text does not ride along with every page; `GET /api/nodes/{id}`, `GET /api/relationships/{id}`
 * and `POST /api/values` return it whole.
 */
export const LIST_VALUE_MAX_CHARS = 1_000;

/** Which string properties a list payload cut: key → the full length; absent when nothing was cut. */
const clippedSchema = (detail: string) =>
  z
    .record(z.string(), z.number().int())
    .optional()
    .describe(
      `string properties cut to their first ${LIST_VALUE_MAX_CHARS} characters in this payload: key → the full length ` +
        `(${detail} and POST /api/values return them whole); absent when nothing was cut`,
    );

export const GraphNodeSchema = z.object({
  id: z.string().describe('Neo4j elementId'),
  key: z.string().nullable().describe('our own `id` property, when present'),
  labels: z.array(z.string()),
  caption: z
    .string()
    .describe("the perspective's caption of its main label, else the most name-like property, else `Label #n`"),
  properties: PropertiesSchema,
  clipped: clippedSchema('GET /api/nodes/{id}'),
});

export const GraphEdgeSchema = z.object({
  id: z.string().describe('Neo4j elementId'),
  type: z.string(),
  source: z.string().describe('elementId of the start node'),
  target: z.string().describe('elementId of the end node'),
  properties: PropertiesSchema.describe(
    "the relationship's properties; on evidence-carrying relationships also `sources` (distinct supporting articles), " +
      '`outlets` (distinct named outlets), `unnamed_outlets` (distinct articles whose outlet is unknown; absent on older loads), ' +
      '`article`/`quote`/`start`/`end` and the evidence_* lists',
  ),
  clipped: clippedSchema('GET /api/relationships/{id}'),
});

export const GraphPayloadSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});

export type PropertyValue = z.infer<typeof PropertyValueSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type GraphPayload = z.infer<typeof GraphPayloadSchema>;
