import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/article';
import type { DateCandidate, EventCandidate } from '../../../src/ingest/batch';
import { proposalFor } from '../../../src/ingest/review/proposals';
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

  it("an event 'last week' is proposed with the week as its range, not a day of it", async () => {
    // Published on Friday 2024-05-03: last week ran from Monday 2024-04-22 to Sunday 2024-04-28.
    const b = await extractArticle(
      {
        raw: 'A drone struck a fuel depot near Moscow last week.',
        format: 'txt',
        source: 'test',
        meta: { published: '2024-05-03' },
      },
      { extractor: 'js', gazetteer: GAZETTEER },
    );
    const event = b.candidates.find((c): c is EventCandidate => c.kind === 'event');
    expect(event?.date).toBeDefined();
    const { decision } = proposalFor(b, event!, new Map());
    expect(decision).toMatchObject({
      date_from: '2024-04-22',
      date_to: '2024-04-28',
      date_basis: "article published 2024-05-03 (Friday) says 'last week'",
    });
    expect(decision).not.toHaveProperty('date');
  });
});
