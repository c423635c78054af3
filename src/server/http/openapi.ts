import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/api/common';
import type { EndpointContract } from '../../shared/api/contract';
import { API_CONTRACTS } from '../../shared/api/index';

export type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Json;
  delete s.$schema;
  return s;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request: a parameter or the query was refused (see error.code)',
  401: 'Missing or wrong bearer token (when NEWSGRAPH_TOKEN is set)',
  403: 'The role of the caller may not do this',
  404: 'Unknown node, saved query or endpoint',
  409: 'It exists already (a saved query of that name)',
  504: 'The query exceeded its time limit and was stopped (TIMEOUT; not 408, which browsers silently send again)',
  413: 'Request body too large',
  507: 'The query needed more memory than the database allows one transaction (MEMORY_LIMIT): ask for less',
  503: 'Neo4j is unavailable, or the app store is held by a restore (STORE_BUSY: nothing was written, try again after Retry-After; WRITE_INTERRUPTED: part was saved, reload first)',
};

function operation(c: EndpointContract): Json {
  const parameters: Json[] = [];
  for (const [name, s] of Object.entries(c.params?.shape ?? {})) {
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(s as z.ZodType, 'input'),
      description: (s as z.ZodType).description,
    });
  }
  for (const [name, s] of Object.entries(c.query?.shape ?? {})) {
    const schema = s as z.ZodType;
    const optional = schema.safeParse(undefined).success;
    parameters.push({
      name,
      in: 'query',
      required: !optional,
      schema: jsonSchema(schema, 'input'),
      description: schema.description,
    });
  }
  const responses: Json = {
    200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(c.response, 'output') } } },
  };
  for (const status of [...c.errors, 401]) {
    responses[status] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  }
  return {
    operationId: `${c.method.toLowerCase()}${c.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [c.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(c.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(c.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the shared zod contracts. Cost: built once. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const c of API_CONTRACTS) (paths[c.path] ??= {})[c.method.toLowerCase()] = operation(c);
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph API',
      version,
      description:
        'Explore a news knowledge graph in Neo4j. Nodes are addressed by elementId; our `id` property is accepted wherever an element id is. Every error body is { error: { code, message, … } }.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBodySchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'required when the server sets NEWSGRAPH_TOKEN' },
      },
    },
    security: [{}, { bearer: [] }],
  };
}
