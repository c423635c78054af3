import { describe, expect, it } from 'vitest';
import { createRenderGraph, type RenderGraph } from '../../../../src/web/render/render-graph';
import { place } from '../../../../src/web/render/seed-positions';
import { node } from '../../../support/fixtures';

const at = (x: number, y: number) => ({
  x,
  y,
  size: 3,
  color: '#000',
  label: '',
  nodeLabel: 'Person',
  fixed: false,
  props: {},
});

/** Seeds for two fresh nodes, one next to `a`, one with no drawn neighbour (scattered over the extent). */
function seeds(graph: RenderGraph) {
  const fresh = [node('new1', ['Person']), node('new2', ['Person'])];
  const neighbours = new Map([
    ['new1', ['a']],
    ['new2', []],
  ]);
  return Object.fromEntries(place(graph, fresh, neighbours, new Map()));
}

describe('seed positions', () => {
  it('places from the current extent after adds, moves, restyles and drops (as a fresh scan does)', () => {
    const graph = createRenderGraph();
    graph.addNode('a', at(0, 0));
    graph.addNode('b', at(100, 50));
    const steps: Array<() => void> = [
      () => graph.addNode('c', at(-400, 20)),
      () => graph.mergeNodeAttributes('b', { size: 9 }),
      () => graph.mergeNodeAttributes('b', { x: 900 }),
      () => graph.setNodeAttribute('c', 'y', -700),
      () => graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x / 2 }), { attributes: ['x'] }),
      () => graph.updateEachNodeAttributes((_id, a) => ({ ...a, size: 4 }), { attributes: ['size'] }),
      () => graph.replaceNodeAttributes('c', at(30, 30)),
      () => graph.dropNode('b'),
    ];
    for (const step of steps) {
      seeds(graph);
      step();
      // graph.copy(): the same nodes in a graph never scanned before.
      expect(seeds(graph)).toEqual(seeds(graph.copy()));
    }
  });
});
