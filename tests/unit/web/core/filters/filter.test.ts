import { describe, expect, it } from 'vitest';
import {
  CORROBORATION_CAVEAT,
  corroboration,
  corroborationWidth,
  describeCorroboration,
  singleSourceEdges,
} from '../../../../../src/web/core/evidence/corroboration';
import {
  computeViewFilter,
  contestedEvents,
  EMPTY_FILTER,
  NO_FILTERS,
} from '../../../../../src/web/core/filters/filter';
import { publicationDays } from '../../../../../src/web/core/timeline/time-filter';
import { edgeId, graph } from '../../../../support/fixtures';

const published = publicationDays(graph);

describe('corroboration', () => {
  it('reads sources/outlets, derives sources from evidence lists, else unknown', () => {
    // A load without unnamed_outlets (older, or another database) reads as before.
    expect(corroboration({ sources: 3, outlets: 2 })).toEqual({ sources: 3, outlets: 2, unnamed: null });
    expect(corroboration({ evidence_articles: ['a', 'a', 'b'] })).toEqual({ sources: 2, outlets: null, unnamed: null });
    expect(corroboration({ article: 'a' })).toEqual({ sources: null, outlets: null, unnamed: null }); // a mention
    expect(corroboration({})).toEqual({ sources: null, outlets: null, unnamed: null });
    expect(describeCorroboration({ sources: 3, outlets: 2, unnamed: null })).toBe('3 articles · 2 outlets');
    expect(describeCorroboration({ sources: 1, outlets: 1, unnamed: null })).toBe('1 article · 1 outlet');
    expect(describeCorroboration({ sources: 2, outlets: null, unnamed: null })).toBe('2 articles');
  });

  it('says how many articles have no known outlet instead of counting each as an outlet', () => {
    const c = corroboration({ sources: 3, outlets: 1, unnamed_outlets: 2 });
    expect(c).toEqual({ sources: 3, outlets: 1, unnamed: 2 });
    expect(describeCorroboration(c)).toBe('3 articles · 1 outlet + 2 unnamed');
    expect(describeCorroboration(corroboration({ sources: 2, outlets: 2, unnamed_outlets: 0 }))).toBe(
      '2 articles · 2 outlets',
    );
    expect(describeCorroboration(corroboration({ sources: 1, outlets: 0, unnamed_outlets: 1 }))).toBe(
      '1 article · outlet unnamed',
    );
    expect(describeCorroboration(corroboration({ sources: 2, outlets: 0, unnamed_outlets: 2 }))).toBe(
      '2 articles · outlets unnamed',
    );
    expect(CORROBORATION_CAVEAT).not.toMatch(/unnamed outlet .*count(s)? once/);
    expect(CORROBORATION_CAVEAT).toMatch(/rewrite/);
  });

  it('single-source edges exclude multi-source and unprovenanced ones', () => {
    const s = singleSourceEdges(graph.edges);
    expect(s.has(edgeId('NEAR', 'kharkiv', 'belgorod'))).toBe(true);
    expect(s.has(edgeId('GOVERNOR_OF', 'gladkov', 'belgorod'))).toBe(false);
    expect(s.has(edgeId('LINKED', 'tass', 'podolyak'))).toBe(false);
  });

  it('width grows with sources, capped', () => {
    expect(corroborationWidth(1, 1)).toBe(1);
    expect(corroborationWidth(1, null)).toBe(1);
    expect(corroborationWidth(1, 2)).toBeGreaterThan(1);
    expect(corroborationWidth(1, 4)).toBeGreaterThan(corroborationWidth(1, 2));
    expect(corroborationWidth(1, 50)).toBeLessThanOrEqual(3.2);
  });
});

describe('computeViewFilter', () => {
  it('no filters: nothing faded or hidden', () => {
    expect(computeViewFilter(graph, NO_FILTERS, published)).toBe(EMPTY_FILTER);
  });

  it('single-source filter hides exactly the one-article edges', () => {
    const f = computeViewFilter(graph, { ...NO_FILTERS, hideSingleSource: true }, published);
    expect([...f.hideEdges].sort()).toEqual([...singleSourceEdges(graph.edges)].sort());
    expect(f.hideNodes.size).toBe(0);
  });

  it('single-source counts as of the "reported by" day', () => {
    const gov = edgeId('GOVERNOR_OF', 'gladkov', 'belgorod');
    const today = computeViewFilter(graph, { ...NO_FILTERS, hideSingleSource: true }, published);
    expect(today.hideEdges.has(gov)).toBe(false);
    const then = computeViewFilter(graph, { ...NO_FILTERS, hideSingleSource: true, asOf: '2022-12-31' }, published);
    expect(then.hideEdges.has(gov)).toBe(true); // only the Express article had said it by then
  });

  it('the brush fades, or hides with hideOutside; as-reported-by hides', () => {
    const fade = computeViewFilter(
      graph,
      { ...NO_FILTERS, range: { from: '2023-01-01', to: '2023-12-31' } },
      published,
    );
    expect(fade.fadeNodes.has('gubkin')).toBe(true);
    expect(fade.fadeNodes.has('su34')).toBe(false);
    expect(fade.hideNodes.size).toBe(0);
    const hide = computeViewFilter(
      graph,
      { ...NO_FILTERS, range: { from: '2023-01-01', to: '2023-12-31' }, hideOutside: true },
      published,
    );
    expect(hide.hideNodes.has('gubkin')).toBe(true);
    expect(hide.hideEdges.has(edgeId('OCCURRED_IN', 'gubkin', 'belgorod'))).toBe(true);
    const asOf = computeViewFilter(graph, { ...NO_FILTERS, asOf: '2022-12-31' }, published);
    expect(asOf.hideNodes.has('su34')).toBe(true);
    expect(asOf.hideNodes.has('gubkin')).toBe(false);
    expect(asOf.fadeNodes.size).toBe(0);
  });
});

describe('contestedEvents', () => {
  it('marks events with two contradicting claims about them', () => {
    expect([...contestedEvents(graph)]).toEqual(['gubkin']);
    expect(contestedEvents(graph, ['su34']).has('su34')).toBe(true);
  });
});
