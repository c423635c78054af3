/**
 * How the browser's API client talks to the server: one call of a route of the zod-free route
 * table (src/shared/api/routes.ts) with its path, query and JSON body, the session and its CSRF
 * token. The resource groups (graph-calls.ts, ingest-calls.ts, ...) build on this; client.ts puts
 * them together.
 *
 * Every failure becomes an ApiError with the server's code and message (or a network error
 * when the server itself is unreachable); connectivity failures are also reported to the
 * connection monitor, which shows the banner and polls the health endpoint until things recover.
 * A request the server answers STORE_BUSY (a restore holds the app store; nothing was written)
 * is sent again a few times before its error is thrown (retry.ts), the banner up meanwhile.
 */
import type { ErrorBody, SessionResponse } from '../../shared/api';
import { apiPath, ROUTES, type Route } from '../../shared/api/routes';
import type { UndoBlockedBy } from '../core/ingest/undo-message';
import { ApiError } from './errors';
import { pause, retryDelayMs, STORE_BUSY_RETRIES } from './retry';
import { authHeaders } from './token';

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

export type Query = Record<string, string | number | readonly string[] | undefined>;

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

/** A 409 on an entity edit carries the version someone else saved, and its properties. */
function conflictOf(e: NonNullable<Partial<ErrorBody>['error']>): ApiError['details']['current'] {
  return e.code === 'CONFLICT' && typeof e.version === 'number' && e.properties && typeof e.properties === 'object'
    ? { version: e.version, properties: e.properties as Record<string, unknown> }
    : undefined;
}

/** The event a refused new event's name belongs to (reason EVENT_EXISTS), when the body names one. */
function existingOf(e: NonNullable<Partial<ErrorBody>['error']>): ApiError['details']['existing'] {
  const x = e.existing;
  return e.reason === 'EVENT_EXISTS' && typeof x?.ref === 'string' && typeof x.name === 'string'
    ? { ref: x.ref, name: x.name }
    : undefined;
}

const cancelled = () => new ApiError(0, 'ABORTED', 'The request was cancelled.');

export class ApiTransport {
  private inFlight = 0;
  private busyWaits = 0;
  constructor(private readonly opts: ApiClientOptions = {}) {}

  /** One call of an endpoint of the route table: its path filled in, the query appended, the body sent as JSON. */
  protected async request<T>(
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
    let waiting = false;
    try {
      for (let retry = 0; ; retry++) {
        try {
          return await this.send<T>(route, path, body, signal);
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 'STORE_BUSY' || retry >= STORE_BUSY_RETRIES) throw e;
          if (!waiting) this.busyWaits++;
          waiting = true;
          await pause(retryDelayMs(e.retryAfter, retry), signal, cancelled);
        }
      }
    } finally {
      if (waiting) this.busyWaits--;
      this.inFlight--;
    }
  }

  /** One send of a request, its answer parsed or turned into an ApiError. */
  private async send<T>(route: Route, path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> {
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
      if (signal?.aborted) throw cancelled();
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
            match: typeof e.match === 'string' ? e.match : undefined,
            current: conflictOf(e),
            mergedInto: e.mergedInto,
            existing: existingOf(e),
          })
        : new ApiError(
            res.status,
            res.status === 502 || res.status === 504 ? 'NETWORK' : 'BAD_RESPONSE',
            res.status === 502 || res.status === 504
              ? 'Cannot reach the newsgraph server. Is it still running?'
              : `The server answered ${res.status} ${res.statusText}.`,
          );
      err.retryAfter = res.headers.get('retry-after');
      if (err.isUnavailable) this.opts.onUnavailable?.(err);
      // A stale CSRF token (signed in again in another tab): ask for the current one next time.
      if (err.code === 'CSRF') csrfKnown = null;
      if (err.code === 'UNAUTHORIZED' && route !== ROUTES.login) this.opts.onUnauthorized?.();
      throw err;
    }
    if (json === undefined)
      throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent an empty or unreadable answer.');
    return json as T;
  }

  /** Requests under way. */
  get pending(): number {
    return this.inFlight;
  }

  /** Requests waiting to be sent again while the app store is busy (the banner stays up meanwhile). */
  get waitingForStore(): number {
    return this.busyWaits;
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
}

/** What a resource group builds on (TypeScript's mixin rule: a base constructor taking `any[]`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TransportClass = new (...args: any[]) => ApiTransport;
