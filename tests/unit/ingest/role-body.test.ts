/** "A spokesperson for <body>, <Person>, said": the body is an organisation, the person speaks for it. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { Candidate, ClaimCandidate, EntityCandidate, RelationshipCandidate } from '../../../src/ingest/batch';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { fedFinder } from './fed-finder';

async function extract(raw: string, extractor: NameFinder) {
  const b = await extractArticle({ raw, format: 'txt', source: 'test' }, { extractor });
  const of = <K extends Candidate['kind']>(k: K) =>
    b.candidates.filter((c): c is Extract<Candidate, { kind: K }> => c.kind === k);
  const entities = of('entity') as EntityCandidate[];
  return {
    entity: (text: string) => entities.find((e) => e.text === text),
    claims: of('claim') as ClaimCandidate[],
    relations: of('relationship') as RelationshipCandidate[],
  };
}

// CoreNLP 4.5.10 types these one-word company names as places (LOCATION) in these sentences, and
// such names as people's elsewhere: either way they are bodies after a spokesperson's role.
const AS = (body: 'PLACE' | 'PERSON') =>
  fedFinder({
    Ukrenergo: body,
    Ukrzaliznytsia: body,
    'Maria Petrenko': 'PERSON',
    'Taras Bondar': 'PERSON',
    Zelensky: 'PERSON',
    Putin: 'PERSON',
    Kharkiv: 'PLACE',
    Russia: 'PLACE',
  });

describe('a body named after a role phrase', () => {
  for (const typed of ['PLACE', 'PERSON'] as const) {
    const FINDER = AS(typed);
    it(`is an organisation, and the person in apposition is the claimant who speaks for it (typed ${typed})`, async () => {
      const { entity, claims, relations } = await extract(
        'A spokesperson for Ukrenergo, Maria Petrenko, said the grid was stable after the night of repairs.',
        FINDER,
      );
      expect(entity('Ukrenergo')).toMatchObject({ type: 'ORGANIZATION' });
      expect(entity('Ukrenergo')!.notes.join(' ')).toMatch(new RegExp(`"A spokesperson for" \\(was ${typed}\\)`));
      expect(entity('Maria Petrenko')).toMatchObject({ type: 'PERSON' });
      expect(claims).toHaveLength(1);
      expect(claims[0]!.claimant).toMatchObject({ text: 'Maria Petrenko', candidate: entity('Maria Petrenko')!.id });
      expect(claims[0]!.statement).toBe('the grid was stable after the night of repairs');
      expect(relations).toEqual([
        expect.objectContaining({
          type: 'SPOKESPERSON_FOR',
          from: expect.objectContaining({ text: 'Maria Petrenko' }),
          to: expect.objectContaining({ text: 'Ukrenergo', candidate: entity('Ukrenergo')!.id }),
          quote: 'A spokesperson for Ukrenergo, Maria Petrenko',
        }),
      ]);
    });

    it(`covers press services and heads; the head leads the body (typed ${typed})`, async () => {
      const { entity, claims, relations } = await extract(
        'The press service of Ukrzaliznytsia said two trains were delayed by the outage. ' +
          'A spokesman for Ukrenergo said the lines were damaged. ' +
          'The head of Ukrenergo, Taras Bondar, said the repairs would take a week.',
        FINDER,
      );
      expect(entity('Ukrzaliznytsia')).toMatchObject({ type: 'ORGANIZATION' });
      expect(entity('Ukrenergo')).toMatchObject({ type: 'ORGANIZATION' });
      expect(claims.map((c) => [c.claimant.text, c.claimant.resolvedBy])).toEqual([
        ['Ukrzaliznytsia', 'name'],
        ['Ukrenergo', 'name'],
        ['Taras Bondar', 'name'],
      ]);
      expect(relations).toEqual([
        expect.objectContaining({
          type: 'LEADS',
          from: expect.objectContaining({ text: 'Taras Bondar' }),
          to: expect.objectContaining({ text: 'Ukrenergo' }),
          notes: ['title: head'],
        }),
      ]);
    });
  }

  it('leaves people and places alone: after a title, owning what the role is of, a city headed, a country', async () => {
    const { entity } = await extract(
      'A spokesman for President Zelensky said the talks would go on. The head of Putin’s administration said nothing. ' +
        'The head of Kharkiv said the metro was open. A spokesman for Russia said the talks were over.',
      AS('PLACE'),
    );
    expect(entity('Zelensky')).toMatchObject({ type: 'PERSON' });
    expect(entity('Putin')).toMatchObject({ type: 'PERSON' });
    expect(entity('Kharkiv')).toMatchObject({ type: 'PLACE' });
    expect(entity('Russia')).toMatchObject({ type: 'PLACE' });
  });
});
