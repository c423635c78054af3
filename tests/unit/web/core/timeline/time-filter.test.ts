import { describe, expect, it } from 'vitest';
import {
  activeInRange,
  eventSpan,
  publicationDays,
  reportedBy,
  timeExtent,
} from '../../../../../src/web/core/timeline/time-filter';
import { edgeId, graph } from '../../../../support/fixtures';

describe('eventSpan', () => {
  it('reads date, or a range, or one bound', () => {
    expect(eventSpan({ date: '2023-04-20' })).toEqual({ from: '2023-04-20', to: '2023-04-20' });
    expect(eventSpan({ date_from: '2022-10-09', date_to: '2022-10-13' })).toEqual({
      from: '2022-10-09',
      to: '2022-10-13',
    });
    expect(eventSpan({ date_to: '2023-04-21' })).toEqual({ from: '2023-04-21', to: '2023-04-21' });
    expect(eventSpan({ date_from: '2022-02-24T00:00:00Z' })).toEqual({ from: '2022-02-24', to: '2022-02-24' });
    expect(eventSpan({ name: 'no date' })).toBeNull();
    expect(eventSpan({ date: 'last spring' })).toBeNull();
  });
});

describe('activeInRange (brushing)', () => {
  it('2023 keeps the 2023 event, its claim, claimant and place; fades 2022 events and articles', () => {
    const a = activeInRange(graph, { from: '2023-01-01', to: '2023-12-31' });
    expect(a.nodes.has('su34')).toBe(true);
    expect(a.nodes.has('c-gladkov')).toBe(true);
    expect(a.nodes.has('gladkov')).toBe(true);
    expect(a.nodes.has('belgorod')).toBe(true);
    expect(a.nodes.has('wsj')).toBe(true); // published in 2023
    expect(a.nodes.has('gubkin')).toBe(false);
    expect(a.nodes.has('war')).toBe(false); // began 2022-02-24
    expect(a.nodes.has('express')).toBe(false);
    expect(a.nodes.has('c-tass')).toBe(false);
    expect(a.nodes.has('tass')).toBe(false);
    expect(a.nodes.has('lonely')).toBe(false);
    expect(a.edges.has(edgeId('OCCURRED_IN', 'su34', 'belgorod'))).toBe(true);
    expect(a.edges.has(edgeId('OCCURRED_IN', 'gubkin', 'belgorod'))).toBe(false);
    // Both ends bright: Gladkov governs Belgorod.
    expect(a.edges.has(edgeId('GOVERNOR_OF', 'gladkov', 'belgorod'))).toBe(true);
  });

  it('a range overlapping a multi-day event keeps it', () => {
    const a = activeInRange(graph, { from: '2022-10-13', to: '2022-10-20' });
    expect(a.nodes.has('gubkin')).toBe(true);
    expect(a.nodes.has('c-tass')).toBe(true);
    expect(a.nodes.has('c-pod')).toBe(true);
    expect(a.edges.has(edgeId('CONTRADICTS', 'c-tass', 'c-pod'))).toBe(true);
    expect(a.nodes.has('express')).toBe(true);
  });

  it('an empty range keeps nothing', () => {
    const a = activeInRange(graph, { from: '1990-01-01', to: '1990-12-31' });
    expect(a.nodes.size).toBe(0);
    expect(a.edges.size).toBe(0);
  });
});

describe('reportedBy (as reported by)', () => {
  const published = publicationDays(graph);

  it('reads publication days from Article nodes', () => {
    expect(published.get('express')).toBe('2022-10-13');
    expect(published.get('wsj')).toBe('2023-04-21');
  });

  it('2022-12-31 hides what only the 2023 article reports, keeps what the 2022 one does', () => {
    const r = reportedBy(graph, '2022-12-31', published);
    expect(r.nodes.has('gubkin')).toBe(true);
    expect(r.nodes.has('c-tass')).toBe(true);
    expect(r.nodes.has('express')).toBe(true);
    expect(r.nodes.has('su34')).toBe(false);
    expect(r.nodes.has('c-gladkov')).toBe(false);
    expect(r.nodes.has('wsj')).toBe(false);
    expect(r.nodes.has('war')).toBe(false); // only the 2023 article places the war
    expect(r.edges.has(edgeId('OCCURRED_IN', 'su34', 'belgorod'))).toBe(false);
    expect(r.edges.has(edgeId('MENTIONS', 'wsj', 'gladkov'))).toBe(false);
    // Gladkov governs Belgorod in both articles: known then, with one source then (two today).
    const gov = edgeId('GOVERNOR_OF', 'gladkov', 'belgorod');
    expect(r.edges.has(gov)).toBe(true);
    expect(r.sourcesThen.get(gov)).toBe(1);
    // An edge without any provenance cannot be dated: kept.
    expect(r.edges.has(edgeId('LINKED', 'tass', 'podolyak'))).toBe(true);
  });

  it('after the last article, everything is known', () => {
    const r = reportedBy(graph, '2030-01-01', published);
    for (const e of graph.edges) expect(r.edges.has(e.id), e.id).toBe(true);
    expect(r.sourcesThen.get(edgeId('GOVERNOR_OF', 'gladkov', 'belgorod'))).toBe(2);
  });

  it('before the first article, only unprovenanced facts remain', () => {
    const r = reportedBy(graph, '2000-01-01', published);
    expect([...r.edges]).toEqual([edgeId('LINKED', 'tass', 'podolyak')]);
  });
});

describe('timeExtent', () => {
  it('spans events and publications', () => {
    expect(timeExtent(graph)).toEqual({ from: '2022-02-24', to: '2023-04-21' });
    expect(timeExtent({ nodes: [], edges: [] })).toBeNull();
  });
});
