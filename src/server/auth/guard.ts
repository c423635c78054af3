/**
 * Who is asking, and may they: sessions (encrypted, HTTP-only, SameSite=Strict cookies whose key
 * is in the shared app store), per-user bearer tokens, CSRF tokens on a session's writes, and the
 * one role check of every /api route against the shared route table (deny by default).
 *
 * Three modes, decided per request from the store, so an account added by `npm run user:add`
 * while the server runs takes effect at once:
 *  - local: no accounts and a loopback HOST — the single local user is admin (zero set-up);
 *  - token: no accounts and NEWSGRAPH_TOKEN set — that shared bearer token opens everything;
 *  - accounts: sign in (cookie) or a user's bearer token; NEWSGRAPH_TOKEN no longer opens anything.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySecureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Env } from '../../runtime/config';
import { ROUTES, minRole, roleAllows, type Access } from '../../shared/api/routes';
import { ANONYMOUS, LOCAL_ADMIN, sessionHandle, type Actor } from '../http/actor';
import { ApiError } from '../http/errors';
import { sha256, type Accounts } from './accounts';
import { isLoopback } from './host';

export const SESSION_COOKIE = 'newsgraph_session';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** Account id. */
    u: number;
    /** The account's session version when signed in: a newer one ends the session. */
    v: number;
    /** This session's id: signing out records it, so a copy of the cookie stops working too. */
    s: string;
    _csrf: string;
  }
}

export type AuthMode = 'local' | 'token' | 'accounts';

/** A write refused to an identified user: the route as declared, the role it needs, and why. */
export interface Refusal {
  actor: Actor;
  method: string;
  route: string;
  needs: Access;
  code: 'FORBIDDEN' | 'CSRF';
}

/** "METHOD /api/x/:id" → who may call it, for every route of the shared table. */
const ROUTE_ACCESS = new Map<string, Access>(
  Object.values(ROUTES).map((r) => [`${r.method} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`, r.role]),
);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Guard {
  mode(): AuthMode;
  /** Starts a session for the account (a fresh cookie: whatever session came before is dropped). Returns its CSRF token. */
  signIn(req: FastifyRequest, reply: FastifyReply, account: { id: number; sessionVersion: number }): string;
  signOut(req: FastifyRequest): void;
}

/**
 * Registers cookies, sessions and CSRF, and the onRequest hook that sets `req.actor` and checks
 * the route's role before any handler runs. Cost per /api request: one or two indexed SQLite reads.
 */
export async function registerGuard(
  app: FastifyInstance,
  opts: {
    env: Env;
    accounts: Accounts;
    extraAccess?: ReadonlyMap<string, Access>;
    /** Told of every write a known user was refused (role or CSRF), so the audit keeps attempts too. */
    onRefused?: (req: FastifyRequest, refusal: Refusal) => void;
  },
): Promise<Guard> {
  const { env, accounts } = opts;
  const access = opts.extraAccess ? new Map([...ROUTE_ACCESS, ...opts.extraAccess]) : ROUTE_ACCESS;
  const sharedToken = env.NEWSGRAPH_TOKEN ? Buffer.from(sha256(env.NEWSGRAPH_TOKEN), 'hex') : null;
  const loopback = isLoopback(env.HOST);

  await app.register(fastifyCookie);
  await app.register(fastifySecureSession, {
    key: accounts.key('session'),
    cookieName: SESSION_COOKIE,
    expiry: Math.round(env.NEWSGRAPH_SESSION_HOURS * 3600),
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: env.NEWSGRAPH_COOKIE_SECURE === 'always',
    },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/secure-session' });

  const mode = (): AuthMode => (accounts.any() ? 'accounts' : sharedToken ? 'token' : 'local');

  const unauthorized = (reply: FastifyReply, message: string) => {
    reply.header('WWW-Authenticate', 'Bearer realm="newsgraph"');
    return new ApiError(401, 'UNAUTHORIZED', message);
  };

  /** The actor of a request, or an ApiError to answer with. */
  const identify = (req: FastifyRequest, reply: FastifyReply): Actor | ApiError => {
    const m = mode();
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
      if (!bearer) return unauthorized(reply, 'Send "Authorization: Bearer <token>".');
      if (m === 'token' && sharedToken && timingSafeEqual(Buffer.from(sha256(bearer), 'hex'), sharedToken))
        return { ...LOCAL_ADMIN, via: 'token', origin: { via: 'token', ref: null, label: 'NEWSGRAPH_TOKEN' } };
      if (m === 'accounts') {
        const found = accounts.resolveToken(bearer);
        if (found) {
          const role = found.token.role ? minRole(found.account.role, found.token.role) : found.account.role;
          const origin = { via: 'token' as const, ref: found.token.id, label: found.token.label };
          return { name: found.account.name, role, via: 'token', origin };
        }
        if (sharedToken && timingSafeEqual(Buffer.from(sha256(bearer), 'hex'), sharedToken))
          return unauthorized(
            reply,
            "NEWSGRAPH_TOKEN no longer opens this server: it has accounts now. An admin can register it as a user's token (npm run user:token -- NAME --from-env).",
          );
      }
      return unauthorized(reply, 'That bearer token is not valid (unknown or revoked).');
    }
    if (m === 'local') {
      // Defence in depth: start-up refuses a non-loopback HOST without accounts.
      return loopback ? LOCAL_ADMIN : unauthorized(reply, 'No accounts exist yet: add one with npm run user:add.');
    }
    if (m === 'token')
      return unauthorized(reply, 'This server requires "Authorization: Bearer <token>" (NEWSGRAPH_TOKEN).');
    const uid = req.session.get('u');
    if (uid === undefined) return ANONYMOUS;
    const account = accounts.byId(uid);
    const sid = req.session.get('s');
    if (
      !account ||
      account.disabled ||
      account.sessionVersion !== req.session.get('v') ||
      !sid ||
      accounts.sessionEnded(sid)
    ) {
      req.session.delete();
      return ANONYMOUS;
    }
    const origin = { via: 'session' as const, ref: sessionHandle(sid), label: null };
    return { name: account.name, role: account.role, via: 'session', origin };
  };

  const csrfCheck = (req: FastifyRequest, reply: FastifyReply) =>
    new Promise<void>((resolve, reject) => {
      // The plugin answers a bad token through reply.send(error); catch that error instead.
      const send = reply.send.bind(reply);
      reply.send = ((payload: unknown) => {
        reply.send = send;
        reject(
          new ApiError(
            403,
            'CSRF',
            'This write needs the x-csrf-token header of your session (GET /api/session gives it); reload the page.',
          ),
        );
        void payload;
        return reply;
      }) as typeof reply.send;
      app.csrfProtection(req, reply, () => {
        reply.send = send;
        resolve();
      });
    });

  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req, reply) => {
    req.actor = ANONYMOUS;
    if (!req.url.startsWith('/api')) return;
    reply.header('Cache-Control', 'no-store');
    if (env.NEWSGRAPH_COOKIE_SECURE === 'auto' && req.protocol === 'https') req.session.options({ secure: true });
    const url = req.routeOptions.url;
    if (url === undefined) return; // no such route: 404 later
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const needs = access.get(`${method} ${url}`);
    const who = identify(req, reply);
    if (who instanceof ApiError) {
      // A public route (sign in) stays reachable with a stale or missing credential.
      if (needs === 'public' && who.status === 401 && req.headers.authorization === undefined) return;
      throw who;
    }
    req.actor = who;
    if (needs === undefined) {
      // Deny by default: an /api route missing from the shared route table has no declared role.
      throw new ApiError(403, 'FORBIDDEN', `${req.method} ${url} has no declared role, so nobody may call it.`);
    }
    const write = !SAFE_METHODS.has(req.method);
    const refused = (code: Refusal['code'], error: ApiError) => {
      if (write) opts.onRefused?.(req, { actor: who, method: req.method, route: url, needs, code });
      return error;
    };
    if (needs !== 'public') {
      if (who.via === 'anonymous')
        throw unauthorized(reply, 'Sign in to use newsgraph (or send "Authorization: Bearer <token>").');
      if (!roleAllows(who.role, needs))
        throw refused(
          'FORBIDDEN',
          new ApiError(403, 'FORBIDDEN', `This needs the ${needs} role; ${who.name} is ${who.role}.`),
        );
    }
    // Signing in and out need no token: sign-in replaces whatever session came with the request
    // (SameSite=Strict keeps cross-site requests from carrying it at all).
    if (who.via === 'session' && needs !== 'public' && write)
      await csrfCheck(req, reply).catch((e: unknown) => {
        throw e instanceof ApiError ? refused('CSRF', e) : e;
      });
  });

  return {
    mode,
    signIn(req, reply, account) {
      // A new session, never the one the request came with (no session fixation).
      req.session.regenerate();
      req.session.touch(); // the lifetime starts now, not when the anonymous session was made
      req.session.set('u', account.id);
      req.session.set('v', account.sessionVersion);
      req.session.set('s', randomBytes(16).toString('base64url'));
      return reply.generateCsrf();
    },
    signOut(req) {
      const sid = req.session.get('s');
      if (sid) accounts.endSession(sid, Date.now() + env.NEWSGRAPH_SESSION_HOURS * 3_600_000);
      req.session.delete();
    },
  };
}
