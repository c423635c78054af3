import type { z } from 'zod';
import type { Access, HttpMethod } from './routes';

/**
 * One endpoint of the public contract: the server registers its route from it, the OpenAPI
 * document is generated from it, the web client types its calls with it.
 */
export interface EndpointContract {
  method: HttpMethod;
  /** OpenAPI style: `/api/nodes/{id}`. */
  path: string;
  /** The least role allowed to call it, or 'public' (from the route table). */
  role: Access;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Non-2xx statuses this endpoint can answer with (all share ErrorBodySchema). */
  errors: readonly number[];
}
