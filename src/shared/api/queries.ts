import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { QueryResultSchema } from './result';

/** Parameter types a saved query can declare in its header. */
export const ParamTypeSchema = z.enum(['string', 'integer', 'float', 'boolean', 'date', 'entity']);
export type ParamType = z.infer<typeof ParamTypeSchema>;

export const ParamValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const SavedQueryParamSchema = z.object({
  name: z.string(),
  type: ParamTypeSchema,
  label: z.string().describe('what a form shows'),
  description: z.string().nullable(),
  default: ParamValueSchema.optional().describe('used when the parameter is omitted; absent = required'),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(ParamValueSchema).optional().describe('the only allowed values, when fixed'),
  entityLabels: z.array(z.string()).optional().describe('for entity pickers: search these labels'),
  suggestions: z
    .array(z.object({ value: ParamValueSchema, label: z.string() }))
    .optional()
    .describe("values from the header's suggestion query, for a picker"),
});
export type SavedQueryParam = z.infer<typeof SavedQueryParamSchema>;

export const SavedQuerySchema = z.object({
  name: z.string().describe('file name without .cypher; the id in /api/queries/{name}/run'),
  title: z.string(),
  description: z.string(),
  group: z.string(),
  params: z.array(SavedQueryParamSchema),
  cypher: z.string().describe('the query text (without its header)'),
  needs: z
    .object({ labels: z.array(z.string()), types: z.array(z.string()) })
    .describe("the labels and relationship types the query needs (its header's `needs`)"),
  fits: z.boolean().describe('the connected database has every label and type the query needs'),
  missing: z.array(z.string()).describe('what the database lacks of `needs` (`:Label`, `[:TYPE]`)'),
  source: z
    .enum(['repository', 'perspective'])
    .describe(
      "repository: cypher/queries; perspective: saved from the explorer with the connected database's perspective",
    ),
  owner: z
    .string()
    .optional()
    .describe('perspective queries: the account that first saved it; it (or an admin) may save over or delete it'),
  savedBy: z.string().optional().describe('perspective queries: the account that last saved it'),
  savedAt: z.string().optional().describe('perspective queries: when it was last saved (ISO date-time)'),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

export const RejectedQuerySchema = z.object({
  file: z.string(),
  reason: z.string(),
});

export const QueriesListResponseSchema = z.object({
  queries: z.array(SavedQuerySchema),
  rejected: z.array(RejectedQuerySchema).describe('files refused at load (bad header, parse error, not read-only)'),
});
export type QueriesListResponse = z.infer<typeof QueriesListResponseSchema>;

export const queriesListContract = {
  ...ROUTES.queriesList,
  summary: 'The saved queries with their typed parameters (and picker suggestions), plus any refused at load.',
  tag: 'queries',
  response: QueriesListResponseSchema,
  errors: [503],
} as const satisfies EndpointContract;

export const SaveQueryBodySchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,79}$/,
        'must be lowercase kebab-case (letters, digits, dashes), at most 80 characters',
      ),
    title: z.string().trim().min(3, 'must be at least 3 characters').max(200),
    description: z.string().trim().min(3, 'must be at least 3 characters').max(2_000),
    group: z.string().trim().min(1).max(80).default('Saved'),
    cypher: z.string().trim().min(1, 'must not be empty').max(100_000),
    params: z
      .record(z.string(), ParamValueSchema)
      .default({})
      .describe("the drawer's parameters: each becomes a declared parameter with this value as its default"),
    replace: z.boolean().default(false).describe('overwrite a saved query of the same name'),
  })
  .strict();
export type SaveQueryBody = z.input<typeof SaveQueryBodySchema>;

export const SaveQueryResponseSchema = z.object({
  query: SavedQuerySchema,
  /** The `.cypher` file as stored (the same header format as cypher/queries). */
  text: z.string(),
});
export type SaveQueryResponse = z.infer<typeof SaveQueryResponseSchema>;

export const saveQueryContract = {
  ...ROUTES.saveQuery,
  summary:
    "Saves a query as a saved query of the connected database's perspective (header format of cypher/queries); audited.",
  description:
    'The query is checked like every saved query (one read-only statement, EXPLAIN, declared parameters) and kept in ' +
    "the app's own store with the perspective, never in the repository or the database. A saved query of the same " +
    'name is saved over (with `replace`) only by its owner (`owner`: the account that first saved it) or an admin, ' +
    'and stays theirs; anyone else gets 403 NOT_OWNER naming its owner, and nothing is written.',
  tag: 'queries',
  body: SaveQueryBodySchema,
  response: SaveQueryResponseSchema,
  errors: [400, 403, 409, 503],
} as const satisfies EndpointContract;

export const DeleteQueryResponseSchema = z.object({ deleted: z.string() });

export const RunQueryParamsSchema = z.object({ name: z.string().min(1).max(200) });
export const RunQueryBodySchema = z
  .object({
    params: z
      .record(z.string(), ParamValueSchema)
      .default({})
      .describe('values by parameter name; omitted ones take their default'),
    maxRows: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type RunQueryBody = z.infer<typeof RunQueryBodySchema>;

export const RunQueryResponseSchema = QueryResultSchema.extend({
  name: z.string(),
  params: z.record(z.string(), ParamValueSchema).describe('the values used, defaults included'),
});
export type RunQueryResponse = z.infer<typeof RunQueryResponseSchema>;

export const deleteQueryContract = {
  ...ROUTES.deleteQuery,
  summary: 'Deletes a saved query of the perspective (repository queries cannot be deleted); audited.',
  description: 'Only its owner (`owner`) or an admin may delete it; anyone else gets 403 NOT_OWNER naming its owner.',
  tag: 'queries',
  params: z.object({ name: z.string().min(1).max(200) }),
  response: DeleteQueryResponseSchema,
  errors: [403, 404, 503],
} as const satisfies EndpointContract;

export const runQueryContract = {
  ...ROUTES.runQuery,
  summary: 'Run a saved query with typed, validated parameters.',
  tag: 'queries',
  params: RunQueryParamsSchema,
  body: RunQueryBodySchema,
  response: RunQueryResponseSchema,
  errors: [400, 404, 503, 504, 507],
} as const satisfies EndpointContract;
