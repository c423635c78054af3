/**
 * Staging through the API: what is staged lives in the app store only, so no read path of the
 * explorer can see it (search, overview, neighbours, saved queries, ad-hoc Cypher) until it is
 * accepted; bad input is refused with a clear error and nothing stored; the same text twice is
 * recognised; a judged "not the same" pair is never proposed again; a database newsgraph did not
 * set up is refused; contradictions with the graph's claims are proposed for a person to confirm.
 */
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../../src/dataset/load';
import { SCHEMA_CYPHER } from '../../../src/runtime/paths';
import { ROUTES } from '../../../src/shared/api/routes';
import { testNeo4j } from '../../support/neo4j';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

// Our own text; the name is unique to it, so any read path that shows it shows staged data.
const UNIQUE = 'Quillfeather';
const ARTICLE = `Zorbulon ${UNIQUE} named acting mayor of Shebekino

Zorbulon ${UNIQUE}, governor of the Belgorod region, said on Tuesday that the water supply in Shebekino had been restored after the shelling.

${UNIQUE} said repair crews had worked for two days.`;

let r: ReviewApi;
let seeded: string;
const json = (v: unknown) => JSON.stringify(v);

beforeAll(async () => {
  seeded = await seededFingerprint();
  r = await reviewApi();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => r?.close());

/** Everything the explorer's read paths return that could name the staged person. */
async function readPaths(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out.search = json((await r.api.get(`/api/search?q=${UNIQUE}`)).body.hits);
  out.overview = json((await r.api.get('/api/overview')).body);
  out.neighbours = json((await r.api.get('/api/nodes/belgorod-region/neighbours?limit=500')).body);
  const queries = (await r.api.get('/api/queries')).body.queries as { name: string }[];
  expect(queries.length).toBeGreaterThan(10);
  out.savedQueries = '';
  for (const q of queries) out.savedQueries += json((await r.api.post(`/api/queries/${q.name}/run`, {})).body);
  const has = (v: string) =>
    `any(k IN keys(${v}) WHERE (${v}[k] IS :: STRING AND ${v}[k] CONTAINS $u) OR (${v}[k] IS :: LIST<STRING NOT NULL> AND any(s IN ${v}[k] WHERE s CONTAINS $u)))`;
  const cy = await r.api.post('/api/cypher', {
    query: `MATCH (n) WHERE ${has('n')} RETURN n UNION MATCH ()-[x]->() WHERE ${has('x')} RETURN x AS n`,
    params: { u: UNIQUE },
  });
  expect(cy.status, json(cy.body)).toBe(200);
  out.cypher = json(cy.body.table.rows);
  return out;
}

describe('staging', () => {
  it('declares the editor role on every ingest route', () => {
    const ingest = Object.entries(ROUTES).filter(([k]) => k.startsWith('ingest'));
    expect(ingest.length).toBe(15);
    for (const [, route] of ingest) expect(route.role).toBe('editor');
  });

  it('a staged candidate is invisible to search, overview, neighbours, saved queries and ad-hoc Cypher until accepted', async () => {
    const s = await r.stage('quillfeather.txt', ARTICLE, { published: '2024-05-14', outlet: 'Example Wire' });
    expect(s.status, json(s.body)).toBe(200);
    const view = await r.batch(s.body.batch.id);
    const person = view.candidates.find((c: any) => c.candidate.kind === 'entity' && c.candidate.text.includes(UNIQUE));
    expect(person).toBeTruthy();
    const gov = view.candidates.find(
      (c: any) => c.candidate.kind === 'relationship' && c.candidate.type === 'GOVERNOR_OF',
    );
    expect(gov.decision).toMatchObject({ from: `cand:${person.candidate.id}`, to: 'belgorod-region' });

    const before = await readPaths();
    for (const [path, out] of Object.entries(before)) expect(out, path).not.toContain(UNIQUE);
    expect(JSON.parse(before.cypher!)).toEqual([]);

    // Accepted, the same read paths show it: the checks above can fail.
    expect((await r.accept(s.body.batch.id, person.candidate.id)).status).toBe(200);
    expect((await r.accept(s.body.batch.id, gov.candidate.id)).status).toBe(200);
    const after = await readPaths();
    for (const path of ['search', 'neighbours', 'cypher']) expect(after[path], path).toContain(UNIQUE);
    const runs = (await r.api.post('/api/queries/person-profile/run', { params: { person: 'zorbulon-quillfeather' } }))
      .body;
    expect(json(runs)).toContain('governor of the Belgorod region');
  });

  it('refuses bad input with a clear error and stores nothing', async () => {
    const files = () => readdirSync(r.textDir).length;
    const n = files();
    const staged = (await r.call('GET', '/api/ingest/batches')).body.batches.length;
    const cases: [string, string | Buffer, number, RegExp][] = [
      ['empty.txt', '', 400, /is empty/],
      ['blank.md', ' \n\n  ', 400, /only whitespace/],
      ['scan.pdf.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0, 0]), 400, /binary file/],
      ['latin1.txt', Buffer.from('Gr\xfc\xdfe aus Belgorod', 'latin1'), 400, /not valid UTF-8.*Windows-1252/],
      [
        'big.txt',
        Buffer.alloc(5 * 1024 * 1024 + 10, 'a'),
        400,
        /5,242,890 bytes; the limit is 5,242,880 bytes \(5 MB\)/,
      ],
    ];
    for (const [name, content, status, message] of cases) {
      const res = await r.stage(name, content);
      expect(res.status, name).toBe(status);
      expect(res.body.error.message, name).toMatch(message);
    }
    // 50 MB does not even reach the extractor: the body limit answers, naming it.
    const huge = await r.call('POST', '/api/ingest/articles', { text: 'x'.repeat(50 * 1024 * 1024), name: 'huge.txt' });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/larger than this endpoint's 8 MB/);
    expect(files()).toBe(n);
    expect((await r.call('GET', '/api/ingest/batches')).body.batches.length).toBe(staged);
  });

  it('recognises the same text twice, staged or already in the graph', async () => {
    const first = await r.stage('again-1.txt', 'Anton Veresov said the bridge near Lgov had reopened on Monday.');
    expect(first.status).toBe(200);
    const again = await r.stage('again-2.txt', 'Anton Veresov said the bridge near Lgov had reopened on Monday.\n');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', duplicateOf: first.body.batch.id });
    expect(again.body.error.message).toMatch(/already ingested on \d{4}-\d{2}-\d{2} by local/);
  });

  it('a judged "not the same" pair is never proposed again', async () => {
    const a = await r.stage('peskov-a.txt', 'Dmitri Peskow said on Monday that the talks had stalled.');
    const e = (await r.batch(a.body.batch.id)).candidates.find((c: any) => c.candidate.text === 'Dmitri Peskow');
    const link = (await r.batch(a.body.batch.id)).candidates.find(
      (c: any) => c.candidate.kind === 'link' && c.candidate.entity === e.candidate.id,
    );
    expect(link.candidate.options.map((o: any) => o.entityId)).toContain('dmitry-peskov');
    const rej = await r.call('POST', `/api/ingest/batches/${a.body.batch.id}/candidates/${e.candidate.id}/reject`, {
      notSame: ['dmitry-peskov'],
    });
    expect(rej.status).toBe(200);
    const b = await r.stage('peskov-b.txt', 'Dmitri Peskow told reporters on Friday that no meeting was planned.');
    const view = await r.batch(b.body.batch.id);
    const e2 = view.candidates.find((c: any) => c.candidate.text === 'Dmitri Peskow');
    const l2 = view.candidates.find((c: any) => c.candidate.kind === 'link' && c.candidate.entity === e2.candidate.id);
    expect(l2?.candidate.options.map((o: any) => o.entityId) ?? []).not.toContain('dmitry-peskov');
    expect(e2.decision.action).toBe('create');
  });

  it('proposes a contradiction with an existing claim; confirming marks both contested, undo restores', async () => {
    const text =
      'Belgorod blast left two injured, city official says\n\n' +
      'Valentin Demidov, a city official, said on Friday that two people were injured in the explosion in Belgorod.';
    const s = await r.stage('demidov.txt', text, { published: '2023-04-21', outlet: 'Example Wire' });
    const id = s.body.batch.id;
    const view = await r.batch(id);
    const person = view.candidates.find((c: any) => c.candidate.text === 'Valentin Demidov');
    // The reviewer types the untyped name as a person.
    const typed = { ...person.decision, label: 'Person', description: 'A Belgorod city official (test article).' };
    const pa = await r.accept(id, person.candidate.id, typed);
    expect(pa.status, json(pa.body)).toBe(200);
    const claim = (await r.batch(id)).candidates.find((c: any) => c.candidate.kind === 'claim');
    const about = { ...claim.decision, about: ['su-34-belgorod-accidental-release-2023-04-20'] };
    const acc = await r.accept(id, claim.candidate.id, about);
    expect(acc.status, json(acc.body)).toBe(200);
    const claimId = acc.body.outcome.accepted[0].result.entityId;
    const proposals = (await r.call('GET', `/api/ingest/batches/${id}/contradictions`)).body.contradictions;
    const p = proposals.find((x: any) => x.other === 'claim-gladkov-su34-three-injured');
    expect(p).toMatchObject({
      claim: claimId,
      reason: 'the figures differ: 2 injured here, 3 injured in the other claim',
    });
    const beforeConfirm = await graphFingerprint();
    const ok = await r.call('POST', `/api/ingest/batches/${id}/contradictions`, {
      claim: claimId,
      other: p.other,
      confirm: true,
    });
    expect(ok.status, json(ok.body)).toBe(200);
    const rows = await r.api.driver.executeQuery(
      `MATCH (a:Claim {id: $a})-[x:CONTRADICTS]-(b:Claim {id: $b}) RETURN a.status AS sa, b.status AS sb, x.evidence_articles AS arts`,
      { a: claimId, b: p.other },
      { database: testNeo4j().database },
    );
    expect(rows.records[0]!.toObject()).toMatchObject({ sa: 'contested', sb: 'contested' });
    expect(ok.body.contradictions.find((x: any) => x.other === p.other)).toBeUndefined();
    const u = await r.call('POST', `/api/ingest/accepts/${ok.body.outcome.acceptId}/undo`);
    expect(u.status).toBe(200);
    expect(await graphFingerprint()).toBe(beforeConfirm);
  });

  it('refuses to write into a database newsgraph did not set up, saying why', async () => {
    const { database } = testNeo4j();
    const s = await r.stage('foreign.txt', 'Oleg Demchuk said on Monday that the power plant had been repaired.');
    expect(s.status).toBe(200);
    const e = (await r.batch(s.body.batch.id)).candidates.find((c: any) => c.candidate.text === 'Oleg Demchuk');
    try {
      await r.api.driver.executeQuery('DROP INDEX entity_names IF EXISTS', {}, { database });
      const res = await r.accept(s.body.batch.id, e.candidate.id);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('NOT_NEWSGRAPH_DATABASE');
      expect(res.body.error.message).toMatch(/no newsgraph schema \(the entity_names full-text index missing\)/);
      const again = await r.stage('foreign-2.txt', 'Oleg Demchuk said the plant was running again.');
      expect(again.body.error.code).toBe('NOT_NEWSGRAPH_DATABASE');
    } finally {
      await applySchema(r.api.driver, database, SCHEMA_CYPHER);
    }
    expect(await graphFingerprint()).toBe(seeded);
  });
});
