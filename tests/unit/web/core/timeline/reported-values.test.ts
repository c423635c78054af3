import { describe, expect, it } from 'vitest';
import { computeViewFilter, NO_FILTERS } from '../../../../../src/web/core/filters/filter';
import { nodeAsOf, valuesAsOf } from '../../../../../src/web/core/timeline/reported-values';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';

// A campaign whose end each article moves, as the seed loader stores it: the latest value on the
// node and every article's value in parallel lists, oldest article first.
const published = new Map([
  ['telegraph', '2022-07-03'],
  ['wsj', '2023-04-21'],
  ['wapo', '2023-12-30'],
]);
const campaign: GraphNode = {
  id: 'shelling',
  key: 'shelling',
  labels: ['Event', 'Entity'],
  caption: 'Shelling of border regions',
  properties: {
    name: 'Shelling of border regions',
    date_from: '2022-02-24',
    date_to: '2023-12-30',
    killed: 25,
    reported_properties: ['date_to', 'date_from', 'date_to', 'killed', 'date_to'],
    reported_values: ['2022-07-03', '2022-02-24', '2023-04-21', '25', '2023-12-30'],
    reported_articles: ['telegraph', 'wsj', 'wsj', 'wsj', 'wapo'],
  },
};
const article = (id: string): GraphNode => ({
  id,
  key: id,
  labels: ['Article'],
  caption: id,
  properties: { published: published.get(id) },
});
const reports = (a: string): GraphEdge => ({
  id: `${a}-mentions`,
  type: 'MENTIONS',
  source: a,
  target: 'shelling',
  properties: { article: a, evidence_articles: [a] },
});

describe('valuesAsOf', () => {
  it('takes the last value published by the day and drops what no article had given yet', () => {
    const early = valuesAsOf(campaign.properties, '2022-12-31', published);
    expect(early.date_to).toBe('2022-07-03');
    expect('date_from' in early).toBe(false);
    expect('killed' in early).toBe(false);
    const mid = valuesAsOf(campaign.properties, '2023-12-29', published);
    expect(mid.date_to).toBe('2023-04-21');
    expect(mid.date_from).toBe('2022-02-24');
    expect(mid.killed).toBe(25);
    expect(valuesAsOf(campaign.properties, '2023-12-30', published).date_to).toBe('2023-12-30');
  });

  it('leaves a node without per-value sources as it is', () => {
    const plain = article('wsj');
    expect(nodeAsOf(plain, '2022-01-01', published)).toBe(plain);
    expect(valuesAsOf({ date: '2023-04-20' }, '2022-01-01', published)).toEqual({ date: '2023-04-20' });
  });
});

describe('brushing as reported by a day', () => {
  const g = {
    nodes: [campaign, ...['telegraph', 'wsj', 'wapo'].map(article)],
    edges: ['telegraph', 'wsj', 'wapo'].map(reports),
  };
  const range = { from: '2023-06-01', to: '2023-12-31' };

  it('fades an event whose end, as known then, is before the range', () => {
    const then = computeViewFilter(g, { ...NO_FILTERS, asOf: '2023-04-21', range }, published);
    expect(then.fadeNodes.has('shelling')).toBe(true);
  });

  it('keeps it once the article that moved its end is out', () => {
    const now = computeViewFilter(g, { ...NO_FILTERS, range }, published);
    expect(now.fadeNodes.has('shelling')).toBe(false);
    const later = computeViewFilter(g, { ...NO_FILTERS, asOf: '2023-12-30', range }, published);
    expect(later.fadeNodes.has('shelling')).toBe(false);
  });
});
