import { describe, expect, it } from 'vitest';
import { batchRenderGraph, RENDER_BATCH_END, RENDER_BATCH_START } from '../../../../src/web/render/render-batch';
import { createRenderGraph, syncRenderGraph } from '../../../../src/web/render/render-graph';
import { restyle } from '../../../../src/web/render/restyle';
import { edgeColor, labelColor, nodeSize } from '../../../../src/web/render/style';
import { edge, node } from '../../../support/fixtures';
import { withActivePerspective } from '../../../support/perspectives';

// The news perspective: today's colours, families and main labels.
withActivePerspective();

describe('render graph sync (domain view → graphology)', () => {
  it('adds nodes with caption, colour by label and size by degree; edges coloured by family', () => {
    const g = createRenderGraph();
    const r = syncRenderGraph(
      g,
      {
        nodes: [node('a', ['Person'], { name: 'Caption a' }), node('b', ['Place', 'Entity']), node('c', ['Event'])],
        edges: [edge('ab', 'GOVERNOR_OF', 'a', 'b'), edge('cb', 'OCCURRED_IN', 'c', 'b')],
      },
      { theme: 'light', pinned: new Set(), positions: new Map() },
    );
    expect(r.addedNodes.sort()).toEqual(['a', 'b', 'c']);
    expect(g.getNodeAttribute('a', 'label')).toBe('Caption a');
    expect(g.getNodeAttribute('b', 'color')).toBe(labelColor('Place', 'light'));
    expect(g.getNodeAttribute('b', 'nodeLabel')).toBe('Place');
    expect(g.getNodeAttribute('b', 'size')).toBe(nodeSize(2));
    expect(g.getNodeAttribute('a', 'size')).toBe(nodeSize(1));
    expect(g.getEdgeAttribute('ab', 'color')).toBe(edgeColor('GOVERNOR_OF', 'light'));
    expect(edgeColor('GOVERNOR_OF', 'light')).not.toBe(edgeColor('OCCURRED_IN', 'light'));
    expect(g.getEdgeAttribute('ab', 'type')).toBe('arrow');
  });

  it('removes what left, remembers its position and puts it back there when it returns', () => {
    const g = createRenderGraph();
    const positions = new Map<string, { x: number; y: number }>();
    const opts = { theme: 'light' as const, pinned: new Set<string>(), positions };
    syncRenderGraph(g, { nodes: [node('a'), node('b')], edges: [edge('ab', 'KNOWS', 'a', 'b')] }, opts);
    g.mergeNodeAttributes('b', { x: 42, y: -7 });
    const r = syncRenderGraph(g, { nodes: [node('a')], edges: [] }, opts);
    expect(r.removedNodes).toEqual(['b']);
    expect(r.removedEdges).toEqual(['ab']);
    expect(g.order).toBe(1);
    syncRenderGraph(g, { nodes: [node('a'), node('b')], edges: [edge('ab', 'KNOWS', 'a', 'b')] }, opts);
    expect(g.getNodeAttributes('b')).toMatchObject({ x: 42, y: -7 });
  });

  it('seeds new nodes near their already-placed neighbours (expansions grow from the expanded node)', () => {
    const g = createRenderGraph();
    const opts = { theme: 'light' as const, pinned: new Set<string>(), positions: new Map() };
    const far = Array.from({ length: 10 }, (_, i) => node(`f${i}`));
    syncRenderGraph(g, { nodes: [node('hub'), ...far], edges: [] }, opts);
    g.updateEachNodeAttributes((id, a) =>
      id === 'hub' ? { ...a, x: 1000, y: 1000 } : { ...a, x: (Number(id.slice(1)) - 5) * 100, y: 0 },
    );
    syncRenderGraph(
      g,
      {
        nodes: [node('hub'), ...far, node('n1'), node('n2')],
        edges: [edge('h1', 'KNOWS', 'hub', 'n1'), edge('h2', 'KNOWS', 'hub', 'n2')],
      },
      opts,
    );
    for (const n of ['n1', 'n2']) {
      const { x, y } = g.getNodeAttributes(n);
      expect(Math.hypot(x - 1000, y - 1000)).toBeLessThan(200);
    }
  });

  it('places nodes deterministically (same ids → same positions) so screenshots repeat', () => {
    const run = () => {
      const g = createRenderGraph();
      syncRenderGraph(
        g,
        { nodes: [node('a'), node('b'), node('c')], edges: [edge('ab', 'KNOWS', 'a', 'b')] },
        { theme: 'dark', pinned: new Set(), positions: new Map() },
      );
      return g.mapNodes((id, a) => [id, a.x, a.y]);
    };
    expect(run()).toEqual(run());
  });

  it('curves parallel edges and keeps single ones straight', () => {
    const g = createRenderGraph();
    syncRenderGraph(
      g,
      {
        nodes: [node('a'), node('b'), node('c')],
        edges: [
          edge('e1', 'KNOWS', 'a', 'b'),
          edge('e2', 'KNOWS', 'a', 'b'),
          edge('e3', 'KNOWS', 'b', 'c'),
          edge('e4', 'KNOWS', 'c', 'b'),
        ],
      },
      { theme: 'light', pinned: new Set(), positions: new Map() },
    );
    expect(g.getEdgeAttribute('e1', 'type')).toBe('curvedArrow');
    expect(g.getEdgeAttribute('e2', 'type')).toBe('curvedArrow');
    expect(g.getEdgeAttribute('e1', 'curvature')).toBe(-g.getEdgeAttribute('e2', 'curvature'));
    expect(g.getEdgeAttribute('e3', 'type')).toBe('curvedArrow');
    expect(g.getEdgeAttribute('e4', 'curvature')).toBeGreaterThan(0);
    // Removing one of the pair straightens the other.
    syncRenderGraph(
      g,
      {
        nodes: [node('a'), node('b'), node('c')],
        edges: [edge('e1', 'KNOWS', 'a', 'b'), edge('e3', 'KNOWS', 'b', 'c')],
      },
      { theme: 'light', pinned: new Set(), positions: new Map() },
    );
    expect(g.getEdgeAttribute('e1', 'type')).toBe('arrow');
  });

  it('marks pinned nodes fixed for the layout and recolours on a theme switch', () => {
    const g = createRenderGraph();
    const view = { nodes: [node('a'), node('b', ['Movie'])], edges: [] };
    syncRenderGraph(g, view, { theme: 'light', pinned: new Set(['a']), positions: new Map() });
    expect(g.getNodeAttribute('a', 'fixed')).toBe(true);
    expect(g.getNodeAttribute('b', 'fixed')).toBe(false);
    syncRenderGraph(g, view, { theme: 'dark', pinned: new Set(), positions: new Map() });
    expect(g.getNodeAttribute('a', 'fixed')).toBe(false);
    expect(g.getNodeAttribute('a', 'color')).toBe(labelColor('Person', 'dark'));
    // Foreign labels get a stable colour of their own.
    expect(g.getNodeAttribute('b', 'color')).toBe(labelColor('Movie', 'dark'));
  });

  it('announces each sync and restyle as one batch (what lets sigma re-index once), nested batches as the outer one', () => {
    const g = createRenderGraph();
    const events: string[] = [];
    const on = g as unknown as { on(e: string, l: () => void): void };
    on.on(RENDER_BATCH_START, () => events.push('start'));
    on.on(RENDER_BATCH_END, () => events.push('end'));
    // Per-item events still reach other listeners (the layout supervisor), inside the batch.
    g.on('nodeAdded', () => events.push('node'));
    syncRenderGraph(
      g,
      { nodes: [node('a'), node('b')], edges: [edge('ab', 'KNOWS', 'a', 'b')] },
      { theme: 'light', pinned: new Set(), positions: new Map() },
    );
    expect(events).toEqual(['start', 'node', 'node', 'end']);
    events.length = 0;
    restyle(g, { theme: 'dark', pinned: new Set() });
    expect(events).toEqual(['start', 'end']);
    expect(g.getNodeAttribute('a', 'color')).toBe(labelColor('Person', 'dark'));
    events.length = 0;
    const out = batchRenderGraph(g, () => {
      restyle(g, { theme: 'light', pinned: new Set() });
      syncRenderGraph(
        g,
        { nodes: [node('a')], edges: [] },
        { theme: 'light', pinned: new Set(), positions: new Map() },
      );
      return 7;
    });
    expect(out).toBe(7);
    expect(events).toEqual(['start', 'end']);
    // A throwing batch still ends (sigma must not stay detached).
    events.length = 0;
    expect(() =>
      batchRenderGraph(g, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(events).toEqual(['start', 'end']);
  });
});
