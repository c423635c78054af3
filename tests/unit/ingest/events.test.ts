import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { DateCandidate, EventCandidate } from '../../../src/ingest/batch';
import { GAZETTEER } from './gazetteer';

async function events(text: string) {
  const b = await extractArticle(
    { raw: text, format: 'txt', source: 'test', meta: { published: '2024-05-03' } },
    { extractor: 'js', gazetteer: GAZETTEER },
  );
  const date = (id?: string) => b.candidates.find((c): c is DateCandidate => c.kind === 'date' && c.id === id);
  return b.candidates
    .filter((c): c is EventCandidate => c.kind === 'event')
    .map((e) => ({ trigger: e.trigger, date: date(e.date)?.text }));
}

describe('event leads', () => {
  it('a date opening a period ("since … February 2022") is not when the event was', async () => {
    expect(await events('Moscow has been struck repeatedly since the start of the war in February 2022.')).toEqual([]);
    expect(await events('Moscow has been struck repeatedly since February 2022, and again on Friday.')).toEqual([
      { trigger: 'struck', date: 'on Friday' },
    ]);
    expect(await events('A drone struck Moscow in February 2022.')).toEqual([
      { trigger: 'struck', date: 'February 2022' },
    ]);
  });
});
