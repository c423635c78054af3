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
  AcceptOutcome,
  ArticleEvidenceResponse,
  AuditQuery,
  AuditResponse,
  BatchSummary,
  Contradiction,
  BatchView,
  IngestArticleBody,
  ClaimsResponse,
  CypherRequest,
  EdgesBetweenBody,
  EdgesBetweenResponse,
  ErrorBody,
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
  SaveViewResponse,
  SessionResponse,
  TimelineResponse,
  User,
  UserAddBody,
  UserUpdateBody,
  UsersListResponse,
  ViewResponse,
} from '../../shared/api';
import { apiPath, ROUTES, type Route } from '../../shared/api/routes';
import { ApiError } from './errors';
import type { UndoBlockedBy } from '../core/ingest/undo-message';
import { authHeaders } from './token';

export { ApiError, describeError, type ClientErrorCode } from './errors';
export { authHeaders, setAccessToken } from './token';
import type { ArticleEdit as ArticleDetailsEdit, Decision } from '../../ingest/review/decision';

type Batch = { batch: BatchView };
type Accepted = { outcome: AcceptOutcome; batch: BatchView };
type Judged = { left: { form: string } | { entityId: string }; right: { entityId: string } };

export type UnavailableListener = (e: ApiError) => void;

/**
 * The signed-in session's CSRF token (the session cookie itself is HTTP-only): sent with every
 * write. Learned at sign-in, or from GET /api/session before the first write of a page.
 */
let csrf: string | null = null;
let csrfKnown: Promise<void> | null = null;

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
    if (route.method !== 'GET' && route !== ROUTES.login && !csrfKnown)
      csrfKnown = this.session().then(
        (r) => void (csrf = r.csrfToken),
        () => void (csrfKnown = null),
      );
    if (route.method !== 'GET' && route !== ROUTES.login) await csrfKnown;
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
            ...(route.method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
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
              blockedBy: e.blockedBy as UndoBlockedBy | undefined,
            })
          : new ApiError(
              res.status,
              res.status === 502 || res.status === 504 ? 'NETWORK' : 'BAD_RESPONSE',
              res.status === 502 || res.status === 504
                ? 'Cannot reach the newsgraph server. Is it still running?'
                : `The server answered ${res.status} ${res.statusText}.`,
            );
        if (err.isUnavailable) this.opts.onUnavailable?.(err);
        // A stale CSRF token (signed in again in another tab): ask for the current one next time.
        if (err.code === 'CSRF') csrfKnown = null;
        if (err.code === 'UNAUTHORIZED' && route !== ROUTES.login) this.opts.onUnauthorized?.();
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

  /** Who this browser is signed in as, the server's mode (local, token, accounts) and the CSRF token. */
  session(): Promise<SessionResponse> {
    return this.request(ROUTES.session);
  }

  /** Signs in (the server sets the session cookie); a wrong name or password is a 401 ApiError. */
  async login(name: string, password: string): Promise<SessionResponse> {
    const r = await this.request<SessionResponse>(ROUTES.login, { body: { name, password } });
    csrf = r.csrfToken;
    csrfKnown = Promise.resolve();
    return r;
  }

  async logout(): Promise<void> {
    await this.request(ROUTES.logout);
    csrf = null;
    csrfKnown = null;
  }

  // Administration (admin role): accounts and the audit trail.
  users(): Promise<UsersListResponse> {
    return this.request(ROUTES.usersList);
  }

  addUser(body: UserAddBody): Promise<User> {
    return this.request(ROUTES.userAdd, { body });
  }

  updateUser(name: string, body: UserUpdateBody): Promise<User> {
    return this.request(ROUTES.userUpdate, { params: { name }, body });
  }

  audit(q: AuditQuery = {}): Promise<AuditResponse> {
    return this.request(ROUTES.audit, { query: q as Query });
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

  /** A node's detail; with `asReportedBy`, as known on that day (values, evidence, claims). */
  node(id: string, signal?: AbortSignal, asReportedBy?: string): Promise<NodeDetailResponse> {
    return this.request(ROUTES.nodeDetail, {
      params: { id },
      query: asReportedBy ? { asReportedBy } : undefined,
      signal,
    });
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

  /** Stores a view recipe too long for a link; the link carries the returned id. */
  saveView(recipe: string): Promise<SaveViewResponse> {
    return this.request(ROUTES.saveView, { body: { recipe } });
  }

  view(id: string): Promise<ViewResponse> {
    return this.request(ROUTES.view, { params: { id } });
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
  /** Adds an article: extracted and staged for review (nothing reaches the graph until accepted). */
  ingestArticle(body: IngestArticleBody): Promise<{ batch: BatchSummary }> {
    return this.request(ROUTES.ingestArticle, { body });
  }

  /** Staged articles, newest first, with their review counts. */
  ingestBatches(): Promise<{ batches: BatchSummary[] }> {
    return this.request(ROUTES.ingestBatches);
  }

  ingestBatch(id: string): Promise<Batch> {
    return this.request(ROUTES.ingestBatch, { params: { id } });
  }
  /** Gives the staged article's details (title, outlet, published…) before its first accept. */
  ingestBatchArticle(id: string, edit: ArticleDetailsEdit): Promise<Batch> {
    return this.request(ROUTES.ingestBatchArticle, { params: { id }, body: edit });
  }

  /** Accepts one candidate (its proposal, or `decision`): one transaction, undoable. `seen`: see the view's. */
  ingestAccept(id: string, candidate: string, decision?: Decision, seen?: string): Promise<Accepted> {
    return this.request(ROUTES.ingestAccept, { params: { id, candidate }, body: { decision, seen } });
  }

  /** Stores an edited decision (validated by the server; nothing reaches the graph until accepted). */
  ingestEdit(id: string, candidate: string, decision: Decision, seen?: string): Promise<Batch> {
    return this.request(ROUTES.ingestEdit, { params: { id, candidate }, body: { decision, seen } });
  }
  ingestReject(id: string, candidate: string, seen?: string): Promise<Batch> {
    return this.request(ROUTES.ingestReject, { params: { id, candidate }, body: { seen } });
  }

  /** Records a judgement on a name/entity pair: "not-same" is never proposed again, "unsure" is never auto-linked. */
  ingestJudge(pair: Judged, verdict: 'same' | 'not-same' | 'unsure'): Promise<{ ok: true }> {
    return this.request(ROUTES.ingestJudge, { body: { ...pair, verdict } });
  }
  ingestContradictions(id: string): Promise<{ contradictions: Contradiction[] }> {
    return this.request(ROUTES.ingestContradictions, { params: { id } });
  }

  /** Confirms (CONTRADICTS, undoable) or dismisses a proposed contradiction. */
  ingestContradiction(
    id: string,
    claim: string,
    other: string,
    confirm: boolean,
  ): Promise<{ outcome: AcceptOutcome | null; contradictions: Contradiction[]; batch: BatchView }> {
    return this.request(ROUTES.ingestContradiction, { params: { id }, body: { claim, other, confirm } });
  }
  ingestReopen(id: string, candidate: string): Promise<Batch> {
    return this.request(ROUTES.ingestReopen, { params: { id, candidate } });
  }

  /** Merges an entity candidate into an existing graph entity (an accept; records "same"). */
  ingestMerge(id: string, candidate: string, into: string, seen?: string): Promise<Accepted> {
    return this.request(ROUTES.ingestMerge, { params: { id, candidate }, body: { into, seen } });
  }
  ingestBulk(id: string, minConfidence: number): Promise<Accepted> {
    return this.request(ROUTES.ingestBulk, { params: { id }, body: { minConfidence } });
  }
  ingestUndo(accept: number): Promise<Batch> {
    return this.request(ROUTES.ingestUndo, { params: { accept: String(accept) } });
  }
}
