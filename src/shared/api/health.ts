import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  neo4j: z.object({
    reachable: z.literal(true),
    version: z.string().describe('e.g. 5.26.12'),
    edition: z.string().describe('community or enterprise'),
    database: z.string(),
    address: z.string().describe('host:port of the server that answered'),
  }),
  server: z.object({ version: z.string(), uptimeSeconds: z.number() }),
  tookMs: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const healthContract = {
  ...ROUTES.health,
  summary: 'Neo4j reachable, its version and database; 503 when it is not.',
  tag: 'health',
  response: HealthResponseSchema,
  errors: [503],
} as const satisfies EndpointContract;
