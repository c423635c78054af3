import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { ClaimsResponseSchema, type BoardEvent, type ClaimsResponse } from '../../../src/shared/api/claims';
import { testCypher } from '../../support/neo4j';
import { useSeededApi } from '../../support/seeded-api';

/** GET /api/claims: the board, sides derived from the graph, "as reported by". */

const app = useSeededApi();
const seed = readSeed(SEED_DATA_DIR);

async function board(query = ''): Promise<ClaimsResponse> {
  const r = await app.get(`/api/claims${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return ClaimsResponseSchema.parse(r.body);
}
const claimByKey = (e: BoardEvent, key: string) => {
  for (const g of e.groups) for (const c of g.claims) if (c.key === key) return { group: g, claim: c };
  throw new Error(`claim ${key} not on the card of ${e.event.key}`);
};

describe('the board', () => {
  it('has one card per event with claims, each claim once, contested events first', async () => {
    const b = await board();
    const eventsWithClaims = new Set(seed.claims.flatMap((c) => c.about));
    expect(b.events.map((e) => e.event.key).sort()).toEqual([...eventsWithClaims].sort());
    const perEvent = seed.claims.reduce((n, c) => n + c.about.length, 0);
    expect(b.events.reduce((n, e) => n + e.counts.total, 0)).toBe(perEvent);
    const firstUncontested = b.events.findIndex((e) => !e.contested);
    expect(firstUncontested).toBeGreaterThan(0);
    expect(b.events.slice(firstUncontested).every((e) => !e.contested)).toBe(true);
  });

  it('puts the Gubkin street claims on opposite sides: TASS with Russia, Kyiv and Podolyak with Ukraine', async () => {
    const b = await board('?event=gubkin-street-strike-2022-10');
    expect(b.events).toHaveLength(1);
    const card = b.events[0]!;
    expect(card.contested).toBe(true);
    const tass = claimByKey(card, 'claim-tass-gubkin-ukrainian-shelling');
    const kyiv = claimByKey(card, 'claim-ukraine-gubkin-russian-misfire');
    const podolyak = claimByKey(card, 'claim-podolyak-gubkin-russian-misfire');
    expect(tass.group.side?.key).toBe('russia');
    expect(kyiv.group.side?.key).toBe('ukraine');
    expect(podolyak.group.side?.key).toBe('ukraine');
    expect(tass.group).not.toBe(podolyak.group);
    // The contradiction is on the card, in both directions.
    expect(tass.claim.contradicts).toContain(podolyak.claim.id);
    expect(podolyak.claim.contradicts).toContain(tass.claim.id);
    expect(tass.claim.status).toBe('contested');
    // Evidence with its article.
    expect(tass.claim.evidence?.quote).toContain('[Ukrainian] shelling');
    expect(tass.claim.evidence?.article.key).toBe('express-2022-10-13-russia-hits-own-building-in-belgorod');
    expect(tass.claim.evidence?.article.published).toBe('2022-10-13');
    expect(tass.claim.evidence?.start).toBe(848);
    // The sides' groups put contested claims first.
    for (const g of card.groups) {
      const firstNon = g.claims.findIndex((c) => c.statusAsOf !== 'contested');
      if (firstNon >= 0) expect(g.claims.slice(firstNon).every((c) => c.statusAsOf !== 'contested')).toBe(true);
    }
  });

  it('derives sides from affiliation paths in the graph and says how', async () => {
    const b = await board('?event=gubkin-street-strike-2022-10');
    const card = b.events[0]!;
    const podolyak = claimByKey(card, 'claim-podolyak-gubkin-russian-misfire').claim.claimant!;
    expect(podolyak.sideVia).toEqual(['Mykhailo Podolyak', 'ADVISOR_TO', 'Volodymyr Zelensky', 'LEADS', 'Ukraine']);
    const tass = claimByKey(card, 'claim-tass-gubkin-ukrainian-shelling').claim.claimant!;
    expect(tass.sideVia).toEqual(['TASS', 'country', 'Russia']);
    const gladkov = card.groups
      .flatMap((g) => g.claims)
      .find((c) => c.claimant?.key === 'vyacheslav-gladkov')!.claimant!;
    expect(gladkov.sideVia).toEqual(['Vyacheslav Gladkov', 'GOVERNOR_OF', 'Belgorod region', 'LOCATED_IN', 'Russia']);
  });

  it('changes a side when the graph changes (nothing is hard-coded), and restores it', async () => {
    // Cut Podolyak's only affiliation: he becomes unaffiliated.
    const cut = await testCypher(
      `MATCH (:Person {id: 'mykhailo-podolyak'})-[r:ADVISOR_TO]->(z:Person {id: 'volodymyr-zelensky'})
       WITH r, properties(r) AS props DELETE r RETURN props`,
    );
    const props = cut[0]!.get('props');
    try {
      const b = await board('?event=gubkin-street-strike-2022-10');
      const p = claimByKey(b.events[0]!, 'claim-podolyak-gubkin-russian-misfire');
      expect(p.group.side).toBeNull();
      expect(b.events[0]!.groups.at(-1)!.side).toBeNull(); // unaffiliated last
    } finally {
      await testCypher(
        `MATCH (p:Person {id: 'mykhailo-podolyak'}), (z:Person {id: 'volodymyr-zelensky'})
         CREATE (p)-[r:ADVISOR_TO]->(z) SET r = $props`,
        { props },
      );
    }
    const again = await board('?event=gubkin-street-strike-2022-10');
    expect(claimByKey(again.events[0]!, 'claim-podolyak-gubkin-russian-misfire').group.side?.key).toBe('ukraine');
  });

  it('lists claimants without an affiliation path as unaffiliated', async () => {
    const b = await board();
    const experts = b.events
      .flatMap((e) => e.groups)
      .flatMap((g) => g.claims.map((c) => ({ g, c })))
      .filter(({ c }) => c.claimant?.key === 'unnamed-defense-experts');
    expect(experts.length).toBeGreaterThan(0);
    for (const { g } of experts) expect(g.side).toBeNull();
    expect(b.sides.map((s) => s.key)).toEqual(expect.arrayContaining(['russia', 'ukraine']));
  });

  it("puts an independent outlet on its declared side, not its country's, and says how each side was found", async () => {
    const b = await board();
    const all = b.events.flatMap((e) => e.groups.flatMap((g) => g.claims.map((c) => ({ g, c }))));
    const astra = all.filter(({ c }) => c.claimant?.key === 'astra');
    expect(astra.length).toBeGreaterThan(0);
    for (const { g, c } of astra) {
      expect(g.side).toMatchObject({ key: 'independent', name: 'Independent / media' });
      expect(c.claimant!.sideBasis).toBe('declared');
      expect(c.claimant!.sideVia).toEqual(['Astra', 'side', 'Independent / media']);
    }
    // Nationality is said as such; an affiliation path as such; no side as no side.
    const basis = (key: string) => all.find(({ c }) => c.claimant?.key === key)!.c.claimant!.sideBasis;
    expect(basis('tass')).toBe('country');
    expect(basis('vyacheslav-gladkov')).toBe('affiliation');
    expect(basis('unnamed-defense-experts')).toBeNull();
    expect(b.sides.map((s) => s.key)).toContain('independent');
  });

  it('cites the article with its inferred outlet and its publication range', async () => {
    const b = await board();
    const gubkin = b.events.find((e) => e.event.key === 'gubkin-street-strike-2022-10')!;
    const tass = claimByKey(gubkin, 'claim-tass-gubkin-ukrainian-shelling').claim.evidence!.article;
    expect(tass).toMatchObject({
      outlet: 'Daily Express',
      outletInferred: true,
      published: '2022-10-13',
      publishedFrom: '2022-10-10',
      publishedTo: '2022-10-14',
    });
  });

  it('filters contested events', async () => {
    const b = await board('?contested=true');
    expect(b.events.length).toBeGreaterThan(0);
    expect(b.events.every((e) => e.contested)).toBe(true);
    expect(b.events.map((e) => e.event.key)).toContain('gubkin-street-strike-2022-10');
  });
});

describe('as reported by', () => {
  it('drops claims reported later', async () => {
    const b = await board('?asReportedBy=2022-12-31');
    const k = b.events.map((e) => e.event.key);
    expect(k).toContain('gubkin-street-strike-2022-10');
    expect(k).not.toContain('su-34-belgorod-accidental-release-2023-04-20');
    expect(k).not.toContain('belgorod-attack-2023-12-30');
    for (const e of b.events)
      for (const g of e.groups)
        for (const c of g.claims) expect(c.evidence!.article.published! <= '2022-12-31').toBe(true);
  });
});

describe('as reported by an article known only by a range', () => {
  it('counts it from the first day it can have been out, not its best-estimate date', async () => {
    // The Express piece: best estimate 13 October 2022, published between 10 and 14 October.
    const b = await board('?asReportedBy=2022-10-11');
    const gubkin = b.events.find((e) => e.event.key === 'gubkin-street-strike-2022-10');
    expect(gubkin).toBeDefined();
    expect(claimByKey(gubkin!, 'claim-tass-gubkin-ukrainian-shelling').claim.evidence!.article.publishedFrom).toBe(
      '2022-10-10',
    );
    const before = await board('?asReportedBy=2022-10-09');
    expect(before.events.map((e) => e.event.key)).not.toContain('gubkin-street-strike-2022-10');
  });
});

describe('errors', () => {
  it('404 for an unknown event, 400 for bad parameters', async () => {
    const r = await app.get('/api/claims?event=no-such-event');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    const bad = await app.get('/api/claims?asReportedBy=31-12-2022');
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('asReportedBy');
    const bad2 = await app.get('/api/claims?contested=maybe');
    expect(bad2.status).toBe(400);
    expect(bad2.body.error.param).toBe('contested');
  });
});
