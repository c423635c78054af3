import { z } from 'zod';
import type { EndpointContract } from './contract';

export const openapiContract = {
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API as an OpenAPI 3.1 document, generated from the zod schemas.',
  tag: 'meta',
  response: z.record(z.string(), z.unknown()),
  errors: [],
} as const satisfies EndpointContract;
