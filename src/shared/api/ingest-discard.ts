import { z } from 'zod';
import type { EndpointContract } from './contract';
import { BatchParamsSchema } from './ingest';
import { ROUTES } from './routes';

/**
 * Discarding a staged article the review will not use (a test, a text the extractor cannot read):
 * only while nothing of it is accepted, so the graph never holds what no staged batch can undo.
 */
export const ingestDiscardContract = {
  ...ROUTES.ingestDiscard,
  tag: 'ingest',
  summary: 'Discard a staged article with nothing accepted (its candidates, decisions and stored text).',
  description: 'Refused with 409 when any of its items is accepted: undo them first. Audited.',
  params: BatchParamsSchema,
  response: z.object({ discarded: z.string().describe('the batch id') }),
  errors: [400, 401, 403, 404, 409, 503],
} as const satisfies EndpointContract;
