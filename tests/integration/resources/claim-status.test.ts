/**
 * A claim's status set by an editor (PUT /api/claims/{id}/status): only the status, with a required
 * reason and an optional article and quote; who and when on the claim, old and new status in the
 * audit, the board showing the new one. Refused to viewers, on stale versions (409 with the other
 * editor's value), on nodes that are not claims this app loaded, and on a bad status or no reason.
 */
import { describe, expect, it } from 'vitest';
import { ClaimsResponseSchema } from '../../../src/shared/api/claims';
import type { TestApi } from '../../support/api';
import { as, type Credentials } from '../../support/auth';
import { useTeamOnSeed } from '../../support/team';
import { testDriver, testNeo4j } from '../../support/neo4j';

let api: TestApi;
let admin: Credentials;
let ed: Credentials;
let eve: Credentials;
let viewer: Credentials;

const CLAIM = 'claim-podolyak-no-investigation-putin-indifferent';
const EVENT = 'gubkin-street-strike-2022-10';
const ARTICLE = 'express-2022-10-13-russia-hits-own-building-in-belgorod';
const url = (id: string) => `/api/claims/${encodeURIComponent(id)}/status`;

useTeamOnSeed({ ada: 'admin', ed: 'editor', eve: 'editor', vic: 'viewer' }, (t) => {
  ({
    api,
    users: { ada: admin, ed, eve, vic: viewer },
  } = t);
});

const detail = async (id: string) => (await as(api.app, viewer, 'GET', `/api/nodes/${id}`)).body.node.properties;
const onBoard = async () => {
  const r = await as(api.app, viewer, 'GET', `/api/claims?event=${EVENT}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const b = ClaimsResponseSchema.parse(r.body);
  return b.events[0]!.groups.flatMap((g) => g.claims).find((c) => c.key === CLAIM)!;
};

describe("a claim's status", () => {
  it('is set by an editor with a reason: who and when on the claim, the board shows it, the audit has old and new', async () => {
    const before = await onBoard();
    expect(before).toMatchObject({ status: 'unanswered', edit: { version: 0, by: null, at: null } });
    const r = await as(api.app, ed, 'PUT', url(CLAIM), {
      version: 0,
      status: 'acknowledged',
      reason: 'the Kremlin answered him a week later',
      source: { article: ARTICLE, quote: 'Putin doesn’t care who he kills' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      version: 1,
      changed: ['status', 'status_note'],
      properties: { status: 'acknowledged' },
    });
    const p = await detail(CLAIM);
    // The seed's note explained the old status; the reason explains the new one.
    expect(p).toMatchObject({
      status: 'acknowledged',
      status_note: 'the Kremlin answered him a week later',
      version: 1,
      edited_by: 'ed',
    });
    expect(typeof p.edited_at).toBe('string');
    // Nothing else of the claim changed.
    expect(p.statement).toMatch(/^Podolyak predicted no one would be investigated/);

    const after = await onBoard();
    expect(after).toMatchObject({ status: 'acknowledged', statusAsOf: 'acknowledged', edit: { version: 1, by: 'ed' } });
    expect(typeof after.edit!.at).toBe('string');

    const audit = await as(api.app, admin, 'GET', `/api/audit?action=claim.status&target=${CLAIM}`);
    expect(audit.body.entries).toHaveLength(1);
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'ed',
      role: 'editor',
      before: { version: 0, status: 'unanswered', status_note: expect.stringMatching(/no Russian reply/) },
      after: { version: 1, status: 'acknowledged', status_note: 'the Kremlin answered him a week later' },
      detail: {
        reason: 'the Kremlin answered him a week later',
        source: { article: ARTICLE, quote: 'Putin doesn’t care who he kills' },
      },
    });
    expect(audit.body.entries[0].detail.source.title).toMatch(/Belgorod/);

    // The same status again writes and records nothing; an admin may set it too, without a source.
    const same = await as(api.app, ed, 'PUT', url(CLAIM), { version: 1, status: 'acknowledged', reason: 'again' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 1, changed: [] });
    const byAdmin = await as(api.app, admin, 'PUT', url(CLAIM), {
      version: 1,
      status: 'contested',
      reason: 'disputed',
    });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    expect((await detail(CLAIM)).edited_by).toBe('ada');
    // Set by hand, a claim is contested on the board even without a contradicting claim in the graph.
    expect(await onBoard()).toMatchObject({ status: 'contested', statusAsOf: 'contested' });
    const all = await as(api.app, admin, 'GET', `/api/audit?action=claim.status&target=${CLAIM}`);
    expect(all.body.entries).toHaveLength(2);
  });

  it('gives the second of two editors 409 with the first one’s status, and writes nothing', async () => {
    const { version } = (await onBoard()).edit!;
    const rs = await Promise.all(
      [ed, eve].map((c, i) =>
        as(api.app, c, 'PUT', url(CLAIM), {
          version,
          status: i ? 'uncontested' : 'unanswered',
          reason: `editor ${i}`,
        }),
      ),
    );
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = rs.find((r) => r.status === 409)!;
    const won = rs.find((r) => r.status === 200)!;
    expect(lost.body.error.code).toBe('CONFLICT');
    expect(lost.body.error.message).toMatch(/Someone changed this claim since you read it/);
    expect(lost.body.error.version).toBe(version + 1);
    expect(lost.body.error.properties.status).toBe(won.body.properties.status);
    expect((await detail(CLAIM)).status).toBe(won.body.properties.status);
  });

  it('refuses viewers (403) and callers without credentials (401)', async () => {
    const { version } = (await onBoard()).edit!;
    const body = { version, status: 'contested', reason: 'x' };
    const v = await as(api.app, viewer, 'PUT', url(CLAIM), body);
    expect(v.status).toBe(403);
    expect(v.body.error.code).toBe('FORBIDDEN');
    const anon = await api.app.inject({ method: 'PUT', url: url(CLAIM), payload: body });
    expect(anon.statusCode).toBe(401);
    expect((await onBoard()).edit!.version).toBe(version);
  });

  it('answers 400 naming the field for a bad status, no reason, a long quote, an unknown article, anything else', async () => {
    const before = await detail(CLAIM);
    const version = Number(before.version);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ version, status: 'refuted', reason: 'x' }, 'body.status', /must be one of contested, unanswered/],
      [{ version, reason: 'x' }, 'body.status', /must be one of/],
      [{ version, status: 'contested' }, 'body.reason', /is required/],
      [{ version, status: 'contested', reason: '   ' }, 'body.reason', /is required/],
      [
        { version, status: 'contested', reason: 'x', source: { article: ARTICLE, quote: 'word '.repeat(31) } },
        'body.source.quote',
        /at most 30 words/,
      ],
      [
        { version, status: 'contested', reason: 'x', source: { article: 'no-such-article', quote: 'a quote' } },
        'body.source.article',
        /no article with id/,
      ],
      [{ version, status: 'contested', reason: 'x', statement: 'rewritten' }, 'body.statement', /unknown field/],
      [{ version, set: { status: 'contested' }, status: 'contested', reason: 'x' }, 'body.set', /unknown field/],
    ];
    for (const [body, param, message] of cases) {
      const r = await as(api.app, ed, 'PUT', url(CLAIM), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
      expect(r.body.error.param, JSON.stringify(body)).toBe(param);
      expect(r.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await detail(CLAIM)).toEqual(before);
  });

  it('is refused on a node that is not a claim this app loaded (400), on no node (404), and through the entity edit', async () => {
    const body = { version: 0, status: 'contested', reason: 'x' };
    const entity = await as(api.app, ed, 'PUT', url('mykhailo-podolyak'), body);
    expect(entity.status).toBe(400);
    expect(entity.body.error).toMatchObject({ code: 'BAD_REQUEST', param: 'id' });
    expect(entity.body.error.message).toMatch(/is not a claim this app loaded/);
    expect((await detail('mykhailo-podolyak')).status).toBeUndefined();
    expect((await as(api.app, ed, 'PUT', url('no-such-claim'), body)).status).toBe(404);
    // The entity edit does not reach claims: their status changes here only, with a reason.
    const patch = await as(api.app, ed, 'PATCH', `/api/nodes/${CLAIM}`, { version: 0, set: { statement: 'x' } });
    expect(patch.status).toBe(400);

    // A claim in the graph that this app did not load (no dataset) is never written.
    const { database } = testNeo4j();
    const driver = testDriver();
    try {
      const c = await driver.executeQuery(
        "CREATE (n:Claim {id: 'claim-not-ours', status: 'unanswered'}) RETURN elementId(n) AS id",
        {},
        { database },
      );
      const foreign = await as(api.app, ed, 'PUT', url(c.records[0]!.get('id')), body);
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.message).toMatch(/is not a claim this app loaded/);
      const still = await driver.executeQuery(
        "MATCH (n {id: 'claim-not-ours'}) RETURN properties(n) AS p",
        {},
        { database },
      );
      expect(still.records[0]!.get('p')).toEqual({ id: 'claim-not-ours', status: 'unanswered' });
      await driver.executeQuery("MATCH (n {id: 'claim-not-ours'}) DELETE n", {}, { database });
    } finally {
      await driver.close();
    }
  });
});
