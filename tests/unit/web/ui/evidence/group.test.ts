import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../../src/shared/api';
import { groupByQuote } from '../../../../../src/web/ui/evidence/group';

const article = (key: string): Evidence['article'] => ({
  id: null,
  key,
  title: key,
  outlet: null,
  outletInferred: false,
  published: null,
  publishedFrom: null,
  publishedTo: null,
});
const other = { id: 'x', key: null, labels: ['Entity'], caption: 'x' } as unknown as NonNullable<
  Evidence['relationship']
>['other'];
const ev = (
  rel: string | null,
  art: string,
  quote: string,
  start: number | null = 1,
  end: number | null = 9,
): Evidence => ({
  relationship: rel ? { id: rel, type: rel.toUpperCase(), direction: 'in', other } : null,
  article: article(art),
  quote,
  start,
  end,
});

describe('evidence grouped by quote', () => {
  it('shows a claim’s quote, written on each of its links, once with every link it supports', () => {
    const q = 'Russia has accused Ukraine of firing missiles armed with cluster bombs.';
    const groups = groupByQuote([
      ev('made', 'tg', q),
      ev('reports', 'tg', q),
      ev('about', 'tg', q),
      ev('contradicts', 'tg', q),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.relationships.map((r) => r.id)).toEqual(['made', 'reports', 'about', 'contradicts']);
    expect(groups[0]!.sources).toEqual([{ article: article('tg'), start: 1, end: 9 }]);
  });

  it('lists each article of the same words, and keeps different quotes apart, in order', () => {
    const groups = groupByQuote([
      ev('a', 'bbc', 'Same words.'),
      ev('b', 'other', 'Else.'),
      ev('a', 'tg', 'Same words. ', 5, 16),
    ]);
    expect(groups.map((g) => g.quote.trim())).toEqual(['Same words.', 'Else.']);
    expect(groups[0]!.relationships.map((r) => r.id)).toEqual(['a']);
    expect(groups[0]!.sources.map((s) => [s.article.key, s.start])).toEqual([
      ['bbc', 1],
      ['tg', 5],
    ]);
  });
});
