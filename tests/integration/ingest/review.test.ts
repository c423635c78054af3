/**
 * The review on the real Neo4j: accepting writes the seed data's shapes plus who/when/which
 * extractor, in one transaction per accept; undo removes exactly what an accept added and
 * restores what it changed (fingerprint); a failure in the middle of an accept leaves the graph
 * as it was; every write is audited with the article quote behind it. An event proposed under the
 * name an earlier one of its article goes by is flagged, and bulk accept leaves it, saying why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROVENANCE_KEYS } from '../../../src/ingest/review/values';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
const STAMP = ['accepted_by', 'accepted_at', 'extractor', 'extractor_version'];
let r: ReviewApi;
let seeded: string;

async function cypher<T = Record<string, unknown>>(q: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const res = await r.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return res.records.map((x) => x.toObject() as T);
}

/** Stages the wire report afresh (a new in-memory store per call keeps batches apart). */
async function stageWire(): Promise<{ id: string; text: string; view: any }> {
  const s = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const view = await r.batch(s.body.batch.id);
  return { id: s.body.batch.id, text: readFileSync(join(r.textDir, view.article.file), 'utf8'), view };
}

beforeAll(async () => {
  seeded = await seededFingerprint();
});
// A failed test must not leave its accepts to the next one (or to other files).
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => {
  await r?.close();
});

describe('accepting a reviewed article', () => {
  it('writes the seed shapes with provenance, one accept at a time; undo restores the graph exactly', async () => {
    r = await reviewApi();
    const { id, text } = await stageWire();
    expect(await graphFingerprint()).toBe(seeded); // staging writes nothing to the graph

    // Bulk: the unique exact aliases (Kursk region, TASS, Ukraine of "Ukraine's Defence Ministry", Kremlin,
    // Moscow), in ONE accept.
    const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0.9 });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect(bulk.body.outcome.accepted.map((a: any) => a.candidate).sort()).toEqual(['e1', 'e11', 'e5', 'e7', 'e9']);
    for (const c of ['e4', 'r1', 'e12', 'v1', 'c1', 'c2']) {
      const a = await r.accept(id, c);
      expect(a.status, `${c}: ${JSON.stringify(a.body)}`).toBe(200);
    }
    const view = await r.batch(id);
    expect(view.accepts.filter((a: any) => a.state === 'committed')).toHaveLength(7);
    const articleId = view.articleId as string;

    // The article: the seed's Article shape, its text's sha256 and length, who accepted it.
    const [art] = await cypher<{ keys: string[]; a: any; published: string }>(
      'MATCH (a:Article {id: $id}) RETURN keys(a) AS keys, properties(a) AS a, valueType(a.published) AS published',
      { id: articleId },
    );
    const [seedArt] = await cypher<{ keys: string[] }>(
      "MATCH (a:Article {id: 'wsj-2023-04-21-russia-mistakenly-bombs-own-city'}) RETURN keys(a) AS keys",
    );
    for (const k of ['id', 'file', 'title', 'outlet', 'outlet_id', 'outlet_inferred', 'authors', 'author_ids'])
      expect(seedArt!.keys).toContain(k);
    expect(art!.keys).toEqual(
      expect.arrayContaining([...seedArt!.keys.filter((k) => !/_basis$|^contributors$/.test(k)), ...STAMP]),
    );
    expect(art!.a).toMatchObject({ sha256: view.article.sha256, length: text.length, accepted_by: 'local' });
    expect(art!.published).toMatch(/^DATE/);

    // Its outlet: PUBLISHED_BY as the seed has it for every article, the byline line its evidence.
    const [pub] = await cypher<{ r: any; outlet: string; types: string[]; seedTypes: string[] }>(
      `MATCH (:Article {id: $id})-[r:PUBLISHED_BY]->(o:Organization)
       MATCH ()-[s:PUBLISHED_BY]->() WHERE s.accepted_by IS NULL WITH r, o, s LIMIT 1
       RETURN properties(r) AS r, o.id AS outlet,
              [valueType(r.start), valueType(r.evidence_starts), valueType(r.sources)] AS types,
              [valueType(s.start), valueType(s.evidence_starts), valueType(s.sources)] AS seedTypes`,
      { id: articleId },
    );
    expect(pub, 'no PUBLISHED_BY from the accepted article').toBeDefined();
    expect(pub!.outlet).toBe(art!.a.outlet_id);
    for (const k of ['inferred', ...PROVENANCE_KEYS, ...STAMP]) expect(Object.keys(pub!.r)).toContain(k);
    expect(pub!.r).toMatchObject({
      inferred: false,
      quote: 'By Example Wire staff',
      evidence_articles: [articleId],
      accepted_by: 'local',
    });
    expect(text.slice(pub!.r.start, pub!.r.end)).toBe(pub!.r.quote);
    expect(pub!.types).toEqual(pub!.seedTypes);

    // A new person: :Entity:Person, with provenance; MENTIONS with exactly the seed's keys.
    const [veresov] = await cypher<{ labels: string[]; p: any; mkeys: string[]; m: any }>(
      `MATCH (a:Article {id: $a})-[m:MENTIONS]->(p:Person {name: 'Anton Veresov'})
       RETURN labels(p) AS labels, properties(p) AS p, keys(m) AS mkeys, properties(m) AS m`,
      { a: articleId },
    );
    expect(new Set(veresov!.labels)).toEqual(new Set(['Entity', 'Person']));
    expect(veresov!.p).toMatchObject({
      aliases: ['Anton Veresov', 'Veresov'],
      accepted_by: 'local',
      extractor: 'js',
      dataset: 'belgorod',
    });
    const [seedMention] = await cypher<{ keys: string[] }>(
      'MATCH ()-[m:MENTIONS]->() WHERE m.accepted_by IS NULL RETURN keys(m) AS keys LIMIT 1',
    );
    expect([...veresov!.mkeys].sort()).toEqual([...seedMention!.keys].sort());
    expect(veresov!.m).toMatchObject({ count: 2, quote: 'Anton Veresov' });
    expect(text.slice(veresov!.m.start, veresov!.m.end)).toBe('Anton Veresov');

    // GOVERNOR_OF: the seed's provenance lists, the quote an exact slice of ≤ 30 words, same value types.
    const [gov] = await cypher<{ r: any; types: string[]; seedTypes: string[] }>(
      `MATCH (:Person {name: 'Anton Veresov'})-[r:GOVERNOR_OF]->(:Place {id: 'kursk-region'})
       MATCH ()-[s:GOVERNOR_OF]->() WHERE s.accepted_by IS NULL WITH r, s LIMIT 1
       RETURN properties(r) AS r, [valueType(r.start), valueType(r.evidence_starts), valueType(r.sources)] AS types,
              [valueType(s.start), valueType(s.evidence_starts), valueType(s.sources)] AS seedTypes`,
    );
    for (const k of [...PROVENANCE_KEYS, ...STAMP]) expect(Object.keys(gov!.r)).toContain(k);
    expect(gov!.types).toEqual(gov!.seedTypes);
    expect(gov!.r.evidence_articles).toEqual([articleId]);
    expect(text.slice(gov!.r.start, gov!.r.end)).toBe(gov!.r.quote);
    expect(gov!.r.quote.split(/\s+/).length).toBeLessThanOrEqual(30);

    // The event and the claims: Claim nodes with MADE/REPORTS/ABOUT, the relay kept as `via`.
    const claims = await cypher<{ c: any; claimant: string; about: string[]; reported: string }>(
      `MATCH (a:Article {id: $a})-[:REPORTS]->(c:Claim)<-[:MADE]-(who)
       MATCH (c)-[:ABOUT]->(e:Event)-[:OCCURRED_IN]->(:Place {id: 'kursk-region'})
       RETURN properties(c) AS c, who.name AS claimant, collect(e.kind) AS about, a.id AS reported ORDER BY c.start`,
      { a: articleId },
    );
    expect(claims.map((c) => c.claimant)).toEqual(['Anton Veresov', 'Anton Veresov']);
    expect(claims[0]!.about).toEqual(['interception']);
    expect(claims[1]!.c).toMatchObject({ via: 'tass', status: 'uncontested', accepted_by: 'local' });
    for (const c of claims) {
      expect(text.slice(c.c.start, c.c.end)).toBe(c.c.quote);
      expect(c.c.evidence_quotes).toEqual([c.c.quote]);
    }
    const [kh] = await cypher<{ n: number }>(
      "MATCH (:Event)-[u:USED_WEAPON]->(:Weapon {name: 'Kh-59'}) RETURN count(u) AS n",
    );
    expect(Number(kh!.n)).toBe(1);

    // Undo everything, newest first: the graph is exactly the seeded one again.
    await r.undoAll(id);
    expect(await cypher('MATCH (:Article {id: $id})-[r:PUBLISHED_BY]->() RETURN r', { id: articleId })).toEqual([]);
    expect(await graphFingerprint()).toBe(seeded);
    const after = await r.batch(id);
    expect(after.articleId).toBeNull();
    expect(after.counts.accepted).toBe(0);
  });

  it('merging into an existing entity adds its new spelling and evidence to existing facts; undo restores both', async () => {
    await r.close();
    r = await reviewApi();
    const { id, text } = await stageWire();
    // A deliberately wrong merge (Ivan Sorokin into Dmitry Peskov) changes seeded data: aliases and
    // the seeded SPOKESPERSON_FOR's evidence lists.
    const [was] = await cypher<{ sources: number }>(
      "MATCH (:Person {id: 'dmitry-peskov'})-[r:SPOKESPERSON_FOR]->(:Organization {id: 'kremlin'}) RETURN r.sources AS sources",
    );
    const m = await r.call('POST', `/api/ingest/batches/${id}/candidates/e10/merge`, { into: 'dmitry-peskov' });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect((await r.accept(id, 'e9')).status).toBe(200);
    const rel = await r.accept(id, 'r2');
    expect(rel.status, JSON.stringify(rel.body)).toBe(200);
    expect(rel.body.outcome).toMatchObject({ created: 0, changed: 1 });
    const [p] = await cypher<{ aliases: string[]; ev: string[]; sources: number }>(
      `MATCH (p:Person {id: 'dmitry-peskov'})-[r:SPOKESPERSON_FOR]->(:Organization {id: 'kremlin'})
       RETURN p.aliases AS aliases, r.evidence_quotes AS ev, r.sources AS sources`,
    );
    expect(p!.aliases).toContain('Ivan Sorokin');
    expect(p!.ev.at(-1)).toBe('Kremlin spokesman Ivan Sorokin');
    expect(text.includes(p!.ev.at(-1)!)).toBe(true);
    expect(p!.sources).toBe(was!.sources + 1);
    // A person's merge is remembered: the judgement "same" for the form.
    expect(r.audit('ingest.judge').map((e: any) => e.after.verdict)).toContain('same');

    // The accept that created the article cannot be undone while later ones depend on it.
    const first = (await r.batch(id)).accepts[0];
    const refused = await r.call('POST', `/api/ingest/accepts/${first.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/came later; undo them first/);

    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it("links the article to its outlet: the byline's agency, or one the text does not name (inferred, with its basis)", async () => {
    await r.close();
    r = await reviewApi();
    const body = 'A drone hit an electricity substation in Belgorod on Monday, officials said.';
    const pubOf = async (content: string, meta: Record<string, string>) => {
      const s = await r.stage('outlet.txt', content, { published: '2024-03-11', ...meta });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
      const id = s.body.batch.id as string;
      const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0.9 });
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
      const articleId = (await r.batch(id)).articleId as string;
      const rows = await cypher<{ r: any; outlet: string }>(
        'MATCH (:Article {id: $a})-[r:PUBLISHED_BY]->(o:Organization) RETURN properties(r) AS r, o.id AS outlet',
        { a: articleId },
      );
      expect(rows).toHaveLength(1);
      return { id, articleId, ...rows[0]! };
    };

    // "By Jane Doe, Reuters": the agency is the graph's Reuters; the byline line is the quote.
    const byline = `Power cut in Belgorod\n\nBy Jane Doe, Reuters\n\n${body}`;
    const agency = await pubOf(byline, {});
    expect(agency.outlet).toBe('reuters');
    expect(agency.r).toMatchObject({
      inferred: false,
      quote: 'By Jane Doe, Reuters',
      evidence_articles: [agency.articleId],
    });
    expect(byline.slice(agency.r.start, agency.r.end)).toBe(agency.r.quote);

    // An outlet only the metadata gives: inferred, its basis said, the headline as the quote (as in the seed).
    const bare = `Power cut in Belgorod\n\n${body}`;
    const given = await pubOf(bare, { outlet: 'Harbour Gazette' });
    expect(given.r).toMatchObject({ inferred: true, quote: 'Power cut in Belgorod', start: 0, end: 21 });
    expect(given.r.basis).toMatch(/does not name the outlet/);
    expect(given.r.accepted_by).toBe('local');

    for (const b of [given.id, agency.id]) await r.undoAll(b);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('a failure in the middle of an accept leaves the graph as before (one transaction)', async () => {
    await r.close();
    r = await reviewApi();
    const { id, view } = await stageWire();
    const r1 = view.candidates.find((c: any) => c.candidate.id === 'r1');
    // The article and its outlet are written first in the transaction; then the vocabulary refuses the type.
    const bad = await r.accept(id, 'r1', { ...r1.decision, from: 'kursk-region', to: 'tass' });
    expect(bad.status).toBe(409);
    expect(bad.body.error.message).toMatch(/GOVERNOR_OF goes from a Person/);
    expect(await graphFingerprint()).toBe(seeded);
    const after = await r.batch(id);
    expect(after.articleId).toBeNull();
    expect(after.accepts).toEqual([]);
    // A participant that is not there: refused before anything is written too.
    const c1 = view.candidates.find((c: any) => c.candidate.id === 'c1');
    const orphan = await r.accept(id, 'c1', {
      ...c1.decision,
      claimant: 'vyacheslav-gladkov',
      about: ['no-such-event'],
    });
    expect(orphan.status).toBe(409);
    expect(orphan.body.error.message).toMatch(/"no-such-event" is not in the graph/);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('flags an event proposed under an earlier event’s name, and bulk accept leaves it saying so', async () => {
    await r?.close();
    r = await reviewApi();
    // Two strikes on one town on one day: the proposal names both by kind, place and day.
    const twice = `Two strikes near Moscow

A drone struck a fuel depot near Moscow on Saturday, officials said.

Later on Saturday, a drone struck a warehouse near Moscow, the officials said.
`;
    const s = await r.stage('two-strikes.txt', twice, { published: '2024-06-03', outlet: 'Example Wire' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const [v1, v2] = (await r.batch(id)).candidates.filter((x: any) => x.candidate.kind === 'event');
    expect(v2?.decision.name).toBe(v1.decision.name);
    expect(v1.caution).toBeUndefined();
    expect(v2.caution).toContain(`same name as cand:${v1.candidate.id}, "${v1.decision.name}"`);
    expect(v2.blocked).toBeNull();
    const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0 });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    const accepted = bulk.body.outcome.accepted.map((a: any) => a.candidate);
    expect(accepted).toContain(v1.candidate.id);
    expect(accepted).not.toContain(v2.candidate.id);
    expect(bulk.body.outcome.left).toContainEqual({ candidate: v2.candidate.id, message: v2.caution });
    const named = await cypher('MATCH (e:Event {name: $name}) RETURN e.id AS id', { name: v1.decision.name });
    expect(named).toHaveLength(1);
    const after = (await r.batch(id)).candidates.find((x: any) => x.candidate.id === v2.candidate.id);
    expect(after).toMatchObject({ state: 'pending', caution: v2.caution });
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it("writes a claim's date range as Neo4j dates, refusing a range that ends before it starts", async () => {
    await r?.close();
    r = await reviewApi();
    const { id, view } = await stageWire();
    const c1 = view.candidates.find((c: any) => c.candidate.id === 'c1');
    const { date: _d, ...undated } = c1.decision;
    const ranged = {
      ...undated,
      claimant: 'vyacheslav-gladkov',
      about: ['su-34-belgorod-accidental-release-2023-04-20'],
      date_from: '2023-04-17',
      date_to: '2023-04-23',
      date_basis: "the article says 'last week'",
    };
    const backwards = await r.accept(id, 'c1', { ...ranged, date_from: '2023-04-24' });
    expect(backwards.status).toBe(409);
    expect(backwards.body.error.message).toMatch(/ends before it starts/);
    const both = await r.accept(id, 'c1', { ...ranged, date: '2023-04-20' });
    expect(both.status).toBe(409);
    expect(await graphFingerprint()).toBe(seeded);
    const ok = await r.accept(id, 'c1', ranged);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const [c] = await cypher<{ from: string; to: string; types: string[]; date: unknown; basis: string }>(
      `MATCH (c:Claim {id: $id}) RETURN toString(c.date_from) AS from, toString(c.date_to) AS to,
       [valueType(c.date_from), valueType(c.date_to)] AS types, c.date AS date, c.date_basis AS basis`,
      { id: ok.body.outcome.accepted[0].result.entityId },
    );
    expect(c).toEqual({
      from: '2023-04-17',
      to: '2023-04-23',
      types: ['DATE NOT NULL', 'DATE NOT NULL'],
      date: null,
      basis: "the article says 'last week'",
    });
  });

  it('audits every write with its before/after and the article quote behind it', async () => {
    await r.close();
    r = await reviewApi();
    const { id, text, view } = await stageWire();
    const e4 = view.candidates.find((c: any) => c.candidate.id === 'e4');
    const edited = { ...e4.decision, description: 'Governor of the Kursk region (our test).' };
    expect((await r.call('PATCH', `/api/ingest/batches/${id}/candidates/e4`, { decision: edited })).status).toBe(200);
    expect((await r.call('POST', `/api/ingest/batches/${id}/candidates/e2/reject`, {})).status).toBe(200);
    expect((await r.accept(id, 'e4')).status).toBe(200);
    await r.undoAll(id);
    const actions = r.audit().map((e: any) => e.action);
    for (const a of ['ingest.stage', 'ingest.edit', 'ingest.reject', 'ingest.accept', 'ingest.undo'])
      expect(actions).toContain(a);
    const edit = r.audit('ingest.edit')[0]!;
    expect(edit.after).toMatchObject({ description: 'Governor of the Kursk region (our test).' });
    // What the edit replaced (here the proposal), and names a reader knows rather than ids.
    expect(edit.before).toMatchObject({ description: e4.decision.description });
    expect(edit.detail).toMatchObject({ name: e4.decision.name });
    expect(typeof (edit.detail as any).title).toBe('string');
    const accept = r.audit('ingest.accept').find((e: any) => e.target === `${id}/e4`)!;
    expect(accept).toMatchObject({ actor: 'local' });
    const q = (accept.detail as any).quote;
    expect(text.slice(q.start, q.end)).toBe(q.quote);
    expect((accept.after as any).created).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node anton-veresov/)]),
    );
    // The first accept created the article, its new outlet and the PUBLISHED_BY between them.
    const art = r.audit('ingest.accept').find((e: any) => e.target === `${id}/article`)!;
    const made = (art.after as any).created as string;
    expect((art.after as any).with).toEqual(['node example-wire', `${made} PUBLISHED_BY example-wire`]);
    const undo = r.audit('ingest.undo').find((e: any) => (e.detail as any).candidates.includes('e4'))!;
    expect((undo.before as any).created).toEqual(expect.arrayContaining((accept.after as any).created));
    expect(await graphFingerprint()).toBe(seeded);
  });
});
