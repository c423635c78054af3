import {
  LoginBodySchema,
  loginContract,
  logoutContract,
  sessionContract,
  type SessionResponse,
} from '../../../shared/api/session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionHandle } from '../../http/actor';
import { ApiError } from '../../http/errors';
import { failedSignInKey } from '../../auth/accounts';
import { fastifyPath, parseInput, type ApiContext, type RouteModule } from '../../http/context';

/** Failed sign-ins for one name within this window count towards its limit (shared by processes). */
const NAME_WINDOW_MS = 15 * 60_000;

function describe(ctx: ApiContext, req: FastifyRequest, reply: FastifyReply): SessionResponse {
  const a = req.actor;
  return {
    mode: ctx.guard.mode(),
    user: a.via === 'anonymous' ? null : { name: a.name, role: a.role, via: a.via },
    csrfToken: a.via === 'session' ? reply.generateCsrf() : null,
  };
}

/** GET, POST (sign in) and DELETE (sign out) /api/session. */
export const sessionRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(sessionContract), async (req, reply) => describe(ctx, req, reply));

  app.post(
    fastifyPath(loginContract),
    { config: { rateLimit: { max: ctx.env.NEWSGRAPH_LOGIN_LIMIT, timeWindow: 60_000 } } },
    async (req, reply) => {
      const body = parseInput(LoginBodySchema, req.body, 'body');
      if (ctx.guard.mode() !== 'accounts')
        throw new ApiError(400, 'BAD_REQUEST', 'This server has no accounts: there is nothing to sign in to.');
      const nameKey = failedSignInKey(body.name);
      if (ctx.accounts.peek(nameKey, NAME_WINDOW_MS) >= ctx.env.NEWSGRAPH_LOGIN_LIMIT) {
        reply.header('Retry-After', String(NAME_WINDOW_MS / 1000));
        throw new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins for this name; try again in 15 minutes.');
      }
      const account = await ctx.accounts.verifyPassword(body.name, body.password);
      if (!account) {
        ctx.accounts.hit(nameKey, NAME_WINDOW_MS);
        ctx.audit.record(req.actor, { action: 'session.login_failed', target: body.name, detail: { ip: req.ip } });
        throw new ApiError(401, 'UNAUTHORIZED', 'Wrong name or password (or the account is disabled).');
      }
      ctx.accounts.clearAttempts(nameKey);
      const csrfToken = ctx.guard.signIn(req, reply, account);
      const user = { name: account.name, role: account.role, via: 'session' as const };
      const sid = req.session.get('s');
      const origin = { via: 'session' as const, ref: sid ? sessionHandle(sid) : null, label: null };
      ctx.audit.record({ ...user, origin }, { action: 'session.login', target: account.name, detail: { ip: req.ip } });
      return { mode: 'accounts', user, csrfToken } satisfies SessionResponse;
    },
  );

  app.delete(fastifyPath(logoutContract), async (req) => {
    if (req.actor.via === 'session') {
      ctx.audit.record(req.actor, { action: 'session.logout', target: req.actor.name });
      ctx.guard.signOut(req);
    }
    return { ok: true as const };
  });
};
