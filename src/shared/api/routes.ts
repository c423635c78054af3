/**
 * Every endpoint's method and path, in one zod-free table: the zod contracts
 * (src/shared/api/<resource>.ts) take their `method` and `path` from it, and the web client
 * builds its URLs from it without pulling zod into the bundle. A path is written here only.
 * Paths are OpenAPI style: `{id}` is a parameter.
 */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

export const ROUTES = {
  health: { method: 'GET', path: '/api/health' },
  schema: { method: 'GET', path: '/api/schema' },
  search: { method: 'GET', path: '/api/search' },
  nodeDetail: { method: 'GET', path: '/api/nodes/{id}' },
  neighbours: { method: 'GET', path: '/api/nodes/{id}/neighbours' },
  edgesBetween: { method: 'POST', path: '/api/edges/between' },
  paths: { method: 'GET', path: '/api/paths' },
  overview: { method: 'GET', path: '/api/overview' },
  queriesList: { method: 'GET', path: '/api/queries' },
  runQuery: { method: 'POST', path: '/api/queries/{name}/run' },
  cypher: { method: 'POST', path: '/api/cypher' },
  openapi: { method: 'GET', path: '/api/openapi.json' },
  timeline: { method: 'GET', path: '/api/timeline' },
  claims: { method: 'GET', path: '/api/claims' },
  articleEvidence: { method: 'GET', path: '/api/articles/{id}/evidence' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** `/api/nodes/{id}` → `/api/nodes/4%3Aabc` (ids are URI-encoded; element ids contain colons). */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}
