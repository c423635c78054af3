/**
 * The browser's side of the API contract (src/shared/api). Types only are imported from there,
 * so zod stays out of the bundle; the server validates every request.
 *
 * Every failure becomes an ApiError with the server's code and message (or a network error
 * when the server itself is unreachable); connectivity failures are also reported to the
 * connection monitor, which shows the banner and polls /api/health until things recover.
 */
import type {
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
  QueriesListResponse,
  QueryResult,
  RunQueryResponse,
  SchemaResponse,
  SearchResponse,
  SyntaxPosition,
} from '../../shared/api';

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
  /** Called when any request starts/ends (the e2e hook's idle check listens). */
  onActivity?: (inFlight: number) => void;
  /** The server wants an access token (NEWSGRAPH_TOKEN) and ours is missing or wrong. */
  onUnauthorized?: () => void;
}

export class ApiClient {
  private inFlight = 0;
  constructor(private readonly opts: ApiClientOptions = {}) {}

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    this.inFlight++;
    this.opts.onActivity?.(this.inFlight);
    try {
      let res: Response;
      try {
        res = await fetch(`${this.opts.base ?? ''}${path}`, {
          method,
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
      if (json === undefined) throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an empty or unreadable answer.');
      return json as T;
    } finally {
      this.inFlight--;
      this.opts.onActivity?.(this.inFlight);
    }
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  health(signal?: AbortSignal): Promise<HealthResponse> {
    return this.request('GET', '/api/health', undefined, signal);
  }

  schema(): Promise<SchemaResponse> {
    return this.request('GET', '/api/schema');
  }

  search(q: string, opts: { labels?: readonly string[]; limit?: number; signal?: AbortSignal } = {}): Promise<SearchResponse> {
    const p = new URLSearchParams({ q });
    if (opts.labels?.length) p.set('labels', opts.labels.join(','));
    if (opts.limit) p.set('limit', String(opts.limit));
    return this.request('GET', `/api/search?${p}`, undefined, opts.signal);
  }

  node(id: string, signal?: AbortSignal): Promise<NodeDetailResponse> {
    return this.request('GET', `/api/nodes/${encodeURIComponent(id)}`, undefined, signal);
  }

  neighbours(
    id: string,
    q: { types?: readonly string[]; direction?: 'in' | 'out' | 'both'; labels?: readonly string[]; limit?: number; skip?: number } = {},
  ): Promise<NeighboursResponse> {
    const p = new URLSearchParams();
    if (q.types?.length) p.set('types', q.types.join(','));
    if (q.direction) p.set('direction', q.direction);
    if (q.labels?.length) p.set('labels', q.labels.join(','));
    if (q.limit !== undefined) p.set('limit', String(q.limit));
    if (q.skip) p.set('skip', String(q.skip));
    const qs = p.toString();
    return this.request('GET', `/api/nodes/${encodeURIComponent(id)}/neighbours${qs ? `?${qs}` : ''}`);
  }

  /** "Connect result nodes": relationships between `nodes` (new) and `nodes` ∪ `among` (shown). A POST: the id list is too long for a URL. */
  edgesBetween(body: EdgesBetweenBody): Promise<EdgesBetweenResponse> {
    return this.request('POST', '/api/edges/between', body);
  }

  paths(from: string, to: string, opts: { maxHops?: number; exclude?: readonly string[] } = {}): Promise<PathsResponse> {
    const p = new URLSearchParams({ from, to });
    if (opts.maxHops) p.set('maxHops', String(opts.maxHops));
    if (opts.exclude?.length) p.set('exclude', opts.exclude.join(','));
    return this.request('GET', `/api/paths?${p}`);
  }

  overview(): Promise<OverviewResponse> {
    return this.request('GET', '/api/overview');
  }

  queries(): Promise<QueriesListResponse> {
    return this.request('GET', '/api/queries');
  }

  runQuery(name: string, params: Record<string, string | number | boolean | null>): Promise<RunQueryResponse> {
    return this.request('POST', `/api/queries/${encodeURIComponent(name)}/run`, { params });
  }

  cypher(req: CypherRequest): Promise<QueryResult> {
    return this.request('POST', '/api/cypher', req);
  }
}

/** A human sentence for any error, for toasts and panels. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
