import { afterEach, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { relationshipCaptionOf } from '../../../../src/shared/perspective';
import { primaryLabel } from '../../../../src/web/core/graph/graph-store';
import { activePerspective, setActivePerspective } from '../../../../src/web/core/perspective/active';
import { createRenderGraph, syncRenderGraph, type RenderGraph } from '../../../../src/web/render/render-graph';
import { edgeColor, edgeSize, edgeWeight, labelColor, StyleCache } from '../../../../src/web/render/style';
import { edge, node } from '../../../support/fixtures';
import { newsPerspective, withActivePerspective } from '../../../support/perspectives';

withActivePerspective();

/** A view with what styling depends on: several labels, families, parallel and opposite edges, a `type` property. */
function view(): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [
    node('a', ['Entity', 'Person'], { name: 'Ann' }),
    node('b', ['Place', 'Entity']),
    node('c', ['Event']),
    node('d', ['Article'], { title: 'A story' }),
    node('e', ['Movie']),
    node('f', []),
  ];
  const edges = [
    edge('ab1', 'GOVERNOR_OF', 'a', 'b'),
    edge('ab2', 'GOVERNOR_OF', 'a', 'b'),
    edge('ba', 'LOCATED_IN', 'b', 'a'),
    edge('cb', 'OCCURRED_IN', 'c', 'b'),
    edge('dc', 'MENTIONS', 'd', 'c'),
    edge('de', 'CONTRADICTS', 'd', 'e', { type: 'partly' }),
    edge('ef', 'UNKNOWN_TYPE', 'e', 'f'),
    edge('fa', 'MENTIONS', 'f', 'a'),
  ];
  return { nodes, edges };
}

/** Everything but positions (they depend on what was drawn first), by key. */
function looks(g: RenderGraph) {
  const nodes: Record<string, unknown> = {};
  g.forEachNode((id, { x: _x, y: _y, ...rest }) => (nodes[id] = rest));
  const edges: Record<string, unknown> = {};
  g.forEachEdge((id, a, s, t) => (edges[id] = { ...a, s, t }));
  return { nodes, edges };
}

afterEach(() => setActivePerspective(newsPerspective()));

describe('render graph sync: a first load styles like the incremental path', () => {
  it('gives the same render graph (sizes, colours, captions, curves) in one go as node by node', () => {
    const opts = () => ({ theme: 'light' as const, pinned: new Set(['c']), positions: new Map() });
    const v = view();
    const bulk = createRenderGraph();
    syncRenderGraph(bulk, v, opts());
    const steps = createRenderGraph();
    const o = opts();
    // Grown one node (and its edges to the drawn ones) at a time: never an empty graph after the first.
    for (let i = 1; i <= v.nodes.length; i++) {
      const ids = new Set(v.nodes.slice(0, i).map((n) => n.id));
      syncRenderGraph(
        steps,
        { nodes: v.nodes.slice(0, i), edges: v.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) },
        o,
      );
    }
    expect(looks(bulk)).toEqual(looks(steps));
    expect(bulk.getEdgeAttribute('ab1', 'type')).toBe('curvedArrow');
    expect(bulk.getEdgeAttribute('ba', 'type')).toBe('curvedArrow');
    expect(bulk.getEdgeAttribute('cb', 'type')).toBe('arrow');
    expect(bulk.getNodeAttribute('c', 'fixed')).toBe(true);
    // A theme switch then restyles both alike.
    const dark = { theme: 'dark' as const, pinned: new Set<string>(), positions: new Map() };
    syncRenderGraph(bulk, v, dark);
    syncRenderGraph(steps, v, dark);
    expect(looks(bulk)).toEqual(looks(steps));
    expect(bulk.getNodeAttribute('b', 'color')).toBe(labelColor('Place', 'dark'));
  });

  it('memoised styles answer as the style functions do, for every caption rule', () => {
    const news = newsPerspective();
    const rules = ['type', 'role|type', '{role} ({type})', 'missing'];
    for (const rule of rules) {
      setActivePerspective({ ...news, relationships: [{ ...news.relationships[0]!, type: 'RULED', caption: rule }] });
      for (const theme of ['light', 'dark'] as const) {
        const c = new StyleCache(theme);
        for (const type of ['RULED', 'MENTIONS', 'GOVERNOR_OF', 'NOT_LISTED']) {
          for (const props of [{}, { role: 'mayor' }, { type: 'own' }, { type: '' }]) {
            expect(c.edgeCaption(type, props)).toBe(relationshipCaptionOf(activePerspective(), type, props));
            expect(c.edge(type)).toMatchObject({
              size: edgeSize(type),
              color: edgeColor(type, theme),
              weight: edgeWeight(type),
            });
          }
        }
        for (const labels of [['Entity', 'Person'], ['Person', 'Entity'], ['Movie'], [], ['Entity']]) {
          const l = c.mainLabel(labels);
          expect(l).toBe(primaryLabel(labels));
          expect(c.labelColor(l)).toBe(labelColor(l, theme));
        }
      }
    }
  });
});
