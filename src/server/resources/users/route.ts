import type { Account, TokenRecord } from '../../auth/accounts';
import { AccountError } from '../../auth/accounts';
import {
  TokenCreateBodySchema,
  tokenCreateContract,
  TokenParamsSchema,
  tokenRevokeContract,
  tokensListContract,
  UserAddBodySchema,
  userAddContract,
  UserParamsSchema,
  UserPasswordBodySchema,
  userPasswordContract,
  usersListContract,
  UserUpdateBodySchema,
  userUpdateContract,
  type Token,
  type User,
} from '../../../shared/api/users';
import { ApiError } from '../../http/errors';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';

const userOut = (a: Account, tokens = 0): User => ({
  name: a.name,
  role: a.role,
  disabled: a.disabled,
  createdAt: a.createdAt,
  lastLoginAt: a.lastLoginAt,
  tokens,
});

const tokenOut = (t: TokenRecord): Token => ({
  id: t.id,
  label: t.label,
  role: t.role,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** The audit's picture of an account: never a password hash. */
const snapshot = (a: Account) => ({ name: a.name, role: a.role, disabled: a.disabled });

/** Runs an account operation; its refusals become 404 / 409 / 400. */
async function accountCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    if (e.code === 'NOT_FOUND') throw new ApiError(404, 'NOT_FOUND', e.message);
    if (e.code === 'EXISTS') throw new ApiError(409, 'CONFLICT', e.message);
    throw new ApiError(400, 'BAD_REQUEST', e.message, { param: 'body' });
  }
}

/** Accounts and their bearer tokens (admin only; every change is audited). */
export const userRoutes: RouteModule = (app, ctx) => {
  const { accounts, audit } = ctx;

  app.get(fastifyPath(usersListContract), async () => ({
    users: accounts.list().map((u) => userOut(u, u.tokens)),
  }));

  app.post(fastifyPath(userAddContract), async (req) => {
    const body = parseInput(UserAddBodySchema, req.body, 'body');
    const a = await accountCall(() => accounts.add(body.name, body.role, body.password));
    audit.record(req.actor, { action: 'user.add', target: a.name, after: snapshot(a) });
    return userOut(a);
  });

  app.patch(fastifyPath(userUpdateContract), async (req) => {
    const { name } = parseInput(UserParamsSchema, req.params);
    const body = parseInput(UserUpdateBodySchema, req.body, 'body');
    const before = accounts.get(name);
    const a = await accountCall(() => accounts.update(name, body));
    audit.record(req.actor, {
      action: 'user.update',
      target: a.name,
      before: before && snapshot(before),
      after: snapshot(a),
      detail: body.signOutEverywhere ? { signedOutEverywhere: true } : null,
    });
    return userOut(a, accounts.tokens(a.name).filter((t) => !t.revokedAt).length);
  });

  app.put(fastifyPath(userPasswordContract), async (req) => {
    const { name } = parseInput(UserParamsSchema, req.params);
    const body = parseInput(UserPasswordBodySchema, req.body, 'body');
    const a = await accountCall(() => accounts.setPassword(name, body.password));
    audit.record(req.actor, { action: 'user.password', target: a.name, detail: { sessionsEnded: true } });
    return userOut(a, accounts.tokens(a.name).filter((t) => !t.revokedAt).length);
  });

  app.get(fastifyPath(tokensListContract), async (req) => {
    const { name } = parseInput(UserParamsSchema, req.params);
    return { tokens: (await accountCall(() => accounts.tokens(name))).map(tokenOut) };
  });

  app.post(fastifyPath(tokenCreateContract), async (req) => {
    const { name } = parseInput(UserParamsSchema, req.params);
    const body = parseInput(TokenCreateBodySchema, req.body, 'body');
    const { token, secret } = await accountCall(() => accounts.createToken(name, body.label, body.role ?? null));
    audit.record(req.actor, { action: 'token.create', target: name, after: tokenOut(token) });
    return { token: tokenOut(token), secret };
  });

  app.delete(fastifyPath(tokenRevokeContract), async (req) => {
    const { name, token: id } = parseInput(TokenParamsSchema, req.params);
    const before = accounts.token(id);
    const t = await accountCall(() => accounts.revokeToken(name, id));
    audit.record(req.actor, {
      action: 'token.revoke',
      target: name,
      before: before && tokenOut(before),
      after: tokenOut(t),
    });
    return tokenOut(t);
  });
};
