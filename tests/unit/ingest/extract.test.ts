import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import { batchProblems, MAX_QUOTE_WORDS, wordCount } from '../../../src/ingest/batch';
import { expectWireReport } from './expect-wire';
import { fedFinder } from './fed-finder';
import { GAZETTEER } from './gazetteer';

const FIX = join(__dirname, '../../fixtures/ingest');

describe('extractArticle with the pure-JS name finder', () => {
  it('finds the wire report’s statement, relay, denial, dates and relationships', async () => {
    const raw = readFileSync(join(FIX, 'wire-report.html'), 'utf8');
    const { batch, text } = await extractWithText(
      { raw, format: 'html', source: 'wire-report.html' },
      { extractor: 'js', gazetteer: GAZETTEER },
    );
    expect(batch.extractor).toEqual({ name: 'js', version: expect.any(String) });
    expectWireReport(batch, text);
  });

  it('every quote is an exact slice of at most 30 words, also for long sentences', async () => {
    const long = `Anton Veresov said that ${Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')} in the end.`;
    const { batch, text } = await extractWithText({ raw: long, format: 'txt', source: 'x' }, { extractor: 'js' });
    const claim = batch.candidates.find((c) => c.kind === 'claim')!;
    expect(wordCount(claim.quote)).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
    expect(text.slice(claim.quoteSpan.start, claim.quoteSpan.end)).toBe(claim.quote);
    expect(claim.quote.startsWith('word0')).toBe(true);
    expect(batchProblems(batch, text)).toEqual([]);
  });

  it('batchProblems catches a quote that is not an exact slice', async () => {
    const { batch, text } = await extractWithText(
      { raw: 'Anton Veresov said the lights were back on.', format: 'txt', source: 'x' },
      { extractor: 'js' },
    );
    batch.candidates[0]!.quote = 'Anton  Veresov';
    expect(batchProblems(batch, text)).toEqual([`${batch.candidates[0]!.id}: quote is not the slice at its quoteSpan`]);
  });

  it('without a publication date, relative dates are not guessed and the batch says what is missing', async () => {
    const { batch } = await extractWithText(
      { raw: 'Officials said on Friday that the bridge was closed.', format: 'txt', source: 'x' },
      { extractor: 'js' },
    );
    expect(batch.candidates.filter((c) => c.kind === 'date')).toEqual([]);
    expect(batch.article.missing).toContain('published');
  });
});

describe('a one-word plain-text byline', () => {
  const raw = (word: string) =>
    `Landslide closes coast road\n\nBy ${word}\n\nCrews worked through the night to clear the road, the council said.`;
  const articleOf = async (word: string, extractor: Parameters<typeof extractWithText>[1]['extractor']) =>
    (await extractWithText({ raw: raw(word), format: 'txt', source: 'x' }, { extractor })).batch.article;

  it('is the outlet when the name finder calls the word an organisation', async () => {
    const a = await articleOf('Harbourwire', fedFinder({ Harbourwire: 'ORGANIZATION' }));
    expect(a).toMatchObject({ title: 'Landslide closes coast road', outlet: 'Harbourwire' });
    expect(a.byline).toBeUndefined();
  });

  it('is no outlet when the finder says anything else (CoreNLP 4.5.10 calls "Harbourwire" and "Moonlight" PERSON)', async () => {
    for (const [word, extractor] of [
      ['Harbourwire', fedFinder({ Harbourwire: 'PERSON' })],
      ['Moonlight', fedFinder({ Moonlight: 'PERSON' })],
      ['Harbourwire', 'js'],
      ['Tonight', 'js'],
    ] as const) {
      const a = await articleOf(word, extractor);
      expect(a.title).toBe('Landslide closes coast road');
      expect(a.outlet).toBeUndefined();
      expect(a.byline).toBeUndefined();
    }
    expect(await articleOf('Reuters', 'js')).toMatchObject({ outlet: 'Reuters' });
  });
});
