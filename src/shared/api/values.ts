import { z } from 'zod';
import { LIST_VALUE_MAX_CHARS } from '../graph';
import { csvList } from './common';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

/**
 * The whole values that list payloads cut (their items' `clipped`), for many nodes and
 * relationships at once: what the explorer fetches before it writes a GEXF or JSON export, so
 * the file holds what the database holds. A GET (it only reads): 100 element ids per list keep
 * the URL near 10 KB; the client asks in pages.
 */
export const ValuesQuerySchema = z.strictObject({
  nodes: csvList(z.string().min(1).max(512)).describe('element ids of nodes (comma-separated, at most 100)'),
  relationships: csvList(z.string().min(1).max(512)).describe(
    'element ids of relationships (comma-separated, at most 100)',
  ),
});
/** What a client sends (the lists are written comma-separated). */
export type ValuesQuery = { nodes?: readonly string[]; relationships?: readonly string[] };

const LongValuesSchema = z
  .array(
    z.object({
      id: z.string().describe('Neo4j elementId'),
      properties: z
        .record(z.string(), z.string())
        .describe(`its string properties over ${LIST_VALUE_MAX_CHARS} characters, whole`),
    }),
  )
  .describe('one entry per id found; ids that match nothing are left out');

export const ValuesResponseSchema = z.object({ nodes: LongValuesSchema, relationships: LongValuesSchema });
export type ValuesResponse = z.infer<typeof ValuesResponseSchema>;

export const valuesContract = {
  ...ROUTES.values,
  summary: 'The whole string values that list payloads cut, for up to 100 nodes and 100 relationships.',
  description:
    `List payloads cut string properties to ${LIST_VALUE_MAX_CHARS} characters and name them in \`clipped\`; this ` +
    'returns those properties whole, by element id (exports use it). One read query; cost O(ids).',
  tag: 'nodes',
  query: ValuesQuerySchema,
  response: ValuesResponseSchema,
  errors: [400, 503],
} as const satisfies EndpointContract;
