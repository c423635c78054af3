import { openapiContract } from '../../../shared/api/openapi';
import { fastifyPath, type RouteModule } from '../../http/context';
import { buildOpenApi, type Json } from '../../http/openapi';

/** GET /api/openapi.json — built once, on first request (the builder is http/openapi.ts). */
export const openapiRoutes: RouteModule = (app) => {
  let doc: Json | null = null;
  app.get(fastifyPath(openapiContract), async () => (doc ??= buildOpenApi('0.1.0')));
};
