import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { Candidate, ClaimCandidate, EntityCandidate, RelationshipCandidate } from '../../../src/ingest/batch';
import type { GazetteerEntry } from '../../../src/ingest/extract/types';
import { fedFinder } from './fed-finder';
import { GAZETTEER } from './gazetteer';

/** The graph knows the city, so a wrong attachment would even be linked to it. */
const WITH_CITY: GazetteerEntry[] = [
  ...GAZETTEER,
  { id: 'belgorod', labels: ['Place'], name: 'Belgorod', aliases: ['Belgorod'], kind: 'city' },
];

async function extract(raw: string, extractor: Parameters<typeof extractArticle>[1]['extractor']) {
  const b = await extractArticle({ raw, format: 'txt', source: 'test' }, { extractor, gazetteer: WITH_CITY });
  const of = <K extends Candidate['kind']>(k: K) =>
    b.candidates.filter((c): c is Extract<Candidate, { kind: K }> => c.kind === k);
  return {
    entities: of('entity') as EntityCandidate[],
    relations: of('relationship') as RelationshipCandidate[],
    claims: of('claim') as ClaimCandidate[],
  };
}

// What CoreNLP 4.5.10 says of these sentences: the city a LOCATION, the spokesman a PERSON, nothing else.
const CORENLP = fedFinder({ 'Pavel Sorokin': 'PERSON', Belgorod: 'PLACE' });

describe('the body a spokesman speaks for', () => {
  for (const [name, finder] of [
    ['CoreNLP', CORENLP],
    ['js', 'js'],
  ] as const)
    it(`is the regional administration named in the phrase, not its city (${name})`, async () => {
      const { entities, relations } = await extract(
        'Pavel Sorokin, a spokesman for the Belgorod regional administration, said the fire at the depot was out.',
        finder,
      );
      const admin = entities.find((e) => e.text === 'Belgorod regional administration');
      expect(admin).toMatchObject({ type: 'ORGANIZATION' });
      const spokesman = relations.filter((r) => r.type === 'SPOKESPERSON_FOR');
      expect(spokesman).toHaveLength(1);
      expect(spokesman[0]).toMatchObject({
        from: { text: 'Pavel Sorokin' },
        to: { text: 'Belgorod regional administration', candidate: admin!.id },
      });
      expect(spokesman[0]!.to.entityId).toBeUndefined();
    });

  it('also before the name, and an unnamed spokesman speaks for the administration, not the city', async () => {
    const { relations, claims } = await extract(
      'Belgorod regional administration spokesman Pavel Sorokin said the road would reopen on Friday. ' +
        'Later a spokesman for the Belgorod city administration said the schools were closed.',
      CORENLP,
    );
    expect(relations.find((r) => r.type === 'SPOKESPERSON_FOR')).toMatchObject({
      from: { text: 'Pavel Sorokin' },
      to: { text: 'Belgorod regional administration' },
    });
    const schools = claims.find((c) => c.statement.startsWith('the schools'))!;
    expect(schools.claimant).toMatchObject({ text: 'Belgorod city administration', resolvedBy: 'name' });
    expect(schools.claimant.entityId).toBeUndefined();
  });

  it('a place is never what a spokesman speaks for (the vocabulary wants an organisation)', async () => {
    const { relations } = await extract(
      'Pavel Sorokin, a spokesman for Belgorod, said the fire at the depot was out.',
      CORENLP,
    );
    expect(relations.filter((r) => r.type === 'SPOKESPERSON_FOR')).toEqual([]);
  });

  for (const [name, finder] of [
    ['CoreNLP', fedFinder({ 'Pavel Sorokin': 'PERSON', 'Anna Petrova': 'PERSON', Belgorod: 'PLACE' })],
    ['js', 'js'],
  ] as const)
    it(`is the governor's or mayor's office named in the phrase, an organisation, never the place (${name})`, async () => {
      const { entities, relations, claims } = await extract(
        "Pavel Sorokin, a spokesman for the Belgorod governor's office, said the fire at the depot was out. " +
          "Anna Petrova, a spokeswoman for the mayor's office, said the schools were closed. " +
          "Later a spokesman for the governor's office said the road would reopen on Friday. " +
          'The governor said the fires were out.',
        finder,
      );
      const typeOf = (text: string) => entities.find((e) => e.text === text)?.type;
      expect(typeOf("Belgorod governor's office")).toBe('ORGANIZATION');
      expect(typeOf("mayor's office")).toBe('ORGANIZATION');
      expect(typeOf("governor's office")).toBe('ORGANIZATION');
      expect(typeOf('Belgorod')).toBeUndefined();
      const spokes = relations.filter((r) => r.type === 'SPOKESPERSON_FOR');
      expect(spokes.map((r) => [r.from.text, r.to.text])).toEqual([
        ['Pavel Sorokin', "Belgorod governor's office"],
        ['Anna Petrova', "mayor's office"],
      ]);
      const road = claims.find((c) => c.statement.startsWith('the road'))!;
      expect(road.claimant).toMatchObject({ text: "governor's office", resolvedBy: 'name' });
      // "The governor" is a person, not the office named before: no claimant is guessed for it.
      expect(claims.find((c) => c.statement.startsWith('the fires'))?.claimant.text).not.toBe("governor's office");
    });

  it('also before the name: "Belgorod governor\'s office spokesman Pavel Sorokin"', async () => {
    const { relations } = await extract(
      "Belgorod governor's office spokesman Pavel Sorokin said the road would reopen on Friday.",
      CORENLP,
    );
    expect(relations.find((r) => r.type === 'SPOKESPERSON_FOR')).toMatchObject({
      from: { text: 'Pavel Sorokin' },
      to: { text: "Belgorod governor's office" },
    });
  });
});

describe('the place a governor governs', () => {
  const WITH_REGION: GazetteerEntry[] = [
    ...WITH_CITY,
    {
      id: 'belgorod-region',
      labels: ['Place'],
      name: 'Belgorod region',
      aliases: ['Belgorod region', 'Belgorod Oblast'],
      kind: 'region',
    },
  ];
  const run = (raw: string, gazetteer = WITH_REGION) =>
    extractArticle({ raw, format: 'txt', source: 'test' }, { extractor: 'js', gazetteer }).then((b) =>
      b.candidates.filter((c): c is RelationshipCandidate => c.kind === 'relationship'),
    );

  it('is the region of that name, not its city, and the row says so', async () => {
    for (const raw of [
      'Vyacheslav Gladkov, the governor of Belgorod, said the fire at the depot was out.',
      'Belgorod governor Vyacheslav Gladkov said the fire at the depot was out.',
    ]) {
      const [r] = (await run(raw)).filter((x) => x.type === 'GOVERNOR_OF');
      expect(r!.to).toMatchObject({ text: 'Belgorod', entityId: 'belgorod-region' });
      expect(r!.to.suggested).toBeFalsy();
      expect(r!.notes.join(' ')).toMatch(/Belgorod region.*region.*not the city/);
    }
  });

  it('stays the place named when the graph has no region of that name', async () => {
    const [r] = (await run('Vyacheslav Gladkov, the governor of Belgorod, said the fire was out.', WITH_CITY)).filter(
      (x) => x.type === 'GOVERNOR_OF',
    );
    expect(r!.to).toMatchObject({ text: 'Belgorod', entityId: 'belgorod' });
  });

  it('is the place a possessive qualifies: "governor of Russia\'s Belgorod region" governs the region, not Russia', async () => {
    const [r] = (
      await run("Vyacheslav Gladkov, the governor of Russia's Belgorod region, said the fire was out.")
    ).filter((x) => x.type === 'GOVERNOR_OF');
    expect(r!.to).toMatchObject({ text: 'Belgorod region', entityId: 'belgorod-region' });
  });
});
