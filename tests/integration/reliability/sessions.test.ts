/**
 * Sessions under attack: writes without the session's CSRF token, session fixation, cookie flags
 * (plain HTTP, behind a TLS proxy, forced), brute-force sign-in throttled per address and per name
 * (a new password frees the name),
 * and a viewer trying to write through ad-hoc Cypher by any route that runs Cypher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { Accounts } from '../../../src/server/auth/accounts';
import { makeTestApi, type TestApi } from '../../support/api';
import { addUser, as, PASSWORD, sessionCookie, setCookies, signIn } from '../../support/auth';
import { ensureSeeded } from '../../support/seeded';

let api: TestApi;
let store: AppStore;
const LIMIT = 3;

beforeAll(async () => {
  await ensureSeeded();
  store = openAppStore(':memory:');
  api = await makeTestApi({ store, envVars: { NEWSGRAPH_LOGIN_LIMIT: String(LIMIT), NEWSGRAPH_TRUST_PROXY: 'true' } });
  await addUser(store, 'ada', 'admin');
  await addUser(store, 'ed', 'editor');
  await addUser(store, 'vic', 'viewer');
  await addUser(store, 'val', 'viewer');
});
afterAll(async () => {
  await api?.close();
  store?.close();
});

/** Each sign-in from its own address, so the per-address limit stays out of the way. */
let nextIp = 1;
const login = (name: string, password = PASSWORD, headers: Record<string, string> = {}, ip = `10.0.0.${nextIp++}`) =>
  api.app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ name, password }),
  });
const signedIn = async (name: string) => {
  const r = await login(name);
  expect(r.statusCode, r.body).toBe(200);
  return { cookie: sessionCookie(r.headers)!, csrf: r.json().csrfToken as string };
};

describe('CSRF', () => {
  it('refuses a session write without the token, or with another session’s token, and writes nothing', async () => {
    const ada = await signedIn('ada');
    const ed = await signedIn('ed');
    const body = { name: 'csrf-victim', role: 'viewer', password: PASSWORD };
    for (const csrf of [undefined, ed.csrf, 'forged-token']) {
      const r = await as(api.app, { cookie: ada.cookie, csrf }, 'POST', '/api/users', body);
      expect(r.status, String(csrf)).toBe(403);
      expect(r.body.error.code).toBe('CSRF');
    }
    expect(new Accounts(store).get('csrf-victim')).toBeNull();
    const ok = await as(api.app, ada, 'POST', '/api/users', body);
    expect(ok.status).toBe(200);
  });

  it('refuses a cross-site "simple" form post outright (JSON only)', async () => {
    const ada = await signedIn('ada');
    const r = await api.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: ada.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=form&role=admin&password=correct+horse+battery',
    });
    expect([403, 415]).toContain(r.statusCode);
    expect(new Accounts(store).get('form')).toBeNull();
  });
});

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Strict, whole-site, and not Secure on plain HTTP', async () => {
    const line = setCookies((await login('ed')).headers).find((c) => c.startsWith('newsgraph_session='))!;
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Strict/i);
    expect(line).toMatch(/;\s*Path=\/(;|$)/);
    expect(line).not.toMatch(/;\s*Secure/i);
  });

  it('are Secure when the request came over HTTPS through the trusted proxy', async () => {
    const r = await login('ed', PASSWORD, { 'x-forwarded-proto': 'https' });
    const line = setCookies(r.headers).find((c) => c.startsWith('newsgraph_session='))!;
    expect(line).toMatch(/;\s*Secure/i);
  });

  it('are always Secure with NEWSGRAPH_COOKIE_SECURE=always', async () => {
    const s = openAppStore(':memory:');
    const other = await makeTestApi({ store: s, envVars: { NEWSGRAPH_COOKIE_SECURE: 'always' } });
    try {
      await addUser(s, 'ada', 'admin');
      const { response } = await signIn(other.app, 'ada');
      expect(String(response.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await other.close();
      s.close();
    }
  });

  it('resist fixation: signing in never keeps the cookie the browser came with', async () => {
    // An attacker plants their own valid session cookie in the victim's browser…
    const planted = (await signedIn('vic')).cookie;
    const r = await login('ed', PASSWORD, { cookie: planted });
    expect(r.statusCode, r.body).toBe(200);
    const fresh = sessionCookie(r.headers)!;
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(planted);
    // …the victim's sign-in does not upgrade the attacker's cookie.
    expect((await as(api.app, { cookie: planted }, 'GET', '/api/session')).body.user.name).toBe('vic');
    expect((await as(api.app, { cookie: fresh }, 'GET', '/api/session')).body.user.name).toBe('ed');
  });

  it('a signed-out cookie replayed is nobody; the user’s other sessions stay', async () => {
    const one = await signedIn('ed');
    const other = await signedIn('ed');
    expect((await as(api.app, one, 'DELETE', '/api/session')).status).toBe(200);
    // The attacker kept a copy of the cookie from before the sign-out.
    const replay = await as(api.app, { cookie: one.cookie }, 'GET', '/api/session');
    expect(replay.body.user).toBeNull();
    expect((await as(api.app, { cookie: one.cookie }, 'GET', '/api/schema')).status).toBe(401);
    expect((await as(api.app, other, 'GET', '/api/session')).body.user.name).toBe('ed');
  });

  it('a tampered cookie is nobody', async () => {
    const { cookie } = await signedIn('ada');
    const [k, v] = cookie.split('=') as [string, string];
    const tampered = `${k}=${v.slice(0, -4)}${v.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const r = await as(api.app, { cookie: tampered }, 'GET', '/api/users');
    expect(r.status).toBe(401);
  });
});

describe('brute force', () => {
  it('throttles failed sign-ins for one name, whatever the address, even with the right password after', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await login('vic', `guess ${i}`)).statusCode).toBe(401);
    const r = await login('vic');
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('RATE_LIMITED');
    expect(r.headers['retry-after']).toBeDefined();
    // Others are not locked out by it.
    expect((await login('ed')).statusCode).toBe(200);
  });

  it('a new password set by an admin frees a name others locked by guessing', async () => {
    await addUser(store, 'lou', 'viewer');
    for (let i = 0; i < LIMIT; i++) expect((await login('lou', `guess ${i}`)).statusCode).toBe(401);
    expect((await login('lou')).statusCode).toBe(429);
    const ada = await signedIn('ada');
    const fresh = 'a new passphrase for lou';
    const set = await as(api.app, ada, 'PUT', '/api/users/lou/password', { password: fresh });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await login('lou', fresh)).statusCode).toBe(200);
  });

  it('throttles sign-in attempts from one address, whatever the name', async () => {
    const ip = '10.9.9.9';
    const codes: number[] = [];
    for (const name of ['a1', 'a2', 'a3', 'ada']) codes.push((await login(name, 'nope', {}, ip)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});

describe('a viewer and write Cypher', () => {
  it('cannot write through the ad-hoc Cypher route, by session or token', async () => {
    // Not vic: the brute-force tests above have throttled that name.
    const val = await signedIn('val');
    const token = { bearer: new Accounts(store).createToken('val', 'script').secret };
    const writes = [
      'CREATE (n:Pwned) RETURN n',
      'MATCH (n) WITH n LIMIT 1 SET n.pwned = true RETURN n',
      'MERGE (n:Pwned {x: 1}) RETURN n',
      'MATCH (n) WITH n LIMIT 1 DETACH DELETE n',
      'CALL { CREATE (:Pwned) } RETURN 1',
      'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
    ];
    for (const who of [val, token])
      for (const query of writes) {
        const r = await as(api.app, who, 'POST', '/api/cypher', { query });
        expect(r.status, query).toBeGreaterThanOrEqual(400);
      }
    const pwned = await api.driver.executeQuery('MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n) AS c');
    expect(Number(pwned.records[0]!.get('c'))).toBe(0);
  });
});
