import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/http/server';
import { testNeo4j } from '../../support/neo4j';
import { startTestServer } from '../../support/server';

// The real HTTP server: listens on HOST/PORT, serves the built front end with an SPA fallback,
// keeps /api JSON-only, and closes cleanly (driver included).
let web: string;
let server: RunningServer;

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'newsgraph-dist-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><title>newsgraph</title><div id="root"></div><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log("hi")');
  server = await startTestServer(testNeo4j(), { webRoot: web });
});
afterAll(async () => {
  await server?.close();
  rmSync(web, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on the configured host and reports its URL', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${server.url}/api/health`);
    expect(r.status).toBe(200);
    expect((await r.json()).neo4j.database).toBe(testNeo4j().database);
  });

  it('serves the front end, with index.html for client-side routes', async () => {
    for (const path of ['/', '/explore/node/4:abc:1', '/queries?x=1']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status, path).toBe(200);
      expect(await r.text()).toContain('<div id="root">');
      expect(r.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
    }
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('keeps /api JSON, even for unknown paths', async () => {
    const r = await fetch(`${server.url}/api/does-not-exist`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect((await r.json()).error.code).toBe('NOT_FOUND');
  });

  it('closes: stops listening and closes the driver', async () => {
    const other = await startTestServer(testNeo4j());
    expect((await fetch(`${other.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${other.url}/`)).status).toBe(404); // no front end configured
    await other.close();
    await other.close(); // idempotent
    await expect(fetch(`${other.url}/api/health`)).rejects.toThrow();
    expect(other.app.server.listening).toBe(false);
  });
});
