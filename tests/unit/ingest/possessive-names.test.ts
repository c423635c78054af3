/**
 * Possessive names: "Ukraine's MoD", "Russia's Ministry of Defence", "Belgorod's regional
 * administration". The name finders stop at the possessive (and CoreNLP does not tag "MoD" at all),
 * so the country became a Place, the bare "MoD"s of both sides were grouped as one entity and linked
 * to the UK ministry, and the ministry's country was lost. Expected: each side's ministry is its own
 * candidate proposed as that side's ministry (the place rule), and the country word still counts as
 * a mention of the Place, as the seed's mention count does when the whole phrase is no graph alias.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type {
  Candidate,
  ClaimCandidate,
  EntityCandidate,
  LinkCandidate,
  RelationshipCandidate,
} from '../../../src/ingest/batch';
import type { GazetteerEntry, NameFinder } from '../../../src/ingest/extract/types';
import { fedFinder } from './fed-finder';

/** Our own fixture: both sides' ministries, the UK's "MoD", the places that qualify them. */
const place = (id: string, name: string, kind: string): GazetteerEntry => ({
  id,
  labels: ['Place'],
  name,
  aliases: [name],
  kind,
});
const org = (id: string, name: string, aliases: string[], country: string): GazetteerEntry => ({
  id,
  labels: ['Organization'],
  name,
  aliases,
  kind: 'government-ministry',
  country,
});
const GRAPH: GazetteerEntry[] = [
  place('russia', 'Russia', 'country'),
  place('ukraine', 'Ukraine', 'country'),
  place('united-kingdom', 'United Kingdom', 'country'),
  place('belgorod', 'Belgorod', 'city'),
  place('belgorod-region', 'Belgorod region', 'region'),
  org('russian-defense-ministry', 'Russian Ministry of Defence', ["Russia's Ministry of Defence"], 'russia'),
  org('ukraine-defence-ministry', 'Ukrainian Ministry of Defence', ['Defence Ministry'], 'ukraine'),
  org('uk-ministry-of-defence', 'UK Ministry of Defence', ['MoD'], 'united-kingdom'),
  { id: 'yuri-dolgov', labels: ['Person'], name: 'Yuri Dolgov', aliases: ['Yuri Dolgov', 'Dolgov'] },
];

// Written for these tests. What CoreNLP 4.5.10 tags in such sentences (checked against the server):
// the countries and the city as LOCATION, "Ministry of Defence"/"Defence Ministry" as ORGANIZATION,
// the person; "MoD" and "MOD" nothing at all.
const ARTICLE =
  'Drone claims traded across the border\n\n' +
  "Ukraine's MoD said on Monday that its air defences downed twelve drones overnight. " +
  "Russia's MoD said the drones had been launched from Ukraine. " +
  'The MoD in London declined to comment on either account. ' +
  "Later Ukraine's Defence Ministry published photographs of the wreckage, " +
  "and Russia's Ministry of Defence called them fakes.";
const CORENLP = fedFinder({
  Ukraine: 'PLACE',
  Russia: 'PLACE',
  London: 'PLACE',
  'Defence Ministry': 'ORGANIZATION',
  'Ministry of Defence': 'ORGANIZATION',
  Belgorod: 'PLACE',
  'Yuri Dolgov': 'PERSON',
});
const FINDERS = [
  ['CoreNLP', CORENLP],
  ['js', 'js'],
] as const;

async function extract(raw: string, extractor: NameFinder | 'js', graph = GRAPH) {
  const b = await extractArticle({ raw, format: 'txt', source: 'test' }, { extractor, gazetteer: graph });
  const of = <K extends Candidate['kind']>(k: K) =>
    b.candidates.filter((c): c is Extract<Candidate, { kind: K }> => c.kind === k);
  const entities = of('entity') as EntityCandidate[];
  const entity = (text: string) => entities.find((e) => e.forms.includes(text));
  const linkOf = (e?: EntityCandidate) => (of('link') as LinkCandidate[]).find((l) => l.entity === e?.id);
  const spanOf = (s: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = raw.indexOf(s, at + 1);
    return { start: at, end: at + s.length };
  };
  return {
    entities,
    entity,
    linkOf,
    spanOf,
    claims: of('claim') as ClaimCandidate[],
    relations: of('relationship') as RelationshipCandidate[],
  };
}

describe('possessive ministry names', () => {
  for (const [name, finder] of FINDERS) {
    it(`"Ukraine's MoD" and "Russia's MoD" are two candidates, each proposed as its own side's ministry (${name})`, async () => {
      const { entity, linkOf } = await extract(ARTICLE, finder);
      const ua = entity("Ukraine's MoD");
      const ru = entity("Russia's MoD");
      expect(ua).toMatchObject({ type: 'ORGANIZATION' });
      expect(ru).toMatchObject({ type: 'ORGANIZATION' });
      expect(ua!.id).not.toBe(ru!.id);
      expect(ua!.forms).not.toContain('MoD');
      expect(ru!.forms).not.toContain('MoD');
      const uaLink = linkOf(ua)!;
      const ruLink = linkOf(ru)!;
      expect(uaLink.options[0]!.entityId).toBe('ukraine-defence-ministry');
      expect(ruLink.options[0]!.entityId).toBe('russian-defense-ministry');
      expect(uaLink.options.map((o) => o.entityId)).not.toContain('russian-defense-ministry');
      expect(ruLink.options.map((o) => o.entityId)).not.toContain('ukraine-defence-ministry');
      for (const l of [uaLink, ruLink]) {
        expect(l.decision).toBe('review');
        expect(l.options.map((o) => o.entityId)).not.toContain('uk-ministry-of-defence');
      }
    });

    it(`the bare "MoD" stays apart from both sides' ministries (${name})`, async () => {
      const { entities, spanOf } = await extract(ARTICLE, finder);
      const bare = spanOf('MoD in London');
      const holders = entities.filter((e) => e.spans.some((s) => s.start === bare.start));
      expect(holders).toHaveLength(1);
      expect(holders[0]!.forms).toEqual(['MoD']);
      expect(holders[0]!.type).toBe('ORGANIZATION');
    });

    it(`the spelled-out possessive names are each side's ministry too (${name})`, async () => {
      const { entity, linkOf } = await extract(ARTICLE, finder);
      const ua = entity("Ukraine's Defence Ministry");
      expect(linkOf(ua)!.options[0]!.entityId).toBe('ukraine-defence-ministry');
      expect(linkOf(ua)!.options.map((o) => o.entityId)).not.toContain('russian-defense-ministry');
      // A graph alias with the possessive in it is the ministry's as a whole.
      const ru = entity("Russia's Ministry of Defence");
      expect(linkOf(ru)).toMatchObject({ decision: 'auto', entityId: 'russian-defense-ministry' });
    });

    it(`the country keeps its mention where the phrase is no graph alias (${name})`, async () => {
      const { entity, spanOf } = await extract(ARTICLE, finder);
      const ukraine = entity('Ukraine')!;
      const russia = entity('Russia')!;
      expect(ukraine.type).toBe('PLACE');
      expect(russia.type).toBe('PLACE');
      const starts = (e: EntityCandidate) => e.spans.map((s) => s.start);
      expect(starts(ukraine)).toContain(spanOf("Ukraine's MoD").start);
      expect(starts(ukraine)).toContain(spanOf("Ukraine's Defence").start);
      expect(starts(russia)).toContain(spanOf("Russia's MoD").start);
      // "Russia's Ministry of Defence" is an alias of the ministry: the seed counts it for the ministry only.
      expect(starts(russia)).not.toContain(spanOf("Russia's Ministry").start);
    });

    it(`a graph alias inside both sides' names does not join them (${name})`, async () => {
      // "Defence Ministry" is the Ukrainian ministry's alias, "MOD" the UK one's: neither qualified name is either.
      const graph = GRAPH.map((e) => (e.id === 'uk-ministry-of-defence' ? { ...e, aliases: ['MOD'] } : e));
      const { entity, linkOf } = await extract(
        "Russia's Defence Ministry said it shot down four drones. Ukraine's Defence Ministry said none were lost. " +
          "Russia's MOD repeated the claim, and Ukraine's MOD denied it.",
        finder,
        graph,
      );
      const ruMinistry = entity("Russia's Defence Ministry")!;
      expect(ruMinistry.forms).toEqual(["Russia's Defence Ministry"]);
      expect(linkOf(ruMinistry)!.options.map((o) => o.entityId)).not.toContain('ukraine-defence-ministry');
      expect(linkOf(ruMinistry)!.options[0]!.entityId).toBe('russian-defense-ministry');
      const ruMod = entity("Russia's MOD")!;
      const uaMod = entity("Ukraine's MOD")!;
      expect(ruMod.forms).toEqual(["Russia's MOD"]);
      expect(uaMod.forms).toEqual(["Ukraine's MOD"]);
      expect(linkOf(ruMod)!.options[0]!.entityId).toBe('russian-defense-ministry');
      expect(linkOf(uaMod)!.options[0]!.entityId).toBe('ukraine-defence-ministry');
      expect(linkOf(uaMod)!.decision).toBe('review');
    });

    it(`a claim of "Ukraine's MoD" is the ministry's, not the country's (${name})`, async () => {
      const { claims, entity } = await extract(ARTICLE, finder);
      const downed = claims.find((c) => c.statement.includes('twelve drones'))!;
      expect(downed.claimant).toMatchObject({ text: "Ukraine's MoD", candidate: entity("Ukraine's MoD")!.id });
      expect(downed.claimant.resolvedBy).not.toBe('metonymy');
      const launched = claims.find((c) => c.statement.includes('launched from'))!;
      expect(launched.claimant).toMatchObject({ text: "Russia's MoD", candidate: entity("Russia's MoD")!.id });
    });
  }
});

describe("a place's office with a possessive", () => {
  const TEXT =
    'Fire at a depot\n\n' +
    "Belgorod's governor, Yuri Dolgov, said two houses burned near the depot. " +
    "A spokesman for Belgorod's regional administration said the fire was out by noon.";

  for (const [name, finder] of FINDERS)
    it(`"Belgorod's governor" keeps Belgorod a Place; its administration speaks, not the city (${name})`, async () => {
      const { entity, relations, claims, spanOf } = await extract(TEXT, finder);
      const belgorod = entity('Belgorod')!;
      expect(belgorod.type).toBe('PLACE');
      expect(belgorod.spans.map((s) => s.start)).toEqual([
        spanOf("Belgorod's governor").start,
        spanOf("Belgorod's regional").start,
      ]);
      expect(relations.find((r) => r.type === 'GOVERNOR_OF')).toMatchObject({
        from: { text: 'Yuri Dolgov' },
        to: { entityId: 'belgorod-region' },
      });
      const admin = entity("Belgorod's regional administration");
      expect(admin).toMatchObject({ type: 'ORGANIZATION' });
      const fire = claims.find((c) => c.statement.includes('fire was out'))!;
      expect(fire.claimant).toMatchObject({ candidate: admin!.id });
      expect(fire.claimant.resolvedBy).not.toBe('metonymy');
    });
});
