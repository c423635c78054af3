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

describe('the outlet named after "in" elsewhere in the text', () => {
  it('is the outlet when an outlet word follows it there ("in Harbourview Gazette")', async () => {
    const body = 'Captain Lund, writing in Harbourview Gazette last year, warned of storms.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body })).toBe('Harbourview');
    const in2 = 'The warning ran in Harbourview Times on Monday.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body: in2 })).toBe('Harbourview');
  });

  it('is the outlet after "writing in", "published in" and the like', async () => {
    expect(await outletOf('By Anna Kowal, Harbourview', { body: 'Lund, writing in Harbourview, urged calm.' })).toBe(
      'Harbourview',
    );
    const published = 'A letter published in Harbourview on Monday urged calm.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body: published })).toBe('Harbourview');
  });

  it('is the outlet when the text has it report, where a bare "in" it is ambiguous', async () => {
    const body = 'Harbourview reported on Monday that Lund told reporters in Harbourview the route was closed.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body })).toBe('Harbourview');
  });

  it('is the outlet when the finder types it an organisation right after "in"', async () => {
    const body = 'Lund told reporters in Harbourview the route was closed.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body, types: { Harbourview: 'ORGANIZATION' } })).toBe(
      'Harbourview',
    );
  });

  it('is still a place after a bare "in", and after "from" or "near" whatever reports it', async () => {
    expect(
      await outletOf('By Anna Kowal, Harbourview', {
        body: 'Lund told reporters in Harbourview the route was closed.',
      }),
    ).toBeUndefined();
    const near = 'Harbourview reported on Monday that the ferry sank near Harbourview.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body: near })).toBeUndefined();
    const gazetteAndPlace = 'Writing in Harbourview Gazette, Lund said ferries from Harbourview stopped.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body: gazetteAndPlace })).toBeUndefined();
    // Harbourview Gazette is cited, not Harbourview.
    const gazetteInPlace = 'Writing in Harbourview Gazette, Lund said ferries in Harbourview stopped.';
    expect(await outletOf('By Anna Kowal, Harbourview', { body: gazetteInPlace })).toBeUndefined();
  });
});
