/**
 * Every endpoint's method and path, in one zod-free table: the zod contracts
 * (src/shared/api/<resource>.ts) take their `method` and `path` from it, and the web client
 * builds its URLs from it without pulling zod into the bundle. A path is written here only.
 * Paths are OpenAPI style: `{id}` is a parameter.
 */
export type Role = 'viewer' | 'editor' | 'admin';
/** Who may call a route: a least role, or 'public' (signing in, the session, liveness: no account needed). */
export type Access = Role | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  /**
   * The least role that may call it: viewer (read, including read-only Cypher), editor (changes
   * the graph, saved queries, perspectives), admin (users, backups). The server enforces it for
   * every route in this table and refuses any other non-GET /api route (deny by default).
   */
  readonly role: Access;
}

/** Roles in order of power: a role may do what any role before it may. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Whether `has` may call a route that needs `needs`. O(1). */
export const roleAllows = (has: Role, needs: Access): boolean =>
  needs === 'public' || ROLES.indexOf(has) >= ROLES.indexOf(needs);

/** The lesser of two roles (a bearer token capped below its user's role). */
export const minRole = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

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
  // Entity edits (optimistic concurrency: the version read must still be current).
  nodeEdit: { method: 'PATCH', path: '/api/nodes/{id}', role: 'editor' },
  // A claim's status (and only that), with a reason: the same edit machinery, version and audit.
  claimStatus: { method: 'PUT', path: '/api/claims/{id}/status', role: 'editor' },
  // A duplicate entity merged into this one: its relationships move here, its names become aliases, it is deleted.
  nodeMerge: { method: 'POST', path: '/api/nodes/{id}/merge', role: 'editor' },
  // A merge into this entity undone from its audit entry: the duplicate and its relationships come back.
  nodeUnmerge: { method: 'POST', path: '/api/nodes/{id}/unmerge', role: 'editor' },
  // Signing in and out; the session says who you are and what your role may call.
  session: { method: 'GET', path: '/api/session', role: 'public' },
  login: { method: 'POST', path: '/api/session', role: 'public' },
  logout: { method: 'DELETE', path: '/api/session', role: 'public' },
  // Accounts and their bearer tokens for scripts.
  usersList: { method: 'GET', path: '/api/users', role: 'admin' },
  userAdd: { method: 'POST', path: '/api/users', role: 'admin' },
  userUpdate: { method: 'PATCH', path: '/api/users/{name}', role: 'admin' },
  userPassword: { method: 'PUT', path: '/api/users/{name}/password', role: 'admin' },
  tokensList: { method: 'GET', path: '/api/users/{name}/tokens', role: 'admin' },
  tokenCreate: { method: 'POST', path: '/api/users/{name}/tokens', role: 'admin' },
  tokenRevoke: { method: 'DELETE', path: '/api/users/{name}/tokens/{token}', role: 'admin' },
  // The audit trail (read only: nothing in the API edits or deletes an entry) and backups.
  audit: { method: 'GET', path: '/api/audit', role: 'admin' },
  backupsList: { method: 'GET', path: '/api/backups', role: 'admin' },
  backupCreate: { method: 'POST', path: '/api/backups', role: 'admin' },
  // Ingest and review: staged material is the editors' work in progress, so reading it needs editor too.
  ingestArticle: { method: 'POST', path: '/api/ingest/articles', role: 'editor' },
  ingestBatches: { method: 'GET', path: '/api/ingest/batches', role: 'editor' },
  ingestBatch: { method: 'GET', path: '/api/ingest/batches/{id}', role: 'editor' },
  ingestBatchArticle: { method: 'PATCH', path: '/api/ingest/batches/{id}', role: 'editor' },
  ingestDiscard: { method: 'DELETE', path: '/api/ingest/batches/{id}', role: 'editor' },
  ingestBulk: { method: 'POST', path: '/api/ingest/batches/{id}/accept', role: 'editor' },
  ingestEdit: { method: 'PATCH', path: '/api/ingest/batches/{id}/candidates/{candidate}', role: 'editor' },
  ingestAccept: { method: 'POST', path: '/api/ingest/batches/{id}/candidates/{candidate}/accept', role: 'editor' },
  ingestReject: { method: 'POST', path: '/api/ingest/batches/{id}/candidates/{candidate}/reject', role: 'editor' },
  ingestReopen: { method: 'POST', path: '/api/ingest/batches/{id}/candidates/{candidate}/reopen', role: 'editor' },
  ingestMerge: { method: 'POST', path: '/api/ingest/batches/{id}/candidates/{candidate}/merge', role: 'editor' },
  ingestContradictions: { method: 'GET', path: '/api/ingest/batches/{id}/contradictions', role: 'editor' },
  ingestContradiction: { method: 'POST', path: '/api/ingest/batches/{id}/contradictions', role: 'editor' },
  ingestUndo: { method: 'POST', path: '/api/ingest/accepts/{accept}/undo', role: 'editor' },
  ingestJudge: { method: 'POST', path: '/api/ingest/judgements', role: 'editor' },
  relationshipDetail: { method: 'GET', path: '/api/relationships/{id}', role: 'viewer' },
  // The whole values list payloads cut (exports fetch them).
  values: { method: 'GET', path: '/api/values', role: 'viewer' },
  perspective: { method: 'GET', path: '/api/perspective', role: 'viewer' },
  savePerspective: { method: 'PUT', path: '/api/perspective', role: 'editor' },
  resetPerspective: { method: 'DELETE', path: '/api/perspective', role: 'editor' },
  exportPerspective: { method: 'GET', path: '/api/perspective/export', role: 'viewer' },
  saveQuery: { method: 'POST', path: '/api/queries', role: 'editor' },
  deleteQuery: { method: 'DELETE', path: '/api/queries/{name}', role: 'editor' },
  // Views too long for a link: any signed-in role shares what it sees (size- and rate-limited).
  saveView: { method: 'POST', path: '/api/views', role: 'viewer' },
  view: { method: 'GET', path: '/api/views/{id}', role: 'viewer' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** `/api/nodes/{id}` → `/api/nodes/4%3Aabc` (ids are URI-encoded; element ids contain colons). */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}
