/**
 * "By Anna Kowal, Harbourview": a bare name after the byline's names, with no outlet word and no
 * "The", is the outlet; "By Anna Kowal, Kyiv" is where she files from — a place by the lexicon
 * (a capital or country), by the finder or the graph anywhere in the text, or by "in"/"from"/"near"
 * before it in the text — and no outlet.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { EntityType } from '../../../src/ingest/batch';
import { fedFinder } from './fed-finder';

const raw = (byline: string, body = 'Crossings to Norrby stopped on Tuesday, the operator Baltline said.') =>
  `Storm closes the northern ferry route\n\n${byline}\n\n${body} Captain Erik Lund said the waves were too high.\n`;

async function outletOf(byline: string, opts: { body?: string; types?: Record<string, EntityType> } = {}) {
  const extractor = opts.types ? fedFinder({ 'Anna Kowal': 'PERSON', ...opts.types }) : 'js';
  return (await extractArticle({ raw: raw(byline, opts.body), format: 'txt', source: 'test' }, { extractor })).article
    .outlet;
}

describe('a bare name after the byline names', () => {
  it('is the outlet when nothing calls it a place, whichever finder', async () => {
    expect(await outletOf('By Anna Kowal, Harbourview')).toBe('Harbourview');
    expect(await outletOf('By Anna Kowal, Harbourview', { types: { Harbourview: 'ORGANIZATION' } })).toBe(
      'Harbourview',
    );
    expect(await outletOf('By Anna Kowal | Harbourview', { types: {} })).toBe('Harbourview');
  });

  it('is no outlet when the lexicon knows it as a capital or country, even typed ORGANIZATION there', async () => {
    expect(await outletOf('By Anna Kowal, Kyiv')).toBeUndefined();
    expect(await outletOf('By Anna Kowal, Kyiv', { types: { Kyiv: 'ORGANIZATION' } })).toBeUndefined();
    expect(await outletOf('By Anna Kowal, Poland')).toBeUndefined();
  });

  it('is no outlet when the text puts something in, from or near it', async () => {
    const body = 'Ferries from Westbrook stopped on Tuesday.';
    expect(await outletOf('By Anna Kowal, Westbrook', { body })).toBeUndefined();
    expect(await outletOf('By Anna Kowal, Westbrook', { body, types: { Westbrook: 'ORGANIZATION' } })).toBeUndefined();
    expect(await outletOf('By Anna Kowal, Westbrook')).toBe('Westbrook');
  });

  it('is no outlet when the finder types it a place elsewhere in the text only', async () => {
    const extractor = {
      info: { name: 'corenlp', version: 'fed' },
      find: async (text: string) => {
        const at = text.lastIndexOf('Westbrook');
        return [
          {
            start: at,
            end: at + 9,
            text: 'Westbrook',
            type: 'PLACE' as const,
            source: 'corenlp' as const,
            confidence: 0.8,
          },
        ];
      },
    };
    const body = 'The storm reached Westbrook on Tuesday.';
    const b = await extractArticle(
      { raw: raw('By Anna Kowal, Westbrook', body), format: 'txt', source: 'test' },
      { extractor },
    );
    expect(b.article.outlet).toBeUndefined();
  });
});
