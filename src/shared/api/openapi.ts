import { z } from 'zod';
import type { EndpointContract } from './contract';
import { ROUTES } from './routes';

export const openapiContract = {
  ...ROUTES.openapi,
  summary: 'This API as an OpenAPI 3.1 document, generated from the zod schemas.',
  tag: 'meta',
  response: z.record(z.string(), z.unknown()),
  errors: [],
} as const satisfies EndpointContract;
