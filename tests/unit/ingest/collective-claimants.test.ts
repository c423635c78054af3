/** Bodies named by what they are ("Emergency services said…") speak as organisations do. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { ClaimCandidate, EntityCandidate } from '../../../src/ingest/batch';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { fedFinder } from './fed-finder';

const ARTICLE = `Warehouse fire contained

Emergency services said the fire was under control by midnight. Local authorities said the coast road would reopen on Friday. Rescue teams reported that nobody was missing. By morning the police said two streets were still closed.
`;

async function read(raw: string, extractor: 'js' | NameFinder) {
  const b = await extractArticle(
    { raw, format: 'txt', source: 'test', meta: { published: '2025-06-12' } },
    { extractor },
  );
  const entity = (id?: string) =>
    b.candidates.find((c): c is EntityCandidate => c.kind === 'entity' && c.id === id && id !== undefined);
  return b.candidates
    .filter((c): c is ClaimCandidate => c.kind === 'claim')
    .map((c) => ({ who: c.claimant.text, entity: entity(c.claimant.candidate), claim: c }));
}

const BODIES = ['Emergency services', 'Local authorities', 'Rescue teams', 'police'];

describe('a collective body before a reporting verb', () => {
  for (const [name, finder] of [
    ['the pure-JS finder', 'js'],
    ['CoreNLP (which tags none of these words)', fedFinder({})],
  ] as const)
    it(`is the claimant, an organisation candidate like a named one (${name})`, async () => {
      const claims = await read(ARTICLE, finder);
      expect(claims.map((c) => c.who)).toEqual(BODIES);
      for (const c of claims) {
        expect(c.entity, c.who).toMatchObject({
          type: 'ORGANIZATION',
          text: expect.stringMatching(/services|authorities|teams|police/i),
        });
        expect(c.claim.notes).not.toContain('unnamed source');
        expect(c.claim.confidence).toBeGreaterThanOrEqual(0.7);
      }
      expect(claims[0]!.claim.statement).toBe('the fire was under control by midnight');
    });

  it('needs the verb and a qualifier; unnamed people stay unnamed sources', async () => {
    const claims = await read(
      'Emergency services were called at dusk. At dusk teams said the smoke had cleared. Local officials said the school would open on Monday.',
      'js',
    );
    expect(claims.map((c) => c.who)).toEqual(['Local officials']);
    expect(claims[0]!.entity).toBeUndefined();
    expect(claims[0]!.claim.notes).toContain('unnamed source');
  });
});
