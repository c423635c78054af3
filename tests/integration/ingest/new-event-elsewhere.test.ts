/**
 * A claim's new event whose name another article's review already gave a new event, not accepted
 * yet, on the real Neo4j: refused, 409 EVENT_EXISTS naming that staged event, its batch and its
 * article (no reference to put in About: it has no id yet), with nothing staged; so is an extracted
 * event another article's reviewer edits to be created under that name, and one edited to the name
 * another event of its own article goes by (pointing at that one). Accepted, the same
 * name is the graph's event; undone, it is staged again; once its claim is rejected (the event
 * leaves that batch) the name is free. Our own texts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIRST = `Tram depot fire in Kharkiv

Vyacheslav Gladkov said on Telegram that a fire at a tram depot in Kharkiv had been seen from the border overnight.
`;
const SECOND = `Smoke over Kharkiv

Vyacheslav Gladkov said on Monday that the smoke over Kharkiv came from a burning tram depot and from nowhere else.
`;
const THIRD = `Strike near Moscow

A drone struck a fuel depot near Moscow on Saturday, Vyacheslav Gladkov said. A second drone struck another depot near Moscow on Sunday.
`;
const NAME = 'Kharkiv tram depot fire';
let r: ReviewApi;
let seeded: string;

beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => {
  await r?.close();
});

const edit = (batch: string, candidate: string, decision: unknown) =>
  r.call('PATCH', `/api/ingest/batches/${batch}/candidates/${candidate}`, { decision });

/** Stages a text: its batch id, title and its one claim as proposed. */
async function stage(file: string, body: string) {
  const s = await r.stage(file, body, { published: '2024-06-03', outlet: 'Example Wire' });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const view = await r.batch(s.body.batch.id);
  const claims = view.candidates.filter((v: any) => v.candidate.kind === 'claim');
  expect(claims).toHaveLength(1);
  return { id: view.id as string, c: claims[0].candidate.id as string, decision: claims[0].decision };
}

const events = async (id: string) =>
  (await r.batch(id)).candidates.filter((x: any) => x.candidate.kind === 'event').map((x: any) => x.candidate.id);

describe("a new event named in another article's review", () => {
  it('is refused while staged there, is the graph’s once accepted, and is free once that claim is rejected', async () => {
    r = await reviewApi();
    const a = await stage('tram-a.txt', FIRST);
    const b = await stage('tram-b.txt', SECOND);
    const named = await edit(a.id, a.c, { ...a.decision, newEvent: { name: NAME, kind: 'fire' } });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    const [v] = await events(a.id);
    expect(v).toBeDefined();

    const variant = { ...b.decision, newEvent: { name: 'Kharkiv tram-depot  fire.', kind: 'fire' } };
    const refused = await edit(b.id, b.c, variant);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      reason: 'EVENT_EXISTS',
      existing: { name: NAME, staged: { batch: a.id, candidate: v, article: 'Tram depot fire in Kharkiv' } },
    });
    expect(refused.body.error.existing.ref).toBeUndefined();
    expect(refused.body.error.message).toContain(`"Tram depot fire in Kharkiv" (${a.id}, ${v})`);
    expect(refused.body.error.message).toContain('accept it there first');
    expect(await events(b.id)).toEqual([]);
    expect((await r.batch(b.id)).candidates.find((x: any) => x.candidate.id === b.c).state).toBe('pending');
    // So is an extracted event of a third article edited to be created under that name.
    const s3 = await r.stage('tram-c.txt', THIRD, { published: '2024-06-03', outlet: 'Example Wire' });
    expect(s3.status, JSON.stringify(s3.body)).toBe(200);
    const ev = (await r.batch(s3.body.batch.id)).candidates.find((x: any) => x.candidate.kind === 'event');
    expect(ev?.decision).toMatchObject({ action: 'create' });
    const evEdit = await edit(s3.body.batch.id, ev.candidate.id, { ...ev.decision, name: 'Kharkiv tram depot — fire' });
    expect(evEdit.status).toBe(409);
    expect(evEdit.body.error).toMatchObject({
      reason: 'EVENT_EXISTS',
      existing: { staged: { batch: a.id, candidate: v } },
    });
    expect(evEdit.body.error.message).toContain('then link this one to its id');
    // Its other event edited to the first one's name: refused, pointing at that one.
    const [ev1, ev2] = (await r.batch(s3.body.batch.id)).candidates.filter((x: any) => x.candidate.kind === 'event');
    expect(ev1.candidate.id).toBe(ev.candidate.id);
    const twice = await edit(s3.body.batch.id, ev2.candidate.id, { ...ev2.decision, name: `${ev1.decision.name}.` });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      reason: 'EVENT_EXISTS',
      existing: { ref: `cand:${ev1.candidate.id}`, name: ev1.decision.name },
    });
    expect(twice.body.error.message).toContain(`reject this one and make its claims about cand:${ev1.candidate.id}`);
    expect(
      (await r.batch(s3.body.batch.id)).candidates.find((x: any) => x.candidate.id === ev2.candidate.id).state,
    ).toBe('pending');

    // Accepted there: the graph's event, to put in About.
    const acc = await r.accept(a.id, a.c);
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const eventId = (await r.batch(a.id)).candidates.find((x: any) => x.candidate.id === v).result.entityId;
    const inGraph = await edit(b.id, b.c, variant);
    expect(inGraph.status).toBe(409);
    expect(inGraph.body.error.existing).toEqual({ ref: eventId, name: NAME });

    // Undone: staged there again.
    await r.undoAll(a.id);
    expect(await graphFingerprint()).toBe(seeded);
    const again = await edit(b.id, b.c, variant);
    expect(again.status).toBe(409);
    expect(again.body.error.existing.staged).toMatchObject({ batch: a.id, candidate: v });

    // Its claim rejected there, the event left that batch: the name is free.
    expect((await r.call('POST', `/api/ingest/batches/${a.id}/candidates/${a.c}/reject`, {})).status).toBe(200);
    expect(await events(a.id)).toEqual([]);
    const free = await edit(b.id, b.c, variant);
    expect(free.status, JSON.stringify(free.body)).toBe(200);
    expect(await events(b.id)).toHaveLength(1);
    // And now the first article's claim cannot name it again while the second stages it.
    const back = await edit(a.id, a.c, { ...a.decision, newEvent: { name: NAME, kind: 'fire' } });
    expect(back.status).toBe(409);
    expect(back.body.error.existing.staged).toMatchObject({ batch: b.id, article: 'Smoke over Kharkiv' });
    expect(await graphFingerprint()).toBe(seeded);
  });
});
