/**
 * Entity edits: one transaction, optimistic concurrency (the second of two editors who read the
 * same version gets 409 and writes nothing), audited with before/after and the quote behind
 * them, refused to viewers and on nodes this app did not load.
 */
import { describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { testDriver, testNeo4j } from '../../support/neo4j';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;
let eve: Credentials;
let viewer: Credentials;

useTeamOnSeed({ ada: 'admin', ed: 'editor', eve: 'editor', vic: 'viewer' }, (t) => {
  ({
    api,
    users: { ada: admin, ed, eve, vic: viewer },
  } = t);
});

const detail = async (id: string) => (await as(api.app, viewer, 'GET', `/api/nodes/${id}`)).body.node.properties;

describe('entity edit', () => {
  it('changes the properties, bumps the version, records who and when', async () => {
    const r = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', {
      version: 0,
      set: { description: 'Governor of Belgorod region (edited).', rank: 3 },
      reason: 'clearer wording',
      source: { article: (await firstArticle()).id, quote: 'the regional governor said' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: 1, changed: ['description', 'rank'] });
    const p = await detail('vyacheslav-gladkov');
    expect(p).toMatchObject({
      description: 'Governor of Belgorod region (edited).',
      rank: 3,
      version: 1,
      edited_by: 'ed',
    });
    expect(typeof p.edited_at).toBe('string');
  });

  it('gives every editor but the first 409 when several save the same version at once, and keeps the first edit', async () => {
    const who = [ed, eve, ed, eve, ed, eve];
    const rs = await Promise.all(
      who.map((c, i) =>
        as(api.app, c, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 1, set: { description: `edit ${i}` } }),
      ),
    );
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = rs.findIndex((r) => r.status === 200);
    for (const r of rs.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe('CONFLICT');
      expect(r.body.error.version).toBe(2);
    }
    const p = await detail('vyacheslav-gladkov');
    expect(p.description).toBe(`edit ${winner}`);
    expect(p.version).toBe(2);
    // A stale version later is refused the same way, and writes nothing.
    const stale = await as(api.app, eve, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 1, set: { x: 'y' } });
    expect(stale.status).toBe(409);
    expect((await detail('vyacheslav-gladkov')).x).toBeUndefined();
  });

  it('audits before and after, with the article and quote behind the change', async () => {
    const r = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', {
      version: 2,
      set: { description: 'Governor of the Belgorod region.' },
      source: { article: (await firstArticle()).id, quote: 'the regional governor said' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const audit = await as(api.app, admin, 'GET', '/api/audit?action=node.edit&target=vyacheslav-gladkov');
    const e = audit.body.entries[0];
    expect(e).toMatchObject({
      actor: 'ed',
      role: 'editor',
      before: { version: 2 },
      after: { version: 3, description: 'Governor of the Belgorod region.' },
      detail: { source: { quote: 'the regional governor said' } },
    });
    expect(e.detail.source.article).toBe((await firstArticle()).id);
    expect(e.detail.source.title).toBe((await firstArticle()).title);
    expect(audit.body.entries.length).toBe(3);
  });

  it('refuses viewers, read-only properties, long quotes, and nodes the app did not load', async () => {
    const v = await as(api.app, viewer, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 3, set: { a: 'b' } });
    expect(v.status).toBe(403);
    for (const key of ['id', 'dataset', 'version', 'edited_by']) {
      const r = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 3, set: { [key]: 'x' } });
      expect(r.status, key).toBe(400);
    }
    const longQuote = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', {
      version: 3,
      set: { a: 'b' },
      source: { article: (await firstArticle()).id, quote: 'word '.repeat(31) },
    });
    expect(longQuote.status).toBe(400);
    const { database } = testNeo4j();
    const driver = testDriver();
    try {
      const c = await driver.executeQuery(
        "CREATE (n:Entity:Person {id: 'not-ours', name: 'x'}) RETURN elementId(n) AS id",
        {},
        { database },
      );
      const foreign = await as(api.app, ed, 'PATCH', `/api/nodes/${c.records[0]!.get('id')}`, {
        version: 0,
        set: { name: 'y' },
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.message).toMatch(/only entities this app loaded/);
      const still = await driver.executeQuery(
        "MATCH (n {id: 'not-ours'}) RETURN n.name AS name, n.version AS v",
        {},
        { database },
      );
      expect(still.records[0]!.get('name')).toBe('x');
      expect(still.records[0]!.get('v')).toBeNull();
      await driver.executeQuery("MATCH (n {id: 'not-ours'}) DELETE n", {}, { database });
    } finally {
      await driver.close();
    }
    expect((await as(api.app, ed, 'PATCH', '/api/nodes/no-such-node', { version: 0, set: { a: 'b' } })).status).toBe(
      404,
    );
  });

  it('refuses to change a reported fact without a source, naming the field, and writes nothing', async () => {
    const event = 'gubkin-street-strike-2022-10';
    const before = await detail(event);
    const version = Number(before.version ?? 0);
    for (const set of [{ killed: 99 }, { kind: 'air-raid' }, { date_basis: 'guess' }, { date_basis: null }]) {
      const r = await as(api.app, ed, 'PATCH', `/api/nodes/${event}`, { version, set, reason: 'test' });
      const key = Object.keys(set)[0]!;
      expect(r.status, JSON.stringify(set)).toBe(400);
      expect(r.body.error.message).toMatch(new RegExp(`^set\\.${key}: is a fact the articles report: give \`source\``));
    }
    // One refused key refuses the whole edit: the description beside it is not written either.
    const mixed = await as(api.app, ed, 'PATCH', `/api/nodes/${event}`, {
      version,
      set: { description: 'A strike on a street in Gubkin (edited).', injured: 5 },
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/^set\.injured: /);
    expect(await detail(event)).toEqual(before);
    // Sending a fact unchanged beside a descriptive edit needs no source (a form sends every field).
    const same = await as(api.app, ed, 'PATCH', `/api/nodes/${event}`, {
      version,
      set: { kind: before.kind, description: 'A strike on a street in Gubkin (edited).' },
    });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.changed).toEqual(['description']);
    // With the article and quote behind it, the fact changes and the audit keeps both.
    const sourced = await as(api.app, ed, 'PATCH', `/api/nodes/${event}`, {
      version: version + 1,
      set: { killed: 1 },
      source: { article: (await firstArticle()).id, quote: 'one person was killed' },
    });
    expect(sourced.status, JSON.stringify(sourced.body)).toBe(200);
    expect((await detail(event)).killed).toBe(1);
    const audit = await as(api.app, admin, 'GET', `/api/audit?action=node.edit&target=${event}`);
    expect(audit.body.entries[0].detail.source.quote).toBe('one person was killed');
  });

  it('keeps provenance read-only and required fields filled, naming the property, and writes nothing', async () => {
    const provenance = [
      'accepted_by',
      'accepted_at',
      'extractor',
      'extractor_version',
      'evidence_articles',
      'evidence_quotes',
      'sources',
      'outlets',
      'reported_values',
      'reported_articles',
    ];
    for (const key of provenance) {
      const r = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 3, set: { [key]: 'x' } });
      expect(r.status, key).toBe(400);
      expect(r.body.error.message, key).toBe(`set.${key}: is provenance: it is read-only`);
    }
    const required: [Record<string, unknown>, RegExp][] = [
      [{ name: '' }, /^set\.name: must not be empty$/],
      [{ name: '   ' }, /^set\.name: must not be empty$/],
      [{ name: null }, /^set\.name: must not be empty$/],
      [{ name: ['x'] }, /^set\.name: must be text$/],
      [{ description: ' ' }, /^set\.description: must not be empty$/],
      [{ aliases: ['Gladkov', ' '] }, /^set\.aliases: must be a list of non-empty names$/],
      [{ aliases: 'Gladkov' }, /^set\.aliases: must be a list of non-empty names$/],
    ];
    for (const [set, message] of required) {
      const r = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', { version: 3, set });
      expect(r.status, JSON.stringify(set)).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
    // A place's kind is required by the model too.
    const place = await as(api.app, ed, 'PATCH', '/api/nodes/belgorod', { version: 0, set: { kind: '' } });
    expect(place.status, JSON.stringify(place.body)).toBe(400);
    expect(place.body.error.message).toBe('set.kind: must not be empty');
    const p = await detail('vyacheslav-gladkov');
    expect(p.name).toBe('Vyacheslav Gladkov');
    expect(p.version).toBe(3);
  });
});

let article: { id: string; title: string } | null = null;
async function firstArticle(): Promise<{ id: string; title: string }> {
  if (article) return article;
  const { database } = testNeo4j();
  const driver = testDriver();
  try {
    const r = await driver.executeQuery(
      'MATCH (a:Article) RETURN a.id AS id, a.title AS title ORDER BY a.id LIMIT 1',
      {},
      { database },
    );
    article = { id: r.records[0]!.get('id'), title: r.records[0]!.get('title') };
    return article;
  } finally {
    await driver.close();
  }
}

describe('node detail after a commit', () => {
  it('is never cached, and is read afresh once anything is committed, still one statement', async () => {
    const get = () =>
      api.app.inject({ method: 'GET', url: '/api/nodes/vyacheslav-gladkov', headers: { cookie: viewer.cookie! } });
    const first = await get();
    expect(first.statusCode).toBe(200);
    // The explorer shows a node it has seen at once, then reads it again: no HTTP cache may answer for the server.
    expect(String(first.headers['cache-control'])).toBe('no-store');
    expect(first.headers.etag).toBeUndefined();
    const version = Number(first.json().node.properties.version ?? 0);
    const edit = await as(api.app, ed, 'PATCH', '/api/nodes/vyacheslav-gladkov', {
      version,
      set: { description: 'Governor of Belgorod region since 2020.' },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const after = await get();
    expect(after.statusCode).toBe(200);
    expect(after.json().node.properties.description).toBe('Governor of Belgorod region since 2020.');
  });
});
