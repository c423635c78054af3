/**
 * Accounts in tests: add users straight into an app's store, sign in through the API, and call
 * routes as a session (cookie + CSRF header), a bearer token, or nobody.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../src/shared/api/routes';
import { Accounts } from '../../src/server/auth/accounts';
import type { AppStore } from '../../src/runtime/store/app-store';

export const PASSWORD = 'correct horse battery';

export interface Credentials {
  cookie?: string;
  csrf?: string | null;
  bearer?: string;
}

export async function addUser(store: AppStore, name: string, role: Role, password = PASSWORD): Promise<void> {
  await new Accounts(store).add(name, role, password);
}

/** The session cookie (name=value) a response sets, if any. */
export function sessionCookie(headers: Record<string, unknown>): string | undefined {
  const raw = headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  const c = all.find((x) => x.startsWith('newsgraph_session='));
  return c?.split(';')[0];
}

/** Every Set-Cookie line of a response. */
export function setCookies(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  return Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
}

export async function signIn(app: FastifyInstance, name: string, password = PASSWORD, cookie?: string) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify({ name, password }),
  });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${name} failed: ${r.statusCode} ${r.body}`);
  return { cookie: sessionCookie(r.headers)!, csrf: r.json().csrfToken as string, response: r };
}

/** One request with the given credentials (JSON body when given). */
export async function as(
  app: FastifyInstance,
  who: Credentials,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await app.inject({ method, url, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
  let json: any = undefined;
  try {
    json = r.json();
  } catch {
    /* not JSON */
  }
  return { status: r.statusCode, body: json, headers: r.headers as Record<string, unknown>, raw: r };
}
