/**
 * A claim about an event nobody has recorded yet, on the real Neo4j: the reviewer names the event in
 * the claim's edit; the batch gains an event candidate with the claim's quote, and the claim points
 * at it. Accepting the claim writes both in one accept (the event with who/when, the article's
 * mention with the quote and offsets, the claim's ABOUT to it); one undo removes both. An empty name,
 * a name the graph or the batch already has for an event (punctuation, dashes and spacing aside), and a `newEvent` sent straight to accept
 * are refused with nothing staged or written; so is an extracted event edited to be created under a graph
 * event's name, and its accept once the graph has that name (bulk accept leaves it). Once the claim is about something else, or rejected,
 * the event it named leaves the batch, unless another claim is about it. Our own text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphEventNamed } from '../../../src/ingest/review/new-event';
import { Staging } from '../../../src/ingest/staging/store';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const TEXT = `Fire at a fuel depot outside Belgorod

Vyacheslav Gladkov said on Telegram that a fire at a fuel depot outside Belgorod was put out overnight and nobody was hurt.
`;
const NAME = 'Fire at the Belgorod fuel depot';
const TWO = `${TEXT}
Andrei Klishas said on Monday that the fire at the depot was started on purpose by people who were never found.
`;
/** An article whose extracted event (a strike near Moscow, placed and dated) bulk accept would take. */
const STRIKE = `Drone strike near Moscow

A drone struck a fuel depot near Moscow on Saturday, Vyacheslav Gladkov said, adding that nobody was hurt.
`;
let r: ReviewApi;
let seeded: string;

async function cypher<T = Record<string, unknown>>(q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await r.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return res.records.map((x) => x.toObject() as T);
}

const edit = (batch: string, candidate: string, decision: unknown) =>
  r.call('PATCH', `/api/ingest/batches/${batch}/candidates/${candidate}`, { decision });

/** Stages the text and returns its batch id and its claim as proposed. */
async function stage(body = TEXT, count = 1): Promise<{ id: string; claim: any; text: string; claims: any[] }> {
  const s = await r.stage('depot.txt', body, { published: '2024-06-02', outlet: 'Example Wire' });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const view = await r.batch(s.body.batch.id);
  const claims = view.candidates.filter((v: any) => v.candidate.kind === 'claim');
  expect(claims).toHaveLength(count);
  expect(view.candidates.filter((v: any) => v.candidate.kind === 'event')).toEqual([]);
  expect(claims[0].decision).toMatchObject({ claimant: 'vyacheslav-gladkov', about: [] });
  return { id: view.id, claim: claims[0], text: view.text, claims };
}

/** A fresh review API and the text staged again: its batch id, its claim and the claim's id. */
async function restage(): Promise<{ id: string; claim: any; c: string }> {
  await r?.close();
  r = await reviewApi();
  const { id, claim } = await stage();
  return { id, claim, c: claim.candidate.id as string };
}

/** Saves the claim's edit naming the new event NAME. */
async function nameNewEvent(id: string, c: string, claim: any): Promise<void> {
  const saved = await edit(id, c, { ...claim.decision, newEvent: { name: NAME, kind: 'fire' } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => {
  await r?.close();
});

describe('a claim about a new event', () => {
  it('stages the event with the claim, writes both in one accept with provenance, and one undo removes both', async () => {
    r = await reviewApi();
    const { id, claim, text } = await stage();
    const c = claim.candidate.id as string;
    const saved = await edit(id, c, { ...claim.decision, newEvent: { name: `  ${NAME} `, kind: 'fire' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const view = saved.body.batch;
    const events = view.candidates.filter((v: any) => v.candidate.kind === 'event');
    expect(events).toHaveLength(1);
    const ev = events[0];
    const v = ev.candidate.id as string;
    expect(ev.candidate).toMatchObject({
      forClaim: c,
      trigger: NAME,
      eventKind: 'fire',
      quote: claim.candidate.quote,
      quoteSpan: claim.candidate.quoteSpan,
      extractor: { name: 'review' },
    });
    expect(ev).toMatchObject({ state: 'edited', decision: { action: 'create', name: NAME, kind: 'fire' } });
    const after = view.candidates.find((x: any) => x.candidate.id === c);
    expect(after).toMatchObject({ state: 'edited', blocked: null, decision: { about: [`cand:${v}`] } });
    expect(after.decision.newEvent).toBeUndefined();
    expect(r.audit('ingest.edit').at(0)?.detail).toMatchObject({ newEvent: { candidate: v, name: NAME } });
    expect(await graphFingerprint()).toBe(seeded); // staging writes nothing to the graph

    // The same name again (another case) is the batch's event: refused, pointing at it.
    const again = await edit(id, c, { ...after.decision, newEvent: { name: NAME.toUpperCase(), kind: 'fire' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ reason: 'EVENT_EXISTS', existing: { ref: `cand:${v}`, name: NAME } });
    expect((await r.batch(id)).candidates.filter((x: any) => x.candidate.kind === 'event')).toHaveLength(1);

    const acc = await r.accept(id, c);
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    expect(acc.body.outcome.accepted.map((a: any) => a.candidate)).toEqual([v, c]);
    const accepted = await r.batch(id);
    expect(accepted.accepts.filter((a: any) => a.state === 'committed')).toHaveLength(1);
    const eventId = accepted.candidates.find((x: any) => x.candidate.id === v).result.entityId as string;

    const [row] = await cypher<{ e: any; labels: string[]; m: any; about: any; claimant: string }>(
      `MATCH (art:Article {id: $article})-[m:MENTIONS]->(e:Event {id: $event})
       MATCH (who)-[:MADE]->(claim:Claim)-[about:ABOUT]->(e)
       RETURN properties(e) AS e, labels(e) AS labels, properties(m) AS m, properties(about) AS about, who.id AS claimant`,
      { article: accepted.articleId, event: eventId },
    );
    expect(row, 'no accepted event with its mention and the claim about it').toBeDefined();
    expect(new Set(row!.labels)).toEqual(new Set(['Entity', 'Event']));
    expect(row!.e).toMatchObject({ name: NAME, kind: 'fire', accepted_by: 'local', extractor: 'review' });
    expect(typeof row!.e.accepted_at).toBe('string');
    const quote = claim.candidate.quote as string;
    expect(row!.m).toMatchObject({ article: accepted.articleId, quote, count: expect.anything() });
    expect(text.slice(Number(row!.m.start), Number(row!.m.end))).toBe(quote);
    expect(row!.about).toMatchObject({ article: accepted.articleId, quote, evidence_quotes: [quote] });
    expect(row!.claimant).toBe('vyacheslav-gladkov');

    await r.undoAll(id);
    expect(await cypher('MATCH (e:Event {id: $id}) RETURN e', { id: eventId })).toEqual([]);
    expect(await graphFingerprint()).toBe(seeded);
    const undone = await r.batch(id);
    // Back to how they were before the accept: both edited, the event still named for the claim.
    expect(undone.candidates.find((x: any) => x.candidate.id === v)).toMatchObject({ state: 'edited' });
    expect(undone.candidates.find((x: any) => x.candidate.id === c)).toMatchObject({ state: 'edited' });
  });

  it('refuses an empty name, a graph event’s name and a new event sent to accept; nothing is staged or written', async () => {
    const { id, claim, c } = await restage();
    const unchanged = async () => {
      const view = await r.batch(id);
      expect(view.candidates.filter((x: any) => x.candidate.kind === 'event')).toEqual([]);
      expect(view.candidates.find((x: any) => x.candidate.id === c).state).toBe('pending');
      expect(view.accepts).toEqual([]);
      expect(await graphFingerprint()).toBe(seeded);
    };

    const empty = await edit(id, c, { ...claim.decision, newEvent: { name: '  ', kind: 'fire' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe(`${c}: newEvent.name: give the new event a name`);
    const marks = await edit(id, c, { ...claim.decision, newEvent: { name: '— … !', kind: 'fire' } });
    expect(marks.status).toBe(400);
    expect(marks.body.error.message).toBe(`${c}: newEvent.name: the new event's name needs a letter or a digit`);
    const noKind = await edit(id, c, { ...claim.decision, newEvent: { name: NAME, kind: '' } });
    expect(noKind.status).toBe(400);
    expect(noKind.body.error.message).toMatch(/newEvent\.kind: say what kind of event it is/);
    const noEvent = await edit(id, c, claim.decision);
    expect(noEvent.status).toBe(400);
    expect(noEvent.body.error.message).toBe(`${c}: about: a claim must be about at least one event`);

    const [seededEvent] = await cypher<{ id: string; name: string }>(
      'MATCH (e:Event) WHERE e.accepted_by IS NULL RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1',
    );
    const taken = await edit(id, c, {
      ...claim.decision,
      newEvent: { name: seededEvent!.name.toLowerCase(), kind: 'x' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      reason: 'EVENT_EXISTS',
      existing: { ref: seededEvent!.id, name: seededEvent!.name },
    });
    expect(taken.body.error.message).toContain(`put ${seededEvent!.id} in About`);

    const direct = await r.accept(id, c, { ...claim.decision, newEvent: { name: NAME, kind: 'fire' } });
    expect(direct.status).toBe(400);
    expect(direct.body.error.message).toMatch(/save the edit that names the new event first/);
    await unchanged();
  });

  it('refuses a graph event’s name or alias that differs only in punctuation, dashes or spacing', async () => {
    const { id, claim, c } = await restage();
    await cypher(
      "CREATE (:Entity:Event {id: 'test-depot-fire', name: 'Kharkiv depot-fire', aliases: ['Fire at Kharkiv’s (S-300) depot'], dataset: 'test-other'})",
    );
    try {
      const taken = await edit(id, c, { ...claim.decision, newEvent: { name: 'Kharkiv, depot  fire.', kind: 'fire' } });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({
        reason: 'EVENT_EXISTS',
        existing: { ref: 'test-depot-fire', name: 'Kharkiv depot-fire' },
      });
      const session = r.api.driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
      try {
        const named = (name: string) => session.executeRead((tx) => graphEventNamed(tx, name));
        for (const name of [
          'KHARKIV DEPOT — FIRE',
          'Kharkiv depot\u2011fire',
          '“Kharkiv depot fire”',
          'Ｋharkiv depot fire',
        ])
          expect(await named(name), name).toEqual({ id: 'test-depot-fire', name: 'Kharkiv depot-fire' });
        for (const name of ["fire at Kharkiv's S 300 depot", 'Fire at Kharkivs S-300 depot.'])
          expect(await named(name), name).toEqual({ id: 'test-depot-fire', name: 'Kharkiv depot-fire' });
        for (const name of [
          'Kharkiv depot fires',
          'Kharkivdepot fire',
          'Kharkiv.* fire',
          "Fire at Kharkiv' s S-300 depot",
        ])
          expect(await named(name), name).toBeNull();
      } finally {
        await session.close();
      }
    } finally {
      await cypher("MATCH (e:Event {id: 'test-depot-fire'}) DELETE e");
    }
    const view = await r.batch(id);
    expect(view.candidates.filter((x: any) => x.candidate.kind === 'event')).toEqual([]);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('refuses the accept, writing nothing, when the graph gained an event of that name since the edit', async () => {
    const { id, claim, c } = await restage();
    await nameNewEvent(id, c, claim);
    await cypher("CREATE (:Entity:Event {id: 'depot-fire-elsewhere', name: $name, dataset: 'test-other'})", {
      name: NAME,
    });
    const withIt = await graphFingerprint();
    try {
      const acc = await r.accept(id, c);
      expect(acc.status).toBe(409);
      expect(acc.body.error.existing).toEqual({ ref: 'depot-fire-elsewhere', name: NAME });
      expect(await graphFingerprint()).toBe(withIt);
      expect((await r.batch(id)).accepts.filter((a: any) => a.state === 'committed')).toEqual([]);
    } finally {
      await cypher("MATCH (e:Event {id: 'depot-fire-elsewhere'}) DELETE e");
    }
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('refuses an extracted event edited to a graph event’s name, and its accept once the graph has it; bulk leaves it', async () => {
    await r?.close();
    r = await reviewApi();
    const s = await r.stage('strike.txt', STRIKE, { published: '2024-06-02', outlet: 'Example Wire' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const ev = (await r.batch(id)).candidates.find((x: any) => x.candidate.kind === 'event');
    expect(ev?.decision).toMatchObject({ action: 'create', place: 'moscow' });
    const v = ev.candidate.id as string;
    const graphEvent = (name: string) =>
      cypher("CREATE (:Entity:Event {id: 'test-depot-strike', name: $name, dataset: 'test-other'})", { name });
    await graphEvent('Moscow depot strike');
    try {
      const taken = await edit(id, v, { ...ev.decision, name: 'Moscow depot-strike.' });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({
        reason: 'EVENT_EXISTS',
        existing: { ref: 'test-depot-strike', name: 'Moscow depot strike' },
      });
      expect(taken.body.error.message).toContain('link it to test-depot-strike instead of creating it');
      expect((await r.batch(id)).candidates.find((x: any) => x.candidate.id === v).state).toBe('pending');
      await cypher("MATCH (e:Event {id: 'test-depot-strike'}) DELETE e");

      // Saved under a free name that the graph gains before the accept (another article's): refused, nothing written.
      const saved = await edit(id, v, { ...ev.decision, name: 'Moscow depot strike' });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      await graphEvent('Moscow depot  strike!');
      const withIt = await graphFingerprint();
      const acc = await r.accept(id, v);
      expect(acc.status).toBe(409);
      expect(acc.body.error.existing).toEqual({ ref: 'test-depot-strike', name: 'Moscow depot  strike!' });
      expect(await graphFingerprint()).toBe(withIt);

      // Bulk accept leaves it, saying why, and takes the rest.
      const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0 });
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
      expect(bulk.body.outcome.left).toEqual([{ candidate: v, message: acc.body.error.message }]);
      expect(bulk.body.outcome.accepted.length).toBeGreaterThan(0);
      expect(bulk.body.outcome.accepted.map((a: any) => a.candidate)).not.toContain(v);
      const after = await r.batch(id);
      expect(after.candidates.find((x: any) => x.candidate.id === v).state).toBe('edited');
      expect(after.accepts.at(-1).candidates).not.toContain(v);
      expect(
        await cypher('MATCH (e:Event) WHERE e.name =~ $p RETURN e.id', { p: '(?i)moscow depot\\W*strike\\W*' }),
      ).toHaveLength(1);
      await r.undoAll(id);
      expect(await graphFingerprint()).toBe(withIt);
    } finally {
      await cypher("MATCH (e:Event {id: 'test-depot-strike'}) DELETE e");
    }
  });

  it('reopens a claim whose only event left with its reject as needing an event: its accept is a 400 until one is given', async () => {
    const { id, claim, c } = await restage();
    await nameNewEvent(id, c, claim);
    expect((await r.call('POST', `/api/ingest/batches/${id}/candidates/${c}/reject`, {})).status).toBe(200);
    expect((await r.call('POST', `/api/ingest/batches/${id}/candidates/${c}/reopen`, {})).status).toBe(200);
    const row = async () => (await r.batch(id)).candidates.find((x: any) => x.candidate.id === c);
    const reopened = await row();
    expect(reopened).toMatchObject({ state: 'edited', decision: { about: [] } });
    expect(reopened.blocked).toMatch(/^this claim needs an event: About is empty/);

    const acc = await r.accept(id, c);
    expect(acc.status).toBe(400);
    expect(acc.body.error).toMatchObject({ code: 'BAD_REQUEST', param: 'body.decision' });
    expect(acc.body.error.message).toBe(`${c}: about: ${reopened.blocked}`);
    expect((await r.batch(id)).accepts).toEqual([]);
    expect(await graphFingerprint()).toBe(seeded);

    // Given an event, it can be accepted.
    const [graphEvent] = await cypher<{ id: string }>(
      'MATCH (e:Event) WHERE e.accepted_by IS NULL RETURN e.id AS id ORDER BY e.id LIMIT 1',
    );
    expect((await edit(id, c, { ...reopened.decision, about: [graphEvent!.id] })).status).toBe(200);
    expect((await row()).blocked).toBeNull();
    const ok = await r.accept(id, c);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('takes the event out once the claim is about another event or rejected, keeping one another claim is about', async () => {
    await r?.close();
    r = await reviewApi();
    const [graphEvent] = await cypher<{ id: string }>(
      'MATCH (e:Event) WHERE e.accepted_by IS NULL RETURN e.id AS id ORDER BY e.id LIMIT 1',
    );
    const events = async (id: string) =>
      (await r.batch(id)).candidates.filter((x: any) => x.candidate.kind === 'event').map((x: any) => x.candidate.id);
    const name = async (id: string, c: string, decision: any) => {
      const saved = await edit(id, c, { ...decision, newEvent: { name: NAME, kind: 'fire' } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      return saved.body.batch.candidates.find((x: any) => x.candidate.id === c).decision;
    };

    // Edited back to a graph event: the event and its decision are gone, the audit says so.
    const { id, claim } = await stage();
    const c = claim.candidate.id as string;
    const named = await name(id, c, claim.decision);
    const [v] = await events(id);
    expect(named.about).toEqual([`cand:${v}`]);
    const back = await edit(id, c, { ...named, about: [graphEvent!.id] });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await events(id)).toEqual([]);
    expect(back.body.batch.candidates.find((x: any) => x.candidate.id === c).decision.about).toEqual([graphEvent!.id]);
    expect(new Staging(r.store).decisions(id).has(v!)).toBe(false);
    expect(r.audit('ingest.edit').at(0)?.detail).toMatchObject({ removedEvents: [v] });

    // Rejected: gone too; reopened, the claim's edit no longer points at it.
    await name(id, c, back.body.batch.candidates.find((x: any) => x.candidate.id === c).decision);
    const [v2] = await events(id);
    expect((await r.call('POST', `/api/ingest/batches/${id}/candidates/${c}/reject`, {})).status).toBe(200);
    expect(await events(id)).toEqual([]);
    expect(new Staging(r.store).decisions(id).has(v2!)).toBe(false);
    expect(r.audit('ingest.reject').at(0)?.detail).toMatchObject({ removedEvents: [v2] });
    expect((await r.call('POST', `/api/ingest/batches/${id}/candidates/${c}/reopen`, {})).status).toBe(200);
    const reopened = (await r.batch(id)).candidates.find((x: any) => x.candidate.id === c);
    expect(reopened.decision.about).not.toContain(`cand:${v2}`);
    expect(await graphFingerprint()).toBe(seeded);

    // Another claim is about it: it stays when its own claim is about something else or rejected.
    const two = await stage(TWO, 2);
    const [a, b] = two.claims.map((x: any) => x.candidate.id as string);
    const aNamed = await name(two.id, a!, two.claims[0].decision);
    const [w] = await events(two.id);
    const other = await edit(two.id, b!, {
      ...two.claims[1].decision,
      claimant: 'andrei-klishas',
      about: [`cand:${w}`],
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect((await edit(two.id, a!, { ...aNamed, about: [graphEvent!.id] })).status).toBe(200);
    expect(await events(two.id)).toEqual([w]);
    expect((await r.call('POST', `/api/ingest/batches/${two.id}/candidates/${a}/reject`, {})).status).toBe(200);
    expect(await events(two.id)).toEqual([w]);
    expect(new Staging(r.store).decisions(two.id).get(w!)?.state).toBe('edited');
  });
});
