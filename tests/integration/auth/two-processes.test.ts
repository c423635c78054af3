/**
 * Scale-out: two API processes on one Neo4j and one app store share users, sessions, tokens and
 * sign-in throttling. An account added from the console (npm run user:add, while both run) can
 * sign in on either; a session started on one works on the other, CSRF included; signing out
 * everywhere on one ends it on both. Cost: two server processes (~2–5 s each) and one CLI run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../src/runtime/paths';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { Accounts } from '../../../src/server/auth/accounts';
import { testNeo4j } from '../../support/neo4j';
import { spawnServer, type ServerProcess } from '../../support/server-process';
import { ensureSeeded } from '../../support/seeded';
import { PASSWORD } from '../../support/auth';

const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-two-'));
// Each request comes from its own address (through the trusted proxy) unless a test says otherwise,
// so the per-address sign-in limit only counts where a test means it to.
const env = { NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_LOGIN_LIMIT: '3', NEWSGRAPH_TRUST_PROXY: 'true' };
let nextIp = 1;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  await ensureSeeded();
  const store = openAppStore(dataDir);
  await new Accounts(store).add('ada', 'admin', PASSWORD);
  store.close();
  const t = testNeo4j();
  [a, b] = await Promise.all([spawnServer(t, env), spawnServer(t, env)]);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

interface Who {
  ip?: string;
  cookie?: string;
  csrf?: string;
  bearer?: string;
}
async function call(server: ServerProcess, who: Who, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'x-forwarded-for': who.ip ?? `10.1.0.${nextIp++}` };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
}
async function signIn(server: ServerProcess, name: string, password = PASSWORD): Promise<Who> {
  const r = await call(server, {}, 'POST', '/api/session', { name, password });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('newsgraph_session='))!;
  return { cookie: cookie.split(';')[0], csrf: r.body.csrfToken as string };
}

describe('two API processes on one store', () => {
  it('share a session: signed in on one, it reads and writes (with its CSRF token) on the other', async () => {
    expect(a.pid).not.toBe(b.pid);
    const ada = await signIn(a, 'ada');
    expect((await call(b, ada, 'GET', '/api/session')).body.user).toEqual({
      name: 'ada',
      role: 'admin',
      via: 'session',
    });
    const added = await call(b, ada, 'POST', '/api/users', { name: 'ed', role: 'editor', password: PASSWORD });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const list = await call(a, ada, 'GET', '/api/users');
    expect(list.body.users.map((u: { name: string }) => u.name).sort()).toEqual(['ada', 'ed']);
    // The audit written by one process is read by the other.
    const audit = await call(a, ada, 'GET', '/api/audit?action=user.add');
    expect(
      audit.body.entries.some((e: { target: string; actor: string }) => e.target === 'ed' && e.actor === 'ada'),
    ).toBe(true);
  });

  it('see an account added from the console while both run', async () => {
    const r = await new Promise<{ code: number; out: string }>((resolve) => {
      const child = execFile(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [join(ROOT, 'src/server/cli/users.ts'), 'add', 'vic', '--role', 'viewer'],
        { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
      child.stdin!.end(`${PASSWORD}\n`);
    });
    expect(r.code, r.out).toBe(0);
    const vic = await signIn(b, 'vic');
    expect((await call(a, vic, 'GET', '/api/session')).body.user.role).toBe('viewer');
    expect((await call(a, vic, 'POST', '/api/users', { name: 'x', role: 'admin', password: PASSWORD })).status).toBe(
      403,
    );
  });

  it('share bearer tokens and their revocation', async () => {
    const ada = await signIn(a, 'ada');
    const t = await call(a, ada, 'POST', '/api/users/ed/tokens', { label: 'script' });
    expect(t.status).toBe(200);
    expect((await call(b, { bearer: t.body.secret }, 'GET', '/api/session')).body.user.name).toBe('ed');
    await call(b, ada, 'DELETE', `/api/users/ed/tokens/${t.body.token.id}`);
    expect((await call(a, { bearer: t.body.secret }, 'GET', '/api/session')).status).toBe(401);
  });

  it('end a session on both when signed out everywhere on one', async () => {
    const ada = await signIn(a, 'ada');
    const ed = await signIn(b, 'ed');
    expect((await call(a, ed, 'GET', '/api/schema')).status).toBe(200);
    expect((await call(a, ada, 'PATCH', '/api/users/ed', { signOutEverywhere: true })).status).toBe(200);
    for (const s of [a, b]) expect((await call(s, ed, 'GET', '/api/schema')).status).toBe(401);
  });

  it('count failed sign-ins together: guesses spread over both processes are throttled', async () => {
    const codes: number[] = [];
    for (const s of [a, b, a])
      codes.push((await call(s, {}, 'POST', '/api/session', { name: 'ed', password: 'x'.repeat(12) })).status);
    expect(codes).toEqual([401, 401, 401]);
    expect((await call(b, {}, 'POST', '/api/session', { name: 'ed', password: PASSWORD })).status).toBe(429);
  });

  it('count sign-ins from one address together, whatever the name and the process', async () => {
    const ip = '10.2.0.1';
    const codes: number[] = [];
    for (const [s, name] of [
      [a, 'n1'],
      [b, 'n2'],
      [a, 'n3'],
      [b, 'ada'],
    ] as const)
      codes.push((await call(s, { ip }, 'POST', '/api/session', { name, password: 'y'.repeat(12) })).status);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
