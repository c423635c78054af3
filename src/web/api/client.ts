/**
 * The browser's side of the API contract (src/shared/api), for every endpoint. URLs come from the
 * zod-free route table (src/shared/api/routes.ts); only types come from the contracts, so zod
 * stays out of the bundle. The server validates every request.
 *
 * Every failure becomes an ApiError with the server's code and message (or a network error
 * when the server itself is unreachable); connectivity failures are also reported to the
 * connection monitor, which shows the banner and polls the health endpoint until things recover.
 */
import type {
  ArticleEvidenceResponse,
  ClaimsResponse,
  CypherRequest,
  EdgesBetweenBody,
  EdgesBetweenResponse,
  ErrorBody,
  ErrorCode,
  HealthResponse,
  NeighboursResponse,
  NodeDetailResponse,
  OverviewResponse,
  PathsResponse,
  PerspectiveFile,
  PerspectiveResponse,
  QueriesListResponse,
  RelationshipDetailResponse,
  SaveQueryBody,
  SaveQueryResponse,
  SavePerspectiveBody,
  QueryResult,
  RunQueryResponse,
  SchemaResponse,
  SearchResponse,
  SyntaxPosition,
  TimelineResponse,
} from '../../shared/api';
import { apiPath, ROUTES, type Route } from '../../shared/api/routes';

export type ClientErrorCode = ErrorCode | 'NETWORK' | 'ABORTED' | 'BAD_RESPONSE';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: { param?: string; neo4jCode?: string; position?: SyntaxPosition; reason?: string } = {},
  ) {
    super(message);
  }

  /** The database or the server is unreachable: worth a banner and a retry, not a form error. */
  get isUnavailable(): boolean {
    return this.code === 'NEO4J_UNAVAILABLE' || this.code === 'NETWORK' || this.status === 503;
  }
}

export type UnavailableListener = (e: ApiError) => void;

/**
 * The access token of a server started with NEWSGRAPH_TOKEN: typed by the analyst, kept for the
 * browser tab only (sessionStorage), sent as a bearer token. The server never hands it out.
 */
const TOKEN_KEY = 'newsgraph.token';
let token: string | null = (() => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
})();

export function setAccessToken(t: string | null): void {
  token = t && t.trim() ? t.trim() : null;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: kept in memory */
  }
}

/** Headers every API call needs (the bearer token when one was given). */
export function authHeaders(): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export interface ApiClientOptions {
  base?: string;
  /** Called on every connectivity failure (the banner listens). */
  onUnavailable?: UnavailableListener;
  /** The server wants an access token (NEWSGRAPH_TOKEN) and ours is missing or wrong. */
  onUnauthorized?: () => void;
}

type Query = Record<string, string | number | readonly string[] | undefined>;

/** `?a=1&b=x,y` from the defined, non-empty entries ("" when none). Lists are comma-separated. */
function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export class ApiClient {
  private inFlight = 0;
  constructor(private readonly opts: ApiClientOptions = {}) {}

  /** One call of an endpoint of the route table: its path filled in, the query appended, the body sent as JSON. */
  private async request<T>(
    route: Route,
    call: { params?: Record<string, string>; query?: Query; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    const { body, signal } = call;
    const path = `${apiPath(route.path, call.params)}${call.query ? queryString(call.query) : ''}`;
    this.inFlight++;
    try {
      let res: Response;
      try {
        res = await fetch(`${this.opts.base ?? ''}${path}`, {
          method: route.method,
          headers: {
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...authHeaders(),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      } catch (e) {
        if (signal?.aborted) throw new ApiError(0, 'ABORTED', 'The request was cancelled.');
        const err = new ApiError(0, 'NETWORK', 'Cannot reach the newsgraph server. Is it still running?');
        this.opts.onUnavailable?.(err);
        throw err;
      }
      const text = await res.text();
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        // A proxy error page or similar: reported below with the status.
      }
      if (!res.ok) {
        const body = json as Partial<ErrorBody> | undefined;
        const e = body?.error;
        const err = e
          ? new ApiError(res.status, e.code, e.message, {
              param: e.param,
              neo4jCode: e.neo4jCode,
              position: e.position,
              reason: e.reason,
            })
          : new ApiError(
              res.status,
              res.status === 502 || res.status === 504 ? 'NETWORK' : 'BAD_RESPONSE',
              res.status === 502 || res.status === 504
                ? 'Cannot reach the newsgraph server. Is it still running?'
                : `The server answered ${res.status} ${res.statusText}.`,
            );
        if (err.isUnavailable) this.opts.onUnavailable?.(err);
        if (err.code === 'UNAUTHORIZED') this.opts.onUnauthorized?.();
        throw err;
      }
      if (json === undefined)
        throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an empty or unreadable answer.');
      return json as T;
    } finally {
      this.inFlight--;
    }
  }

  /** Requests under way. */
  get pending(): number {
    return this.inFlight;
  }

  health(signal?: AbortSignal): Promise<HealthResponse> {
    return this.request(ROUTES.health, { signal });
  }

  schema(): Promise<SchemaResponse> {
    return this.request(ROUTES.schema);
  }

  search(
    q: string,
    opts: { labels?: readonly string[]; limit?: number; signal?: AbortSignal } = {},
  ): Promise<SearchResponse> {
    return this.request(ROUTES.search, {
      query: { q, labels: opts.labels, limit: opts.limit || undefined },
      signal: opts.signal,
    });
  }

  node(id: string, signal?: AbortSignal): Promise<NodeDetailResponse> {
    return this.request(ROUTES.nodeDetail, { params: { id }, signal });
  }

  neighbours(
    id: string,
    q: {
      types?: readonly string[];
      direction?: 'in' | 'out' | 'both';
      labels?: readonly string[];
      limit?: number;
      skip?: number;
    } = {},
  ): Promise<NeighboursResponse> {
    return this.request(ROUTES.neighbours, {
      params: { id },
      query: { types: q.types, direction: q.direction, labels: q.labels, limit: q.limit, skip: q.skip || undefined },
    });
  }

  /** "Connect result nodes": relationships between `nodes` (new) and `nodes` ∪ `among` (shown). A POST: the id list is too long for a URL. */
  edgesBetween(body: EdgesBetweenBody): Promise<EdgesBetweenResponse> {
    return this.request(ROUTES.edgesBetween, { body });
  }

  paths(
    from: string,
    to: string,
    opts: { maxHops?: number; exclude?: readonly string[] } = {},
  ): Promise<PathsResponse> {
    return this.request(ROUTES.paths, {
      query: { from, to, maxHops: opts.maxHops || undefined, exclude: opts.exclude },
    });
  }

  relationship(id: string, signal?: AbortSignal): Promise<RelationshipDetailResponse> {
    return this.request(ROUTES.relationshipDetail, { params: { id }, signal });
  }

  /** The connected database's perspective (captions, colours, icons, search, views). */
  perspective(): Promise<PerspectiveResponse> {
    return this.request(ROUTES.perspective);
  }

  savePerspective(body: SavePerspectiveBody): Promise<PerspectiveResponse> {
    return this.request(ROUTES.savePerspective, { body });
  }

  resetPerspective(): Promise<PerspectiveResponse> {
    return this.request(ROUTES.resetPerspective);
  }

  exportPerspective(): Promise<PerspectiveFile> {
    return this.request(ROUTES.exportPerspective);
  }

  saveQuery(body: SaveQueryBody): Promise<SaveQueryResponse> {
    return this.request(ROUTES.saveQuery, { body });
  }

  deleteQuery(name: string): Promise<{ deleted: string }> {
    return this.request(ROUTES.deleteQuery, { params: { name } });
  }

  overview(): Promise<OverviewResponse> {
    return this.request(ROUTES.overview);
  }

  queries(): Promise<QueriesListResponse> {
    return this.request(ROUTES.queriesList);
  }

  runQuery(name: string, params: Record<string, string | number | boolean | null>): Promise<RunQueryResponse> {
    return this.request(ROUTES.runQuery, { params: { name }, body: { params } });
  }

  cypher(req: CypherRequest): Promise<QueryResult> {
    return this.request(ROUTES.cypher, { body: req });
  }

  timeline(
    q: { from?: string; to?: string; asReportedBy?: string; granularity?: 'year' | 'month' } = {},
  ): Promise<TimelineResponse> {
    return this.request(ROUTES.timeline, { query: q });
  }

  claims(q: { event?: string; asReportedBy?: string } = {}): Promise<ClaimsResponse> {
    return this.request(ROUTES.claims, { query: q });
  }

  /** An evidence quote in its article (the evidence reader). */
  evidence(article: string, start: number, end: number): Promise<ArticleEvidenceResponse> {
    return this.request(ROUTES.articleEvidence, { params: { id: article }, query: { start, end } });
  }
}

/** A human sentence for any error, for toasts and panels. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
