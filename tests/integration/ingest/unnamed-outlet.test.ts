/**
 * Corroboration on the real Neo4j: an article whose outlet is unknown (a placeholder organization,
 * or none recorded) is counted as unnamed, never as one more outlet — by the seed loader and by
 * ingest's accepts alike, and undo puts the counts back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outletsOf } from '../../../src/ingest/review/values';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const TEXT = `Kremlin plays down border drone raid

Kremlin spokesman Dmitry Peskov said on Monday that air defences had stopped every drone over the border.`;

const UNNAMED = 'unidentified-2024-05-russia-unintentionally-dropped-bombs';
const COUNTS = 'RETURN r.sources AS sources, r.outlets AS outlets, r.unnamed_outlets AS unnamed';
const SPOKESPERSON = `MATCH (:Person {id: 'dmitry-peskov'})-[r:SPOKESPERSON_FOR]->(:Organization {id: 'kremlin'}) ${COUNTS}`;

let r: ReviewApi;
let seeded: string;
beforeAll(async () => {
  seeded = await seededFingerprint();
  r = await reviewApi();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => r?.close());

async function cypher<T = Record<string, unknown>>(q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await r.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return res.records.map((x) => x.toObject() as T);
}

describe('articles of unknown outlet', () => {
  it('the seed loader counts its placeholder outlet as unnamed', async () => {
    // Zelensky leads Ukraine by four articles: three named outlets and the one with a placeholder.
    const rows = await cypher(
      `MATCH (:Person {id: 'volodymyr-zelensky'})-[r:LEADS]->(:Place {id: 'ukraine'}) ${COUNTS}`,
    );
    expect(rows).toEqual([{ sources: 4, outlets: 3, unnamed: 1 }]);
  });

  it('an ingested article published by a placeholder adds a source and an unnamed outlet, not an outlet', async () => {
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 2, outlets: 2, unnamed: 0 }]);
    // A graph's stand-in for publishers nobody named, as the seed has one; the reviewer gives it as the outlet.
    await cypher(
      `CREATE (:Entity:Organization {id: 'unknown-publisher', name: 'Unknown publisher', aliases: [],
         description: 'Stands in for a publisher the text does not name.', kind: 'news-outlet',
         placeholder: true, dataset: 'belgorod'})`,
    );
    const s = await r.stage('drones.txt', TEXT, { outlet: 'Unknown publisher', published: '2024-03-11' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const rel = (await r.batch(id)).candidates.find((c: any) => c.candidate.type === 'SPOKESPERSON_FOR');
    expect(rel?.decision).toMatchObject({ from: 'dmitry-peskov', to: 'kremlin' });
    const a = await r.accept(id, rel.candidate.id);
    expect(a.status, JSON.stringify(a.body)).toBe(200);

    const articleId = (await r.batch(id)).articleId as string;
    const [pub] = await cypher<{ o: string; sources: number; outlets: number; unnamed: number }>(
      `MATCH (:Article {id: $articleId})-[r:PUBLISHED_BY]->(o) RETURN o.id AS o, ${COUNTS.slice(7)}`,
      { articleId },
    );
    expect(pub).toEqual({ o: 'unknown-publisher', sources: 1, outlets: 0, unnamed: 1 });
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 3, outlets: 2, unnamed: 1 }]);

    await r.undoAll(id);
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 2, outlets: 2, unnamed: 0 }]);
    await cypher("MATCH (o:Organization {id: 'unknown-publisher'}) DETACH DELETE o");
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('"outlet unknown" in the review publishes the article by a placeholder of its own, counted as unnamed', async () => {
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 2, outlets: 2, unnamed: 0 }]);
    const s = await r.stage('drones-unknown.txt', `${TEXT}\n\nThe statement came late in the day.`, {
      published: '2024-03-11',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    expect((await r.batch(id)).missing).toContain('outlet');
    // Not both: an outlet and "unknown" contradict each other.
    const both = await r.call('PATCH', `/api/ingest/batches/${id}`, { outlet: 'Kyiv Daily', outletUnknown: true });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toMatch(/outletUnknown/);
    const u = await r.call('PATCH', `/api/ingest/batches/${id}`, { outletUnknown: true });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.batch.article).toMatchObject({ outletUnknown: true });
    expect(u.body.batch.article.outlet).toBeUndefined();
    expect((await r.batch(id)).missing).not.toContain('outlet');

    const rel = (await r.batch(id)).candidates.find((c: any) => c.candidate.type === 'SPOKESPERSON_FOR');
    const a = await r.accept(id, rel.candidate.id);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const articleId = (await r.batch(id)).articleId as string;
    const [pub] = await cypher<Record<string, unknown>>(
      `MATCH (x:Article {id: $articleId})-[r:PUBLISHED_BY]->(o:Organization)
       RETURN o.placeholder AS placeholder, x.outlet_id = o.id AS linked, x.outlet_inferred AS inferred,
              r.inferred AS relInferred, ${COUNTS.slice(7)}`,
      { articleId },
    );
    expect(pub).toEqual({
      placeholder: true,
      linked: true,
      inferred: true,
      relInferred: true,
      sources: 1,
      outlets: 0,
      unnamed: 1,
    });
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 3, outlets: 2, unnamed: 1 }]);

    // Undone, the placeholder goes with the article: the graph is the seed's again.
    await r.undoAll(id);
    expect(await cypher(SPOKESPERSON)).toEqual([{ sources: 2, outlets: 2, unnamed: 0 }]);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('an outlet given after "outlet unknown" replaces it', async () => {
    const s = await r.stage('drones-later.txt', `${TEXT}\n\nNo damage was reported.`, { published: '2024-03-11' });
    const id = s.body.batch.id as string;
    await r.call('PATCH', `/api/ingest/batches/${id}`, { outletUnknown: true });
    const o = await r.call('PATCH', `/api/ingest/batches/${id}`, { outlet: 'Kyiv Daily' });
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    expect(o.body.batch.article).toMatchObject({ outlet: 'Kyiv Daily' });
    expect(o.body.batch.article.outletUnknown).toBeUndefined();
  });

  it("ingest reads an article's outlet as unknown when it is a placeholder, missing, or the article is", async () => {
    const session = r.api.driver.session({ database: 'neo4j' });
    const tx = await session.beginTransaction();
    try {
      await tx.run("CREATE (:Article {id: 'no-outlet-article', title: 'No outlet'})");
      const got = await outletsOf(tx, [
        'wsj-2023-04-21-russia-mistakenly-bombs-own-city',
        UNNAMED,
        'no-outlet-article',
        'nowhere',
      ]);
      expect(Object.fromEntries(got)).toEqual({
        'wsj-2023-04-21-russia-mistakenly-bombs-own-city': 'wall-street-journal',
        [UNNAMED]: null,
        'no-outlet-article': null,
        nowhere: null,
      });
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
