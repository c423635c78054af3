import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';
import { QueryResultSchema } from './result';

export const SANDBOX_DEFAULT_TIMEOUT_MS = 5_000;
export const SANDBOX_MAX_TIMEOUT_MS = 15_000;
export const SANDBOX_DEFAULT_MAX_ROWS = 1_000;

/** Parameters: any JSON; whole numbers are sent to Neo4j as integers (so `LIMIT $n` works). */
export const CypherRequestSchema = z
  .object({
    query: z.string().min(1, 'must not be empty').max(100_000, 'must be at most 100,000 characters'),
    params: z.record(z.string(), z.unknown()).default({}),
    timeoutMs: z.number().int().min(100).max(SANDBOX_MAX_TIMEOUT_MS).default(SANDBOX_DEFAULT_TIMEOUT_MS),
    maxRows: z.number().int().min(1).max(SANDBOX_DEFAULT_MAX_ROWS).default(SANDBOX_DEFAULT_MAX_ROWS),
  })
  .strict();
export type CypherRequest = z.input<typeof CypherRequestSchema>;

export const CypherResponseSchema = QueryResultSchema;

export const cypherContract = {
  ...ROUTES.cypher,
  summary: 'Ad-hoc read-only Cypher, sandboxed: one statement, EXPLAIN-checked, bounded in time, rows and bytes.',
  description:
    'Refused with 400 QUERY_REJECTED: writes, schema and administration commands, SHOW, USE, LOAD CSV, ' +
    'CALL {} IN TRANSACTIONS, procedures outside an allowlist, several statements. Neo4j errors come back ' +
    'as 400 CYPHER_ERROR with neo4jCode and, for syntax errors, position. Over the time limit: 504 TIMEOUT.',
  tag: 'cypher',
  body: CypherRequestSchema,
  response: CypherResponseSchema,
  errors: [400, 413, 503, 504, 507],
} as const satisfies EndpointContract;
