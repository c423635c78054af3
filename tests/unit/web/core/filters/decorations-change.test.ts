import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import {
  computeDecorations,
  NO_DECORATIONS,
  NO_SHOWN,
  sameDecorations,
  shownCounts,
  withAddedItems,
  type ShownCounts,
  type ViewDecorations,
} from '../../../../../src/web/core/filters/decorations';
import { NO_FILTERS } from '../../../../../src/web/core/filters/filter';
import { Random } from '../../../../../bench/lib/random';

const BASE = 1.2;
const LABELS = [['Person'], ['Place'], ['Event'], ['Person', 'Organization']];
const TYPES = ['KNOWS', 'LOCATED_IN', 'INVOLVES', 'MENTIONS'];
const labelOf = (n: GraphNode) => n.labels;
/** Events the timeline flags as contested: some are loaded by a later expansion, one never. */
const FLAGGED = ['s2n0', 's5n1', 's9n0', 's17n0', 'never'];
const full = (nodes: GraphNode[], edges: GraphEdge[]) => {
  const g = { nodes, edges };
  const decorations = computeDecorations(g, {
    filters: NO_FILTERS,
    published: new Map(),
    flagged: FLAGGED,
    map: false,
    baseEdgeSize: BASE,
  });
  return { decorations, shown: shownCounts(g, decorations, labelOf) };
};

describe('decorations of a view that only gained items', () => {
  it('equal a recomputation over the whole view after each expansion (new and reloaded items)', () => {
    const r = new Random(7);
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const empty = full([], []);
    let d: ViewDecorations = empty.decorations;
    let shown: ShownCounts = empty.shown;
    let sawWidened = false;
    for (let step = 0; step < 30; step++) {
      const changedNodes: GraphNode[] = [];
      const changedEdges: GraphEdge[] = [];
      const ids = [...nodes.keys()];
      // Some reloaded nodes (fresh data: maybe other labels), some new ones.
      for (let i = 0; i < 3 && ids.length; i++) {
        const id = ids[r.int(0, ids.length - 1)]!;
        if (changedNodes.some((n) => n.id === id)) continue;
        changedNodes.push({ id, key: id, labels: LABELS[r.int(0, LABELS.length - 1)]!, caption: id, properties: {} });
      }
      for (let i = 0; i < r.int(1, 6); i++) {
        const id = `s${step}n${i}`;
        changedNodes.push({ id, key: id, labels: LABELS[r.int(0, LABELS.length - 1)]!, caption: id, properties: {} });
      }
      const all = [...ids, ...changedNodes.map((n) => n.id)];
      for (let i = 0; i < r.int(1, 8); i++) {
        const reload = edges.size && r.next() < 0.3;
        const old = reload ? [...edges.values()][r.int(0, edges.size - 1)]! : null;
        const sources = r.int(0, 5);
        changedEdges.push({
          id: old?.id ?? `s${step}e${i}`,
          type: old?.type ?? TYPES[r.int(0, TYPES.length - 1)]!,
          source: old?.source ?? all[r.int(0, all.length - 1)]!,
          target: old?.target ?? all[r.int(0, all.length - 1)]!,
          properties: sources ? { evidence_articles: Array.from({ length: sources }, (_, k) => `a${k}`) } : {},
        });
      }
      const items = {
        nodes: changedNodes.map((node) => ({ node, was: nodes.get(node.id) })),
        edges: changedEdges
          .filter((e, i, a) => a.findIndex((x) => x.id === e.id) === i)
          .map((edge) => ({ edge, drawn: edges.has(edge.id) })),
      };
      const next = withAddedItems(d, shown, items, labelOf, BASE);
      for (const n of changedNodes) nodes.set(n.id, n);
      for (const { edge } of items.edges) edges.set(edge.id, edge);
      const want = full([...nodes.values()], [...edges.values()]);
      expect(next).not.toBeNull();
      expect(next!.shown).toEqual(want.shown);
      expect(sameDecorations(next!.decorations, want.decorations)).toBe(true);
      // Exactly the edges whose width changed are listed for a repaint.
      const changed = items.edges.filter(
        ({ edge }) => (d.edgeWidth.get(edge.id) ?? BASE) !== (want.decorations.edgeWidth.get(edge.id) ?? BASE),
      );
      expect(next!.widened.sort()).toEqual(changed.map(({ edge }) => edge.id).sort());
      sawWidened ||= next!.widened.length > 0;
      d = next!.decorations;
      shown = next!.shown;
    }
    expect(sawWidened).toBe(true);
    // The flagged events that were loaded are counted as drawn contested events.
    expect(shown.contested).toBe(FLAGGED.filter((id) => nodes.has(id)).length);
    expect(shown.contested).toBeGreaterThan(1);
  });

  it('defers to a recomputation when a claim link may change what is contested', () => {
    const about: GraphEdge = { id: 'e', type: 'ABOUT', source: 'c', target: 'ev', properties: {} };
    expect(
      withAddedItems(NO_DECORATIONS, NO_SHOWN, { nodes: [], edges: [{ edge: about, drawn: false }] }, labelOf, BASE),
    ).toBeNull();
  });
});
