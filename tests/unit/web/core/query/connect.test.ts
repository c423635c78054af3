import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { resultConnectRequest, resultStatus, withConnecting } from '../../../../../src/web/core/query/connect';
import { addLayer, EMPTY_GRAPH } from '../../../../../src/web/core/graph/graph-store';

const node = (id: string): GraphNode => ({ id, key: null, labels: ['Person'], caption: id, properties: {} });
const edge = (id: string, source: string, target: string): GraphEdge =>
  ({ id, type: 'ACTED_IN', source, target, properties: {} }) as GraphEdge;

describe('connect result nodes', () => {
  it('asks for the edges among the result, and to the view when the result joins it, within the caps', () => {
    const result = { nodes: [node('a'), node('b'), node('c')], edges: [] };
    expect(resultConnectRequest(result, null, { nodes: 10, among: 10 })).toEqual({
      nodes: ['a', 'b', 'c'],
      among: [],
      cut: false,
    });
    const view = addLayer(
      EMPTY_GRAPH,
      { nodes: [node('a'), node('x'), node('y')], edges: [] },
      { kind: 'query', title: 't' },
    );
    const req = resultConnectRequest(result, view, { nodes: 2, among: 1 })!;
    expect(req.nodes).toEqual(['a', 'b']);
    expect(req.among).toHaveLength(1);
    expect(['x', 'y']).toContain(req.among[0]);
    expect(req.cut).toBe(true);
    expect(resultConnectRequest({ nodes: [node('a')], edges: [] }, null, { nodes: 10, among: 10 })).toBeNull();
  });

  it('adds only the relationships the result did not hold', () => {
    const result = { nodes: [node('a'), node('b')], edges: [edge('r1', 'a', 'b')] };
    const { graph, added } = withConnecting(result, [edge('r1', 'a', 'b'), edge('r2', 'b', 'a')]);
    expect(added).toBe(1);
    expect(graph.edges.map((e) => e.id)).toEqual(['r1', 'r2']);
    expect(withConnecting(result, [edge('r1', 'a', 'b')]).graph).toBe(result);
  });
});

describe('the status line after a run', () => {
  it('counts what the result table counts, and names the connecting links apart', () => {
    expect(resultStatus('Events in a place', 15, 13, 6, false)).toBe(
      'Events in a place: 15 nodes, 13 relationships (+6 connecting links).',
    );
    expect(resultStatus('Q', 1, 1, 1, true)).toBe('Q: 1 node, 1 relationship (+1 connecting link) added.');
    expect(resultStatus('Q', 2, 0, 0, false)).toBe('Q: 2 nodes, 0 relationships.');
  });
});
