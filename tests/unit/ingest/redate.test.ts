/** A publication date given or changed in the review resolves the relative dates again. */
import { describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import type { ClaimCandidate, DateCandidate } from '../../../src/ingest/batch';
import { redated } from '../../../src/ingest/review/redate';

const RAW = `Ferry port shut after warehouse fire

Harbour officials said the fire broke out yesterday. The port reopened on Tuesday, Mayor Ines Barrow said.

The warehouse was built on 3 March 2019.
`;

async function staged(published?: string) {
  return extractWithText(
    { raw: RAW, format: 'txt', source: 'test', meta: published ? { published } : {} },
    { extractor: 'js' },
  );
}
const dates = (b: { candidates: { kind: string }[] }) =>
  b.candidates.filter((c): c is DateCandidate => c.kind === 'date');
const claims = (b: { candidates: { kind: string }[] }) =>
  b.candidates.filter((c): c is ClaimCandidate => c.kind === 'claim');

describe('redated', () => {
  it('resolves the relative dates a batch without a publication date left out, and dates the claims', async () => {
    const { batch, text } = await staged();
    expect(dates(batch).map((d) => d.text)).toEqual(['on 3 March 2019']);
    expect(claims(batch).map((c) => c.date)).toEqual([undefined, undefined]);
    const given = { ...batch, article: { ...batch.article, published: '2025-06-12' } };
    const { batch: after, changed } = redated(given, text);
    const byText = Object.fromEntries(dates(after).map((d) => [d.text, d]));
    expect(byText['yesterday']).toMatchObject({ date: '2025-06-11', notes: [] });
    expect(byText['on Tuesday']).toMatchObject({ date: '2025-06-10' });
    expect(byText['on Tuesday']!.dateBasis).toBe("article published 2025-06-12 (Thursday) says 'on Tuesday'");
    // The absolute date keeps its id; the new ones get ids of their own, next to the other dates.
    expect(byText['on 3 March 2019']!.id).toBe(dates(batch)[0]!.id);
    expect(changed.sort()).toEqual([byText['yesterday']!.id, byText['on Tuesday']!.id].sort());
    expect(new Set(after.candidates.map((c) => c.id)).size).toBe(after.candidates.length);
    const kinds = after.candidates.map((c) => c.kind);
    expect(kinds.lastIndexOf('date')).toBeLessThan(kinds.indexOf('claim'));
    expect(claims(after).map((c) => c.date)).toEqual([byText['yesterday']!.id, byText['on Tuesday']!.id]);
    // The same as extracting with that date in the first place.
    const direct = (await staged('2025-06-12')).batch;
    expect(
      dates(after)
        .map(({ id: _, ...d }) => d)
        .sort((a, b) => a.spans[0]!.start - b.spans[0]!.start),
    ).toEqual(dates(direct).map(({ id: _, ...d }) => d));
  });

  it('a changed publication date moves the relative dates and keeps every id', async () => {
    const { batch, text } = await staged('2025-06-12');
    const moved = { ...batch, article: { ...batch.article, published: '2025-06-20' } };
    const { batch: after, changed } = redated(moved, text);
    expect(dates(after).map((d) => d.id)).toEqual(dates(batch).map((d) => d.id));
    const byText = Object.fromEntries(dates(after).map((d) => [d.text, d]));
    expect(byText['yesterday']!.date).toBe('2025-06-19');
    expect(byText['on Tuesday']!.date).toBe('2025-06-17');
    expect(changed).toHaveLength(2);
    expect(claims(after).map((c) => c.date)).toEqual(claims(batch).map((c) => c.date));
    // Nothing to do when the date is the same.
    expect(redated(batch, text).changed).toEqual([]);
  });
});
