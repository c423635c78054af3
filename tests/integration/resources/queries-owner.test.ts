/**
 * Who may change a saved query of the perspective: the account that saved it, or an admin.
 * Another editor is refused (403 NOT_OWNER, naming the owner) and nothing is written — by the
 * save, the delete, or a perspective import carrying a query of the same name. The repository's
 * queries stay as they are for everyone: never saved over, never deleted here.
 */
import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../../src/runtime/store/app-store';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';

let api: TestApi;
let store: AppStore;
let ada: Credentials;
let ed: Credentials;
let eve: Credentials;

// Saved queries and perspectives live in the app's store: the graph is only read, no re-seed.
useTeamOnSeed(
  { ada: 'admin', ed: 'editor', eve: 'editor' },
  (t) => {
    ({
      api,
      store,
      users: { ada, ed, eve },
    } = t);
  },
  { reseed: false },
);

const body = (name: string, title: string, replace = false) => ({
  name,
  title,
  description: 'Who said what',
  cypher: 'MATCH (p:Person) RETURN p.name AS name LIMIT 5',
  replace,
});
const listed = async (name: string) =>
  (await as(api.app, ed, 'GET', '/api/queries')).body.queries.find((q: { name: string }) => q.name === name);
const audited = (name: string) =>
  (store.db.prepare(`SELECT count(*) AS n FROM audit_entries WHERE target LIKE ?`).get(`%#${name}`) as { n: number }).n;

describe('saved queries belong to who saved them', () => {
  it("another editor may neither save over nor delete an editor's query; nothing is written", async () => {
    const saved = await as(api.app, ed, 'POST', '/api/queries', body('ed-people', 'People by ed'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const auditBefore = audited('ed-people');

    const over = await as(api.app, eve, 'POST', '/api/queries', body('ed-people', 'People by eve', true));
    expect(over.status, JSON.stringify(over.body)).toBe(403);
    expect(over.body.error.code).toBe('NOT_OWNER');
    expect(over.body.error.message).toMatch(/saved by ed\b/);
    expect(over.body.error.owner).toBe('ed');

    const del = await as(api.app, eve, 'DELETE', '/api/queries/ed-people');
    expect(del.status, JSON.stringify(del.body)).toBe(403);
    expect(del.body.error.code).toBe('NOT_OWNER');
    expect(del.body.error.message).toMatch(/saved by ed\b/);

    expect(await listed('ed-people')).toMatchObject({ title: 'People by ed', owner: 'ed', savedBy: 'ed' });
    expect(auditBefore).toBe(1);
    expect(audited('ed-people')).toBe(auditBefore);
  });

  it('a perspective import carrying that name is refused as a whole', async () => {
    const file = (await as(api.app, eve, 'GET', '/api/perspective/export')).body;
    const theirs = file.queries.find((q: { name: string }) => q.name === 'ed-people');
    const imported = await as(api.app, eve, 'PUT', '/api/perspective', {
      perspective: { ...file.perspective, name: 'Eve was here' },
      queries: [{ name: 'ed-people', text: theirs.text.replace('People by ed', 'People by eve') }],
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(403);
    expect(imported.body.error.code).toBe('NOT_OWNER');
    expect(await listed('ed-people')).toMatchObject({ title: 'People by ed', savedBy: 'ed' });
    expect((await as(api.app, eve, 'GET', '/api/perspective')).body.perspective.name).not.toBe('Eve was here');
  });

  it('the owner saves over and deletes their own; an admin may change anyone’s', async () => {
    const mine = await as(api.app, ed, 'POST', '/api/queries', body('ed-people', 'People by ed, again', true));
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(await listed('ed-people')).toMatchObject({ title: 'People by ed, again', savedBy: 'ed' });

    const admin = await as(api.app, ada, 'POST', '/api/queries', body('ed-people', 'People, fixed by ada', true));
    expect(admin.status, JSON.stringify(admin.body)).toBe(200);
    expect(admin.body.query).toMatchObject({ owner: 'ed', savedBy: 'ada' });
    // An admin's fix leaves it ed's: still refused to eve, still ed's to change.
    expect(await listed('ed-people')).toMatchObject({ title: 'People, fixed by ada', owner: 'ed', savedBy: 'ada' });
    const eveOver = await as(api.app, eve, 'POST', '/api/queries', body('ed-people', 'People by eve', true));
    expect(eveOver.status).toBe(403);
    expect(eveOver.body.error.owner).toBe('ed');
    const edAgain = await as(api.app, ed, 'POST', '/api/queries', body('ed-people', 'People by ed, thanks ada', true));
    expect(edAgain.status, JSON.stringify(edAgain.body)).toBe(200);
    expect(await listed('ed-people')).toMatchObject({ owner: 'ed', savedBy: 'ed' });

    expect((await as(api.app, eve, 'POST', '/api/queries', body('eve-people', 'People by eve'))).status).toBe(200);
    expect((await as(api.app, eve, 'DELETE', '/api/queries/eve-people')).status).toBe(200);
    expect(await listed('eve-people')).toBeUndefined();
    expect((await as(api.app, ed, 'POST', '/api/queries', body('ed-other', 'Other by ed'))).status).toBe(200);
    expect((await as(api.app, ada, 'DELETE', '/api/queries/ed-other')).status).toBe(200);
    expect(await listed('ed-other')).toBeUndefined();
  });

  it("the repository's queries: refused to editors exactly as to admins", async () => {
    for (const who of [eve, ada]) {
      const over = await as(api.app, who, 'POST', '/api/queries', body('person-profile', 'Mine now', true));
      expect(over.status).toBe(409);
      expect(over.body.error.message).toMatch(/query of the repository/);
      const del = await as(api.app, who, 'DELETE', '/api/queries/person-profile');
      expect(del.status).toBe(403);
      expect(del.body.error.code).toBe('FORBIDDEN');
    }
    expect((await listed('person-profile')).source).toBe('repository');
  });
});
