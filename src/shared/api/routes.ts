/**
 * Every endpoint's method and path, in one zod-free table: the zod contracts
 * (src/shared/api/<resource>.ts) take their `method` and `path` from it, and the web client
 * builds its URLs from it without pulling zod into the bundle. A path is written here only.
 * Paths are OpenAPI style: `{id}` is a parameter.
 */
export type Role = 'viewer' | 'editor' | 'admin';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  /**
   * The least role that may call it: viewer (read, including read-only Cypher), editor (changes
   * the graph, saved queries, perspectives), admin (users, backups). The server enforces it for
   * every route in this table and refuses any other non-GET /api route (deny by default).
   */
  readonly role: Role;
}

/** Roles in order of power: a role may do what any role before it may. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Whether `has` may call a route that needs `needs`. O(1). */
export const roleAllows = (has: Role, needs: Role): boolean => ROLES.indexOf(has) >= ROLES.indexOf(needs);

export const ROUTES = {
  health: { method: 'GET', path: '/api/health', role: 'viewer' },
  schema: { method: 'GET', path: '/api/schema', role: 'viewer' },
  search: { method: 'GET', path: '/api/search', role: 'viewer' },
  nodeDetail: { method: 'GET', path: '/api/nodes/{id}', role: 'viewer' },
  neighbours: { method: 'GET', path: '/api/nodes/{id}/neighbours', role: 'viewer' },
  edgesBetween: { method: 'POST', path: '/api/edges/between', role: 'viewer' },
  paths: { method: 'GET', path: '/api/paths', role: 'viewer' },
  overview: { method: 'GET', path: '/api/overview', role: 'viewer' },
  queriesList: { method: 'GET', path: '/api/queries', role: 'viewer' },
  runQuery: { method: 'POST', path: '/api/queries/{name}/run', role: 'viewer' },
  cypher: { method: 'POST', path: '/api/cypher', role: 'viewer' },
  openapi: { method: 'GET', path: '/api/openapi.json', role: 'viewer' },
  timeline: { method: 'GET', path: '/api/timeline', role: 'viewer' },
  claims: { method: 'GET', path: '/api/claims', role: 'viewer' },
  articleEvidence: { method: 'GET', path: '/api/articles/{id}/evidence', role: 'viewer' },
  relationshipDetail: { method: 'GET', path: '/api/relationships/{id}', role: 'viewer' },
  perspective: { method: 'GET', path: '/api/perspective', role: 'viewer' },
  savePerspective: { method: 'PUT', path: '/api/perspective', role: 'editor' },
  resetPerspective: { method: 'DELETE', path: '/api/perspective', role: 'editor' },
  exportPerspective: { method: 'GET', path: '/api/perspective/export', role: 'viewer' },
  saveQuery: { method: 'POST', path: '/api/queries', role: 'editor' },
  deleteQuery: { method: 'DELETE', path: '/api/queries/{name}', role: 'editor' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** `/api/nodes/{id}` → `/api/nodes/4%3Aabc` (ids are URI-encoded; element ids contain colons). */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}
