import { describe, expect, it } from 'vitest';
import {
  computeDecorations,
  NO_DECORATIONS,
  sameDecorations,
  shownCounts,
} from '../../../../../src/web/core/filters/decorations';
import { primaryLabel } from '../../../../../src/web/core/graph/graph-store';
import { NO_FILTERS } from '../../../../../src/web/core/filters/filter';
import { publicationDays } from '../../../../../src/web/core/timeline/time-filter';
import { edgeId, graph } from '../../../../support/fixtures';

const BASE = 1.2;
const label = (n: { labels: readonly string[] }) => primaryLabel(n.labels);
const inputs = { filters: NO_FILTERS, published: publicationDays(graph), flagged: [], map: false, baseEdgeSize: BASE };

describe('decorations (what the reducers read)', () => {
  it('rings contested events, thickens corroborated facts and contradictions', () => {
    const d = computeDecorations(graph, inputs);
    expect([...d.contested]).toEqual(['gubkin']);
    expect(d.edgeWidth.get(edgeId('GOVERNOR_OF', 'gladkov', 'belgorod'))).toBeGreaterThan(BASE);
    expect(d.edgeWidth.get(edgeId('CONTRADICTS', 'c-tass', 'c-pod'))).toBe(BASE * 2.4);
    expect(d.edgeWidth.has(edgeId('NEAR', 'kharkiv', 'belgorod'))).toBe(false);
    const counts = shownCounts(graph, d, label);
    expect(counts).toMatchObject({
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      hiddenEdges: 0,
      fadedNodes: 0,
      contested: 1,
    });
    expect(Object.values(counts.byLabel).reduce((a, b) => a + b, 0)).toBe(graph.nodes.length);
  });

  it('counts what is drawn per label: nodes the filters hide are not counted', () => {
    const all = shownCounts(graph, computeDecorations(graph, inputs), label);
    const range = { from: '2023-12-30', to: '2023-12-31' };
    const d = computeDecorations(graph, { ...inputs, filters: { ...NO_FILTERS, range, hideOutside: true } });
    const drawn = shownCounts(graph, d, label);
    expect(d.hideNodes.size).toBeGreaterThan(0);
    expect(drawn.nodes).toBe(graph.nodes.length - d.hideNodes.size);
    expect(Object.values(drawn.byLabel).reduce((a, b) => a + b, 0)).toBe(drawn.nodes);
    expect(Object.keys(all.byLabel).some((l) => (drawn.byLabel[l] ?? 0) < all.byLabel[l]!)).toBe(true);
  });

  it('counts per label only what the brush keeps when it fades the rest, as when it hides it', () => {
    const range = { from: '2023-12-30', to: '2023-12-31' };
    const faded = computeDecorations(graph, { ...inputs, filters: { ...NO_FILTERS, range } });
    const hidden = computeDecorations(graph, { ...inputs, filters: { ...NO_FILTERS, range, hideOutside: true } });
    expect(faded.fadeNodes.size).toBeGreaterThan(0);
    expect(faded.outside).toEqual(faded.fadeNodes);
    const dim = shownCounts(graph, faded, label);
    // Faded nodes are still drawn (dim), but the counts are of what is in range, as "hide the rest" does.
    expect(faded.fadeEdges.size).toBeGreaterThan(0);
    expect(dim.nodes).toBe(shownCounts(graph, hidden, label).nodes);
    expect(dim.edges).toBe(shownCounts(graph, hidden, label).edges);
    expect(dim.nodes).toBe(graph.nodes.length - faded.fadeNodes.size);
    expect(dim.edges).toBe(graph.edges.length - faded.fadeEdges.size);
    expect(dim.fadedNodes).toBe(faded.fadeNodes.size);
    expect(dim.byLabel).toEqual(shownCounts(graph, hidden, label).byLabel);
    expect(dim.contested).toBe(shownCounts(graph, hidden, label).contested);
    expect(Object.values(dim.byLabel).reduce((a, b) => a + b, 0)).toBe(graph.nodes.length - faded.fadeNodes.size);
    // What the map fades (claims, articles) is not left out of the legend.
    const map = computeDecorations(graph, { ...inputs, map: true });
    expect(map.outside.size).toBe(0);
    expect(shownCounts(graph, map, label).nodes).toBe(graph.nodes.length);
    expect(shownCounts(graph, map, label).byLabel).toEqual(
      shownCounts(graph, computeDecorations(graph, inputs), label).byLabel,
    );
  });

  it('on the map, hides mentions and fades claims, articles and their links', () => {
    const d = computeDecorations(graph, { ...inputs, map: true });
    expect(d.hideEdges.has(edgeId('MENTIONS', 'wsj', 'gladkov'))).toBe(true);
    expect(d.fadeNodes.has('c-tass') && d.fadeNodes.has('express')).toBe(true);
    expect(d.fadeEdges.has(edgeId('MADE', 'tass', 'c-tass'))).toBe(true);
    expect(d.fadeNodes.has('belgorod')).toBe(false);
    expect(shownCounts(graph, d, label).hiddenEdges).toBe(2);
  });

  it('tells equal decorations apart from different ones', () => {
    const a = computeDecorations(graph, inputs);
    expect(sameDecorations(a, computeDecorations(graph, inputs))).toBe(true);
    expect(sameDecorations(a, NO_DECORATIONS)).toBe(false);
    expect(
      sameDecorations(a, computeDecorations(graph, { ...inputs, filters: { ...NO_FILTERS, hideSingleSource: true } })),
    ).toBe(false);
  });
});
