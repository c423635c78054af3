/**
 * Accepts racing each other (two tabs, two reviewers, two API processes on one store): a
 * candidate is written to the graph once, the other request is refused with a 409 that says why,
 * and the article is created once. Two articles' accepts creating events of one name (by the
 * event-name key, ids differing) at once write one event: the other is refused EVENT_EXISTS, and a
 * bulk accept leaves its event. So for people (any plain entity) of one name. Our own texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi | undefined;
let seeded: string;

async function count(q: string, params: Record<string, unknown>): Promise<number> {
  const res = await r!.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return Number(res.records[0]!.get('n'));
}

/** Two articles of one strike, each with an extracted event to create. */
const STRIKES = [
  `Drone strike near Moscow

A drone struck a fuel depot near Moscow on Saturday, Vyacheslav Gladkov said, adding that nobody was hurt.
`,
  `Depot fire near Moscow

Vyacheslav Gladkov said that a drone struck a fuel depot near Moscow on Saturday and started a fire there.
`,
];
/** One event-name key, two ids: the modifier-letter apostrophe is dropped by the key, a hyphen to the slug. */
const NAMES = ['Russia\u02BCs drone strike on a Moscow depot', 'Russias drone strike on a Moscow depot'];

/** One name key, two ids (as NAMES): a person new to the graph. */
const PEOPLE = ['Sean O\u02BCHara', 'Sean OHara'];

/**
 * Stages both strike articles and writes each one's article (accepting its first entity): each
 * batch's id, event, and another entity candidate.
 */
async function stageStrikes(api: ReviewApi) {
  const out: { id: string; v: string; decision: any; e: string }[] = [];
  for (const [i, body] of STRIKES.entries()) {
    const s = await api.stage(`strike-${i}.txt`, body, { published: '2024-06-03', outlet: 'Example Wire' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const view = await api.batch(s.body.batch.id);
    const ev = view.candidates.find((x: any) => x.candidate.kind === 'event');
    expect(ev?.decision, `${i}: no event to create`).toMatchObject({ action: 'create' });
    const first = view.candidates.find((x: any) => x.candidate.kind === 'entity' && x.decision?.action === 'link');
    expect((await api.accept(view.id, first.candidate.id)).status).toBe(200);
    const other = view.candidates.find((x: any) => x.candidate.kind === 'entity' && x !== first);
    expect(other, `${i}: no second entity`).toBeDefined();
    out.push({ id: view.id, v: ev.candidate.id, decision: ev.decision, e: other.candidate.id });
  }
  return out;
}

/** A decision creating the person named so. */
const person = (name: string) => ({
  action: 'create',
  label: 'Person',
  name,
  aliases: [],
  description: 'A witness named in a test article.',
});

/** The graph's people of the race's name (any apostrophe). */
const racePeople = () =>
  r!.api.driver
    .executeQuery("MATCH (p:Person) WHERE p.name STARTS WITH 'Sean O' RETURN p.id AS id", {}, { database: 'neo4j' })
    .then((x) => x.records.map((rec) => rec.get('id') as string));

/** The graph's events of the race's name (any apostrophe), with the accepts' ids. */
const raceEvents = () =>
  r!.api.driver
    .executeQuery(
      "MATCH (e:Event) WHERE e.name ENDS WITH 's drone strike on a Moscow depot' RETURN e.id AS id",
      {},
      {
        database: 'neo4j',
      },
    )
    .then((x) => x.records.map((rec) => rec.get('id') as string));

async function stageWire(api: ReviewApi): Promise<string> {
  const s = await api.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return s.body.batch.id as string;
}

beforeAll(async () => {
  seeded = await seededFingerprint();
});
// A failed test must not leave its accepts to the next one (or to other files).
afterEach(async () => {
  await reseedIfChanged(seeded);
  await r?.close();
  r = undefined;
});

describe('concurrent accepts', () => {
  it('write a candidate once; the other request gets a 409', async () => {
    r = await reviewApi();
    const id = await stageWire(r);
    expect((await r.accept(id, 'e4')).status).toBe(200); // the article exists: the races below only link
    const article = (await r.batch(id)).articleId as string;
    for (const c of ['e1', 'e5', 'e9', 'e11']) {
      const both = await Promise.all([r.accept(id, c), r.accept(id, c)]);
      expect(both.map((x) => x.status).sort(), `${c}: ${JSON.stringify(both.map((x) => x.body.error))}`).toEqual([
        200, 409,
      ]);
      expect(both.find((x) => x.status === 409)!.body.error.message).toMatch(/is accepted already/);
    }
    const mentions =
      'MATCH (:Article {id: $a})-[m:MENTIONS]->(e) WITH e, count(m) AS k WHERE k > 1 RETURN count(e) AS n';
    expect(await count(mentions, { a: article })).toBe(0);
    const view = await r.batch(id);
    expect(view.accepts.filter((a: any) => a.state === 'committed')).toHaveLength(5);
    expect(r.audit('ingest.accept').filter((e: any) => e.target === `${id}/e1`)).toHaveLength(1);
    await r!.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('of two first accepts of an article, the article is created once and no request fails with a 4xx other than 409', async () => {
    r = await reviewApi();
    const id = await stageWire(r);
    const both = await Promise.all([r.accept(id, 'e4'), r.accept(id, 'e1')]);
    for (const x of both) expect([200, 409], JSON.stringify(x.body)).toContain(x.status);
    expect(both.some((x) => x.status === 200)).toBe(true);
    const lost = both.find((x) => x.status === 409);
    if (lost) expect(lost.body.error.message).toMatch(/at the same moment; reload the batch/);
    const sha = (await r.batch(id)).article.sha256 as string;
    expect(await count('MATCH (a:Article {sha256: $sha}) RETURN count(a) AS n', { sha })).toBe(1);
    await r!.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('of two articles’ accepts creating events of one name at once, one writes it and the other is refused EVENT_EXISTS', async () => {
    r = await reviewApi();
    const [a, b] = await stageStrikes(r);
    const before = await graphFingerprint();
    // Each side first in turn; without the lock, each round writes both events.
    for (const round of [0, 1]) {
      const sides = round % 2 ? [b!, a!] : [a!, b!];
      const both = await Promise.all(sides.map((x, i) => r!.accept(x.id, x.v, { ...x.decision, name: NAMES[i] })));
      expect(both.map((x) => x.status).sort(), JSON.stringify(both.map((x) => x.body.error))).toEqual([200, 409]);
      const events = await raceEvents();
      expect(events).toHaveLength(1);
      const won = both.findIndex((x) => x.status === 200);
      const lost = both[1 - won]!.body.error;
      expect(lost).toMatchObject({ reason: 'EVENT_EXISTS', existing: { ref: events[0], name: NAMES[won] } });
      expect(lost.message).toContain(`link it to ${events[0]} instead of creating it`);
      const loser = await r.batch(sides[1 - won]!.id);
      expect(loser.candidates.find((x: any) => x.candidate.id === sides[1 - won]!.v).state).toBe('pending');
      const u = await r.call('POST', `/api/ingest/accepts/${both[won]!.body.outcome.acceptId}/undo`);
      expect(u.status, JSON.stringify(u.body)).toBe(200);
      expect(await graphFingerprint()).toBe(before);
    }
    // A bulk accept racing one: it takes the rest and leaves its event, or its event is the one written.
    await r.call('PATCH', `/api/ingest/batches/${b!.id}/candidates/${b!.v}`, {
      decision: { ...b!.decision, name: NAMES[1] },
    });
    const [one, bulk] = await Promise.all([
      r.accept(a!.id, a!.v, { ...a!.decision, name: NAMES[0] }),
      r.call('POST', `/api/ingest/batches/${b!.id}/accept`, { minConfidence: 0 }),
    ]);
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    const events = await raceEvents();
    expect(events).toHaveLength(1);
    if (one.status === 200) {
      expect(bulk.body.outcome.left).toContainEqual({ candidate: b!.v, message: expect.stringContaining(events[0]!) });
      expect(bulk.body.outcome.accepted.length).toBeGreaterThan(0);
    } else {
      expect(one.status).toBe(409);
      expect(one.body.error).toMatchObject({ reason: 'EVENT_EXISTS', existing: { ref: events[0], name: NAMES[1] } });
      expect(bulk.body.outcome.accepted.map((x: any) => x.candidate)).toContain(b!.v);
    }
    await r.undoAll(b!.id); // the later article first: it uses the outlet the first one created
    await r.undoAll(a!.id);
    expect(await graphFingerprint()).toBe(seeded);
    await expectNoLockKeys();
  });

  it('of two articles’ accepts creating people of one name at once, one writes it and the other is refused ENTITY_EXISTS', async () => {
    r = await reviewApi();
    const [a, b] = await stageStrikes(r);
    const before = await graphFingerprint();
    // Each side first in turn; without the lock and the check in the transaction, each round writes both.
    for (const round of [0, 1]) {
      const sides = round % 2 ? [b!, a!] : [a!, b!];
      const both = await Promise.all(sides.map((x, i) => r!.accept(x.id, x.e, person(PEOPLE[i]!))));
      expect(both.map((x) => x.status).sort(), JSON.stringify(both.map((x) => x.body.error))).toEqual([200, 409]);
      const people = await racePeople();
      expect(people).toHaveLength(1);
      const won = both.findIndex((x) => x.status === 200);
      const lost = both[1 - won]!.body.error;
      expect(lost).toMatchObject({ reason: 'ENTITY_EXISTS', existing: { ref: people[0], name: PEOPLE[won] } });
      expect(lost.message).toContain(`link it to ${people[0]} instead of creating it`);
      const loser = await r.batch(sides[1 - won]!.id);
      expect(loser.candidates.find((x: any) => x.candidate.id === sides[1 - won]!.e).state).toBe('pending');
      const u = await r.call('POST', `/api/ingest/accepts/${both[won]!.body.outcome.acceptId}/undo`);
      expect(u.status, JSON.stringify(u.body)).toBe(200);
      expect(await graphFingerprint()).toBe(before);
    }
    await r.undoAll(b!.id);
    await r.undoAll(a!.id);
    expect(await graphFingerprint()).toBe(seeded);
    await expectNoLockKeys();
  });
});

/** The locks leave nothing behind, not even a property name in the database's list of keys. */
async function expectNoLockKeys() {
  const keys = await r!.api.driver.executeQuery('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey AS k');
  expect(keys.records.map((x) => x.get('k') as string).filter((k) => k.startsWith('newsgraph_'))).toEqual([]);
}
