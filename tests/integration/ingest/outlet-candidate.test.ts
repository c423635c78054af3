/**
 * The outlet a byline or credit line names is also found as a name in the text. That candidate is
 * the article's outlet: proposed as "same as" the outlet organization (linked to it when the graph
 * has it, else to the one the article's first accept creates), never a second node for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const text = (outlet: string) => `Substation repaired in Shebekino

By Ivan Petrov, ${outlet}

Crews repaired the Shebekino substation on Monday, ${outlet} reported. Mayor Olga Lesnaya said power was back.`;

let r: ReviewApi;
let seeded: string;
beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => r?.close());

async function cypher<T = Record<string, unknown>>(q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await r.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return res.records.map((x) => x.toObject() as T);
}

/** Stages the text with this outlet (a fresh store each time) and returns the batch and the outlet's row. */
async function stage(outlet: string) {
  await r?.close();
  r = await reviewApi();
  const s = await r.stage('substation.txt', text(outlet), { outlet, published: '2024-03-11' });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const id = s.body.batch.id as string;
  const view = await r.batch(id);
  const row = view.candidates.find((c: any) => c.candidate.kind === 'entity' && c.candidate.text === outlet);
  expect(row, `no candidate for ${outlet}`).toBeDefined();
  const person = view.candidates.find((c: any) => c.candidate.text === 'Olga Lesnaya');
  return { id, row, person };
}

const organizationsNamed = (name: string) =>
  cypher<{ id: string }>('MATCH (o:Organization) WHERE toLower(o.name) = toLower($name) RETURN o.id AS id', {
    name,
  });

describe("the outlet's own candidate", () => {
  it("is proposed as the article's outlet; accepted after the article exists, it is that organization", async () => {
    const { id, row, person } = await stage('Harbour Wire');
    expect(row.decision).toEqual({ action: 'outlet' });
    expect(row.blocked).toBeNull();
    expect((await r.accept(id, person.candidate.id)).status).toBe(200);
    const accepted = await r.accept(id, row.candidate.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    const orgs = await organizationsNamed('Harbour Wire');
    expect(orgs).toHaveLength(1);
    const articleId = (await r.batch(id)).articleId as string;
    const [art] = await cypher<{ outlet: string; mentions: string[] }>(
      `MATCH (a:Article {id: $a})-[:PUBLISHED_BY]->(o) OPTIONAL MATCH (a)-[m:MENTIONS]->(o)
       RETURN o.id AS outlet, collect(m.quote) AS mentions`,
      { a: articleId },
    );
    expect(art).toEqual({ outlet: orgs[0]!.id, mentions: ['Harbour Wire'] });
    expect(accepted.body.outcome.accepted[0].result).toEqual({ entityId: orgs[0]!.id });
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('accepted first, it is the outlet the accept creates; a new organization of its name is refused', async () => {
    const { id, row } = await stage('Harbour Wire');
    const create = {
      action: 'create',
      label: 'Organization',
      name: 'harbour wire',
      aliases: [],
      description: 'A news agency named in the article.',
    };
    const refused = await r.accept(id, row.candidate.id, create);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toMatch(/the article's outlet/);
    expect(await graphFingerprint()).toBe(seeded);

    const accepted = await r.accept(id, row.candidate.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const orgs = await organizationsNamed('Harbour Wire');
    expect(orgs).toHaveLength(1);
    expect(accepted.body.outcome.accepted[0].result).toEqual({ entityId: orgs[0]!.id });
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('an outlet the graph has is proposed as a link to it', async () => {
    const { id, row } = await stage('Reuters');
    expect(row.decision).toEqual({ action: 'link', entityId: 'reuters' });
    const accepted = await r.accept(id, row.candidate.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await organizationsNamed('Reuters')).toEqual([{ id: 'reuters' }]);
    const articleId = (await r.batch(id)).articleId as string;
    const pub = await cypher('MATCH (:Article {id: $a})-[:PUBLISHED_BY]->(o) RETURN o.id AS id', { a: articleId });
    expect(pub).toEqual([{ id: 'reuters' }]);
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });
});
