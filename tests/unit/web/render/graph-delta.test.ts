import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { createRenderGraph, syncRenderGraph } from '../../../../src/web/render/render-graph';
import { GraphDelta } from '../../../../src/web/render/sigma/graph-delta';
import { edge, node } from '../../../support/fixtures';
import { withActivePerspective } from '../../../support/perspectives';

withActivePerspective();

/** A graph whose events are recorded into `delta.current` (swappable, as the sigma controller does). */
function recorded() {
  const graph = new MultiDirectedGraph();
  const box = { current: new GraphDelta() };
  for (const [e, l] of GraphDelta.listeners(() => box.current, graph)) graph.on(e as 'nodeAdded', l);
  return { graph, box };
}

describe('graph delta (what sigma must re-index after a batch)', () => {
  it('records added, changed and dropped items by key', () => {
    const { graph, box } = recorded();
    graph.addNode('a', { x: 0, y: 0 });
    graph.addNode('b', { x: 1, y: 1 });
    graph.addDirectedEdgeWithKey('ab', 'a', 'b');
    box.current = new GraphDelta();
    graph.addNode('c', { x: 2, y: 2 });
    graph.mergeNodeAttributes('a', { size: 4 });
    graph.mergeEdgeAttributes('ab', { color: 'red' });
    graph.dropNode('b');
    const d = box.current;
    expect([...d.nodes].sort()).toEqual(['a', 'c']);
    expect([...d.edges]).toEqual(['ab']);
    expect([...d.droppedNodes]).toEqual(['b']);
    // A node's edges go with it, each with its own event.
    expect([...d.droppedEdges]).toEqual(['ab']);
    expect(d.full || d.nodesAll).toBe(false);
    expect(d.size()).toBe(5);
  });

  it('ignores bulk moves, marks every node for other bulk node updates, and gives up on bulk edge updates', () => {
    const { graph, box } = recorded();
    graph.addNode('a', { x: 0, y: 0 });
    box.current = new GraphDelta();
    expect(box.current.moved).toBe(false);
    graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: 5 }), { attributes: ['x', 'y'] });
    expect(box.current.nodesAll).toBe(false);
    // (Sigma's full pass reads positions itself; only an append-only index must know.)
    expect(box.current.moved).toBe(true);
    graph.updateEachNodeAttributes((_id, a) => ({ ...a, size: 5 }));
    expect(box.current.nodesAll).toBe(true);
    expect(box.current.full).toBe(false);
    graph.updateEachEdgeAttributes((_id, a) => a);
    expect(box.current.full).toBe(true);
  });

  it('stops tracking when most of the graph changed (a fresh load is re-indexed whole)', () => {
    const { graph, box } = recorded();
    for (let i = 0; i < 3000; i++) graph.addNode(`n${i}`, { x: i, y: 0 });
    expect(box.current.full).toBe(true);
    expect(box.current.size()).toBe(0);
    box.current = new GraphDelta();
    graph.addNode('late', { x: 0, y: 0 });
    expect([...box.current.nodes]).toEqual(['late']);
  });

  it('an expansion re-sync changes only the new items and the nodes whose degree grew', () => {
    const g = createRenderGraph();
    const opts = { theme: 'light' as const, pinned: new Set<string>(), positions: new Map() };
    const nodes = [node('a'), node('b'), node('c'), node('d')];
    const edges = [edge('ab', 'KNOWS', 'a', 'b'), edge('cd', 'KNOWS', 'c', 'd')];
    syncRenderGraph(g, { nodes, edges }, opts);
    const box = { current: new GraphDelta() };
    for (const [e, l] of GraphDelta.listeners(() => box.current, g)) g.on(e as 'nodeAdded', l);
    syncRenderGraph(g, { nodes: [...nodes, node('x')], edges: [...edges, edge('ax', 'KNOWS', 'a', 'x')] }, opts);
    const d = box.current;
    expect(d.full || d.nodesAll).toBe(false);
    expect([...d.nodes].sort()).toEqual(['a', 'x']);
    expect([...d.edges]).toEqual(['ax']);
    // A parallel edge re-curves its pair only.
    box.current = new GraphDelta();
    syncRenderGraph(
      g,
      { nodes: [...nodes, node('x')], edges: [...edges, edge('ax', 'KNOWS', 'a', 'x'), edge('xa', 'KNOWS', 'x', 'a')] },
      opts,
    );
    expect([...box.current.edges].sort()).toEqual(['ax', 'xa']);
    expect(g.getEdgeAttribute('ab', 'type')).toBe('arrow');
    expect(g.getEdgeAttribute('ax', 'type')).toBe('curvedArrow');
  });
});
