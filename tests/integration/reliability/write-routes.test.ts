/**
 * Every write route refuses nobody and viewers. The routes come from the OpenAPI document and from
 * the routes the app really registered, so a route added tomorrow is checked without editing this
 * file; a test app with deliberately unguarded routes shows the audit catching them.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from '../../../src/runtime/store/app-store';
import { loadEnv } from '../../../src/runtime/config';
import { Accounts } from '../../../src/server/auth/accounts';
import { registerGuard } from '../../../src/server/auth/guard';
import { ROUTES } from '../../../src/shared/api/routes';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { team } from '../../support/team';
import { ensureSeeded } from '../../support/seeded';
import { auditWriteRoutes, PUBLIC_WRITES, READS_BY_POST } from './support/write-routes';

let api: TestApi;
let store: AppStore;
let viewer: Credentials[];
let editor: Credentials;
let admin: Credentials;

beforeAll(async () => {
  await ensureSeeded();
  let vic: Credentials;
  ({
    api,
    store,
    users: { ada: admin, ed: editor, vic },
  } = await team({ ada: 'admin', vic: 'viewer', ed: 'editor' }, {}));
  viewer = [vic, { bearer: new Accounts(store).createToken('vic', 'script').secret }];
});
afterAll(async () => {
  await api?.close();
  store?.close();
});

const count = async (cypher: string) => Number((await api.driver.executeQuery(cypher)).records[0]!.get(0));

describe('write routes of the API', () => {
  it('refuse anonymous callers (401) and viewers (403), and admin routes refuse editors; nothing is written', async () => {
    const doc = (await as(api.app, admin, 'GET', '/api/openapi.json')).body;
    const nodes = await count('MATCH (n) RETURN count(n)');
    const audited = (store.db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_entries').get() as { n: number }).n;

    const { violations, checked } = await auditWriteRoutes(api.app, doc, { viewer, editor });
    expect(violations).toEqual([]);
    // The audit saw every write route of the table (and so cannot pass by checking nothing).
    const tableWrites = Object.values(ROUTES)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`);
    expect(checked).toEqual(expect.arrayContaining(tableWrites));
    expect(checked.length).toBeGreaterThan(READS_BY_POST.size + PUBLIC_WRITES.size);

    expect(await count('MATCH (n) RETURN count(n)')).toBe(nodes);
    // Nothing was done, so nothing but the refusals themselves was audited.
    const since = (where: string) =>
      (
        store.db.prepare(`SELECT count(*) AS n FROM audit_entries WHERE id > ? AND ${where}`).get(audited) as {
          n: number;
        }
      ).n;
    expect(since("action <> 'write.refused'")).toBe(0);
    expect(since("action = 'write.refused' AND actor IN ('vic', 'ed')")).toBeGreaterThan(0);
  });

  it('have no way to change or delete an audit entry', async () => {
    const doc = (await as(api.app, admin, 'GET', '/api/openapi.json')).body as { paths: Record<string, object> };
    const auditOps = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/audit'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(auditOps).toEqual(['get /api/audit']);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const)
      for (const url of ['/api/audit', '/api/audit/1']) {
        const r = await as(api.app, admin, method, url, {});
        expect([404, 403], `${method} ${url}`).toContain(r.status);
      }
  });
});

describe('the write-route audit itself', () => {
  it('reports a write route that a viewer can call and one that escapes the guard', async () => {
    const s = openAppStore(':memory:');
    const accounts = new Accounts(s);
    await accounts.add('ada', 'admin', 'correct horse battery');
    await accounts.add('vic', 'viewer', 'correct horse battery');
    await accounts.add('ed', 'editor', 'correct horse battery');
    const app = Fastify();
    // A write declared with the wrong role, one declared right, and one outside /api where the guard does not look.
    await registerGuard(app, {
      env: loadEnv({}),
      accounts,
      extraAccess: new Map([
        ['POST /api/reindex', 'viewer'],
        ['POST /api/guarded', 'editor'],
      ]),
    });
    for (const url of ['/api/reindex', '/api/guarded', '/hooks/reindex']) app.post(url, async () => ({ wrote: true }));
    app.setErrorHandler((err: { status?: number }, _req, reply) => reply.status(err.status ?? 500).send({}));
    const doc = { paths: { '/api/reindex': { post: {} }, '/api/guarded': { post: {} } } };
    const creds = {
      viewer: [{ bearer: accounts.createToken('vic', 't').secret }],
      editor: { bearer: accounts.createToken('ed', 't').secret },
    };
    try {
      const { violations } = await auditWriteRoutes(app, doc, creds);
      expect(violations.sort()).toEqual([
        'POST /api/reindex: a viewer (token) got 200',
        'POST /hooks/reindex is registered but not in the OpenAPI document',
        'POST /hooks/reindex: a viewer (token) got 200',
        'POST /hooks/reindex: without credentials answered 200, not 401',
      ]);
    } finally {
      await app.close();
      s.close();
    }
  });
});
