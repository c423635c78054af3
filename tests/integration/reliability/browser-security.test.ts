import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../../src/server/cli/ensure-build';
import { loadEnv } from '../../../src/runtime/config';
import { DEFAULT_INSTANCE } from '../../../src/runtime/paths';
import { startServer } from '../../../src/server/http/server';
import { makeTestApi, type TestApi } from '../../support/api';
import { testNeo4j } from '../../support/neo4j';
import { ensureSeeded } from '../../support/seeded';
import { ROUTES } from '../../../src/shared/api/routes';
import { discoverRoutes, type RouteInfo } from './support/routes';

/**
 * What a browser-facing local server must get right:
 *  - a Content-Security-Policy that still lets the ForceAtlas2 worker start (worker-src blob:)
 *    and allows no inline or foreign script;
 *  - no database credentials in the built front end, even when the build runs with them in its
 *    environment (the bundle is built here, into a folder of its own, then grepped);
 *  - CORS closed by default, and no "simple" cross-site POST (text/plain, forms) accepted;
 *  - request body size limits;
 *  - HOST defaulting to 127.0.0.1 (and honoured when set);
 *  - NEWSGRAPH_TOKEN: when set, every API call needs the bearer token; when unset, none does.
 */

const SECRET_TOKEN = `tok-${randomBytes(12).toString('hex')}`;
let webRoot = '';
let api: TestApi;
let secrets: string[] = [];

beforeAll(async () => {
  await ensureSeeded();
  const t = testNeo4j();
  // Everything a careless build could leak: the test database's password and URI, the managed
  // instance's password, a bearer token — all present in the build's environment.
  const managedPassword = existsSync(join(DEFAULT_INSTANCE, 'password'))
    ? readFileSync(join(DEFAULT_INSTANCE, 'password'), 'utf8').trim()
    : null;
  secrets = [t.password, SECRET_TOKEN, ...(managedPassword ? [managedPassword] : [])];
  webRoot = mkdtempSync(join(tmpdir(), 'newsgraph-web-'));
  const saved = { ...process.env };
  Object.assign(process.env, {
    NEO4J_URI: t.uri,
    NEO4J_USERNAME: t.username,
    NEO4J_PASSWORD: t.password,
    NEWSGRAPH_TOKEN: SECRET_TOKEN,
  });
  try {
    await ensureBuild({ outDir: webRoot, force: true, log: () => {} });
  } finally {
    for (const k of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEWSGRAPH_TOKEN']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  api = await makeTestApi({ webRoot });
}, 300_000);

afterAll(async () => {
  await api?.close();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** "default-src 'self'; worker-src 'self' blob:" → { 'default-src': ["'self'"], … } */
function csp(header: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

describe('Content-Security-Policy', () => {
  it('is sent with the page and the API, allows the FA2 worker (blob:) and no inline or foreign script', async () => {
    for (const url of ['/', '/api/health']) {
      const r = await api.get(url);
      expect(r.status, url).toBe(200);
      const p = csp(r.headers['content-security-policy']);
      expect(p['worker-src'], url).toEqual(expect.arrayContaining(['blob:']));
      expect(p['script-src'] ?? p['default-src'], url).toEqual(["'self'"]);
      expect(p['default-src'], url).toEqual(["'self'"]);
      expect(p['object-src'], url).toEqual(["'none'"]);
      expect(p['frame-ancestors'], url).toEqual(["'none'"]);
      // The browser talks to this server only (never to Neo4j's Bolt port).
      expect(p['connect-src'], url).toEqual(["'self'"]);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('is compatible with the built page: no inline scripts, every script from this origin', async () => {
    const html = (await api.get('/')).body as string;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, 'a script without src would be blocked by the CSP').toMatch(/\bsrc="\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    // The layout worker is created from a blob: URL somewhere in the bundle: that is why worker-src needs blob:.
    const js = filesUnder(webRoot)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(js).toMatch(/new Worker\(/);
    expect(js).toMatch(/createObjectURL/);
  });
});

describe('no credentials in the built front end', () => {
  it('the bundle (scripts, source maps, html) holds no password, token or Bolt URI, although the build ran with them in its environment', () => {
    const files = filesUnder(webRoot);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(true);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of secrets) expect(text.includes(s), `${f} contains a secret`).toBe(false);
      expect(text, f).not.toMatch(/bolt(\+s|\+ssc)?:\/\/|neo4j(\+s|\+ssc)?:\/\//);
      // Naming NEWSGRAPH_TOKEN in help text is fine; a value assigned to a credential is not.
      expect(text, f).not.toMatch(/NEO4J_PASSWORD\s*[:=]\s*["'`][^"'`]+/);
    }
  });

  it('the API never returns them either', async () => {
    for (const url of ['/api/health', '/api/schema', '/api/openapi.json', '/api/queries', '/api/overview']) {
      const r = await api.get(url);
      const text = JSON.stringify(r.body);
      for (const s of secrets) expect(text.includes(s), url).toBe(false);
      expect(text, url).not.toMatch(/bolt:\/\/|neo4j:\/\//);
    }
  });
});

describe('CORS and cross-site requests', () => {
  it('sends no CORS headers to another origin (closed by default), preflight included', async () => {
    const origin = 'https://evil.example';
    const get = await api.app.inject({ method: 'GET', url: '/api/health', headers: { origin } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    const pre = await api.app.inject({
      method: 'OPTIONS',
      url: '/api/cypher',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    expect(pre.statusCode).toBeGreaterThanOrEqual(400);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a "simple" cross-site POST sent as %s (no preflight would protect it)',
    async (type) => {
      const r = await api.app.inject({
        method: 'POST',
        url: '/api/cypher',
        headers: { 'content-type': type, origin: 'https://evil.example' },
        payload: '{"query":"MATCH (n) RETURN n"}',
      });
      expect(r.statusCode).toBe(415);
      expect(r.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );
});

describe('request body size limit', () => {
  it('refuses bodies over the limit with 413 and a message, and accepts one just under it', async () => {
    const over = JSON.stringify({ query: 'RETURN 1', params: { x: 'y'.repeat(300 * 1024) } });
    for (const url of ['/api/cypher', '/api/queries/anything/run']) {
      const r = await api.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: over,
      });
      expect(r.statusCode, url).toBe(413);
      expect(r.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(r.json().error.message).toMatch(/KB/);
    }
    const under = JSON.stringify({ query: 'RETURN size($x) AS n', params: { x: 'y'.repeat(200 * 1024) } });
    const ok = await api.app.inject({
      method: 'POST',
      url: '/api/cypher',
      headers: { 'content-type': 'application/json' },
      payload: under,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().table.rows[0][0]).toBe(200 * 1024);
  });
});

describe('HOST', () => {
  it('defaults to 127.0.0.1, and the server listens there only', async () => {
    expect(loadEnv({}).HOST).toBe('127.0.0.1');
    const t = testNeo4j();
    const env = loadEnv({ PORT: '0', LOG_LEVEL: 'silent', NEO4J_URI: t.uri, NEO4J_PASSWORD: t.password });
    const server = await startServer({ env, target: t, logger: false, webRoot: null });
    try {
      const addr = server.app.server.address();
      expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      // Not reachable through the machine's other addresses.
      const external = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && i.family === 'IPv4' && !i.internal)
        .map((i) => i!.address);
      for (const ip of external) expect(await canConnect(ip, port), ip).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('is honoured when set', async () => {
    const t = testNeo4j();
    const env = loadEnv({ HOST: '127.0.0.2', PORT: '0', LOG_LEVEL: 'silent' });
    const server = await startServer({ env, target: t, logger: false, webRoot: null });
    try {
      const addr = server.app.server.address();
      expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.2');
    } finally {
      await server.close();
    }
  });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host, port, timeout: 2_000 });
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
    s.once('timeout', () => {
      s.destroy();
      res(false);
    });
  });
}

describe('NEWSGRAPH_TOKEN', () => {
  let withToken: TestApi;
  let routes: RouteInfo[];
  const sample = (path: string) =>
    path.replace(/:(\w+)/g, (_, k: string) => (k === 'name' ? 'no-such-query' : 'vyacheslav-gladkov'));

  beforeAll(async () => {
    withToken = await makeTestApi({ envVars: { NEWSGRAPH_TOKEN: SECRET_TOKEN }, webRoot });
    // Signing in and asking who you are stay open (they say the server wants a token); every
    // other route needs it.
    const open = new Set(
      Object.values(ROUTES)
        .filter((r) => r.role === 'public')
        .map((r) => `${r.method} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    routes = (await discoverRoutes(withToken.app, { authorization: `Bearer ${SECRET_TOKEN}` })).filter(
      (r) => !open.has(`${r.method} ${r.path}`),
    );
  });

  it('when set, the public session route answers without the token but names nobody', async () => {
    const r = await withToken.app.inject({ method: 'GET', url: '/api/session' });
    expect(r.statusCode).toBe(200);
    expect(JSON.stringify(r.json())).not.toContain(SECRET_TOKEN);
    expect(r.json().mode).toBe('token');
    expect(r.json().user ?? null).toBeNull();
  });
  afterAll(async () => {
    await withToken?.close();
  });

  it('when set, every API route refuses a request without the right bearer token (401 + WWW-Authenticate)', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const wrong: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token-123' },
      { authorization: `Bearer ${SECRET_TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`neo4j:${SECRET_TOKEN}`).toString('base64')}` },
      { authorization: SECRET_TOKEN },
      { 'x-newsgraph-token': SECRET_TOKEN },
    ];
    for (const route of routes) {
      for (const headers of wrong) {
        const url = `${sample(route.path)}?token=${SECRET_TOKEN}`;
        const r = await withToken.app.inject({
          method: route.method as 'GET' | 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: route.method === 'POST' ? '{}' : undefined,
        });
        expect(r.statusCode, `${route.method} ${url} ${JSON.stringify(headers)}`).toBe(401);
        expect(r.json().error.code).toBe('UNAUTHORIZED');
        expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    }
  });

  it('when set, the right token opens every route', async () => {
    for (const route of routes) {
      const r = await withToken.app.inject({
        method: route.method as 'GET' | 'POST',
        url: sample(route.path),
        headers: { authorization: `Bearer ${SECRET_TOKEN}`, 'content-type': 'application/json' },
        payload:
          route.method === 'POST'
            ? JSON.stringify(route.path === '/api/cypher' ? { query: 'RETURN 1' } : {})
            : undefined,
      });
      expect(r.statusCode, `${route.method} ${route.path}`).not.toBe(401);
      expect(r.statusCode, `${route.method} ${route.path}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it('when set, the page itself still loads (the user enters the token there)', async () => {
    const r = await withToken.app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/<html/i);
  });

  it('when unset, no API route asks for a token', async () => {
    const open = await discoverRoutes(api.app);
    for (const route of open) {
      const r = await api.app.inject({
        method: route.method as 'GET' | 'POST',
        url: sample(route.path),
        headers: { 'content-type': 'application/json' },
        payload:
          route.method === 'POST'
            ? JSON.stringify(route.path === '/api/cypher' ? { query: 'RETURN 1' } : {})
            : undefined,
      });
      expect(r.statusCode, `${route.method} ${route.path}`).not.toBe(401);
      expect(r.statusCode, `${route.method} ${route.path}`).toBeLessThan(500);
    }
  });
});
