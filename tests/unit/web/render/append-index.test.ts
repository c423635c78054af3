/**
 * Sigma's index after an expansion indexed by AppendIndex (the added items alone) must be what
 * sigma's own full pass (process()) builds from the same graph: the same items in the same
 * program slots with the same data, the same label grid, forced labels and highlights, and
 * picking ids that name each item once. Sigma's real process() runs here on a Sigma object
 * without WebGL (recording programs instead of the WebGL ones).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { createRenderGraph, syncRenderGraph, type RenderGraph } from '../../../../src/web/render/render-graph';
import { GraphDelta } from '../../../../src/web/render/sigma/graph-delta';
import { createReducers, type RenderLook } from '../../../../src/web/render/sigma/reducers';
import { NO_DECORATIONS } from '../../../../src/web/core/filters/decorations';
import { edge, node } from '../../../support/fixtures';
import { withActivePerspective } from '../../../support/perspectives';

withActivePerspective();

type Mods = {
  Sigma: { prototype: object };
  Camera: new () => unknown;
  resolveSettings: (s: object) => object;
  AppendIndex: typeof import('../../../../src/web/render/sigma/append-index').AppendIndex;
};
let m: Mods;

// Sigma's modules read WebGL constants when loaded; Node has none (any distinct numbers do).
const webgl = new Proxy(function () {}, {
  get: (_t, k) => (k === 'prototype' ? {} : typeof k === 'string' ? 0x1000 + k.length : undefined),
});
beforeAll(async () => {
  vi.stubGlobal('WebGL2RenderingContext', webgl);
  vi.stubGlobal('WebGLRenderingContext', webgl);
  const sigma = await import('sigma');
  const settings = await import('sigma/settings');
  const ai = await import('../../../../src/web/render/sigma/append-index');
  m = {
    Sigma: sigma.default as unknown as Mods['Sigma'],
    Camera: sigma.Camera as unknown as Mods['Camera'],
    resolveSettings: settings.resolveSettings as Mods['resolveSettings'],
    AppendIndex: ai.AppendIndex,
  };
});
afterAll(() => vi.unstubAllGlobals());

const STRIDE = 12;
const colourCode = (c: unknown) => [...String(c)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 65_521, 7);
type D = { x: number; y: number; size: number; color?: string; hidden?: boolean };

/** Records what sigma hands a program, one row per item slot, as a program's typed array does. */
class Recording {
  capacity = 0;
  array = new Float32Array(0);
  reallocate(capacity: number) {
    if (capacity === this.capacity) return;
    this.capacity = capacity;
    this.array = new Float32Array(capacity * STRIDE);
  }
  process(id: number, slot: number, ...data: D[]) {
    const d = data[data.length - 1]!;
    const ends = data.length === 3 ? [data[0]!, data[1]!] : [];
    const row = [
      id,
      d.x,
      d.y,
      d.size,
      colourCode(d.color),
      d.hidden ? 1 : 0,
      ...ends.flatMap((e) => [e.x, e.y, e.size]),
    ];
    this.array.set(row, slot * STRIDE);
  }
}
class Compound {
  programs = [new Recording(), new Recording()];
  reallocate(c: number) {
    for (const p of this.programs) p.reallocate(c);
  }
  process(...a: [number, number, ...D[]]) {
    for (const p of this.programs) p.process(...a);
  }
}

type Fake = Record<string, unknown> & {
  itemIDsIndex: Record<number, { type: string; id: string }>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  nodePrograms: Record<string, Recording>;
  edgePrograms: Record<string, Compound | Recording>;
  labelGrid: { cells: Record<string, Array<{ key: string; size: number }>> };
};

/** A Sigma object with recording programs, indexed by sigma's own full pass. */
function sigmaOn(graph: RenderGraph, look: RenderLook): Fake {
  const s = Object.create(m.Sigma.prototype) as Fake;
  const proto = m.Sigma.prototype as Record<string, (...a: unknown[]) => unknown>;
  Object.assign(s, {
    graph,
    settings: m.resolveSettings({
      zIndex: true,
      stagePadding: 40,
      labelGridCellSize: 110,
      ...createReducers(look, graph),
    }),
    width: 1000,
    height: 800,
    pixelRatio: 1,
    camera: new m.Camera(),
    customBBox: null,
    nodeIndices: {},
    edgeIndices: {},
    itemIDsIndex: {},
    nodeProgramIndex: {},
    edgeProgramIndex: {},
    nodePrograms: { circle: new Recording() },
    edgePrograms: { arrow: new Compound(), curvedArrow: new Recording() },
    needToProcess: false,
  });
  proto.clearIndices!.call(s);
  proto.clearState!.call(s);
  return s;
}

/** Sigma's refresh() without rendering: every item through the reducers, then process(). */
function fullPass(s: Fake): void {
  const proto = m.Sigma.prototype as Record<string, (...a: unknown[]) => unknown>;
  const graph = s.graph as RenderGraph;
  proto.clearIndices!.call(s);
  graph.forEachNode((n) => proto.addNode!.call(s, n));
  graph.forEachEdge((e) => proto.addEdge!.call(s, e));
  proto.process!.call(s);
}

/** Everything the frame reads from sigma's index, with picking ids replaced by the items they name. */
function drawnState(s: Fake) {
  const graph = s.graph as RenderGraph;
  const name = (id: number) => (id ? `${s.itemIDsIndex[id]?.type}:${s.itemIDsIndex[id]?.id}` : 'none');
  // Slots past the items of a program's type are spare room: zero (drawn as nothing).
  const count = (t: string, keys: string[], cache: Record<string, { type: string }>) =>
    keys.filter((k) => cache[k]?.type === t).length;
  const rows = (p: Recording, n: number) => {
    expect(p.array.subarray(n * STRIDE).every((v) => v === 0)).toBe(true);
    return Array.from({ length: n }, (_, i) => {
      const r = Array.from(p.array.subarray(i * STRIDE, (i + 1) * STRIDE));
      return [name(r[0]!), ...r.slice(1)];
    });
  };
  const nodeCache = s.nodeDataCache as Record<string, { type: string }>;
  const edgeCache = s.edgeDataCache as Record<string, { type: string }>;
  const programs: Record<string, unknown> = {};
  for (const [t, p] of Object.entries(s.nodePrograms))
    programs[`node ${t}`] = rows(p, count(t, graph.nodes(), nodeCache));
  for (const [t, p] of Object.entries(s.edgePrograms))
    (p instanceof Compound ? p.programs : [p]).forEach(
      (q, i) => (programs[`edge ${t} ${i}`] = rows(q, count(t, graph.edges(), edgeCache))),
    );
  const ids = [...graph.nodes().map((n) => s.nodeIndices[n]), ...graph.edges().map((e) => s.edgeIndices[e])];
  expect(new Set(ids).size).toBe(graph.order + graph.size);
  for (const n of graph.nodes()) expect(s.itemIDsIndex[s.nodeIndices[n]!]).toEqual({ type: 'node', id: n });
  for (const e of graph.edges()) expect(s.itemIDsIndex[s.edgeIndices[e]!]).toEqual({ type: 'edge', id: e });
  const sorted = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    programs,
    grid: sorted(
      Object.fromEntries(Object.entries(s.labelGrid.cells).map(([k, c]) => [k, c.map((x) => `${x.key}:${x.size}`)])),
    ),
    nodes: sorted(s.nodeDataCache as Record<string, unknown>),
    edges: sorted(s.edgeDataCache as Record<string, unknown>),
    nodeSlots: sorted(s.nodeProgramIndex as Record<string, number>),
    edgeSlots: sorted(s.edgeProgramIndex as Record<string, number>),
    forced: [...(s.nodesWithForcedLabels as Set<string>)].sort(),
    forcedEdges: [...(s.edgesWithForcedLabels as Set<string>)].sort(),
    highlighted: [...(s.highlightedNodes as Set<string>)].sort(),
    extent: s.nodeExtent,
  };
}

const opts = { theme: 'light' as const, pinned: new Set<string>(), positions: new Map() };
const look = (): RenderLook => ({
  selected: new Set(['n12']),
  path: null,
  decorations: NO_DECORATIONS,
  theme: 'light',
  labelAll: false,
  declutter: false,
  hoveredEdge: null,
});

/** A 5×5 grid of nodes linked to their right and lower neighbours; n12 sits in the middle. */
function start() {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < 25; i++)
    nodes.push(node(`n${i}`, i % 3 ? ['Person', 'Entity'] : ['Place', 'Entity'], { name: `N ${i}` }));
  for (let i = 0; i < 25; i++) {
    if (i % 5 < 4) edges.push(edge(`h${i}`, 'KNOWS', `n${i}`, `n${i + 1}`));
    if (i < 20) edges.push(edge(`v${i}`, 'LOCATED_IN', `n${i}`, `n${i + 5}`));
  }
  const graph = createRenderGraph();
  syncRenderGraph(graph, { nodes, edges }, opts);
  graph.forEachNode((id) => {
    const i = Number(id.slice(1));
    graph.mergeNodeAttributes(id, { x: (i % 5) * 100, y: Math.floor(i / 5) * 100 });
  });
  return { graph, nodes, edges };
}

/** `k` new neighbours of `anchor` (and a link among two of them). */
function expansion(anchor: string, k: number, round: number) {
  const nodes = Array.from({ length: k }, (_, i) => node(`x${round}-${i}`, ['Event'], { name: `X ${round} ${i}` }));
  const edges = nodes.map((n, i) => edge(`xe${round}-${i}`, 'INVOLVES', anchor, n.id));
  if (k > 1) edges.push(edge(`xl${round}`, 'RELATED', nodes[0]!.id, nodes[1]!.id));
  return { nodes, edges };
}

/** Runs `change` on the graph as one batch the way the controller records it. */
function recorded(graph: RenderGraph, change: () => void): GraphDelta {
  const box = { current: new GraphDelta() };
  const ls = GraphDelta.listeners(() => box.current, graph);
  for (const [e, l] of ls) graph.on(e as 'nodeAdded', l);
  change();
  for (const [e, l] of ls) graph.off(e as 'nodeAdded', l);
  return box.current;
}

describe('AppendIndex (an expansion indexed without sigma’s full pass)', () => {
  it('indexes expansions exactly as the full pass does', () => {
    const { graph, nodes, edges } = start();
    const l = look();
    const s = sigmaOn(graph, l);
    const index = new m.AppendIndex(s as never, () => graph.order + graph.size);
    fullPass(s);
    const view = { nodes: [...nodes], edges: [...edges] };
    for (const [round, anchor, k] of [
      [0, 'n12', 6],
      [1, 'n12', 3],
      [2, 'n7', 1],
    ] as const) {
      const x = expansion(anchor, k, round);
      view.nodes.push(...x.nodes);
      view.edges.push(...x.edges);
      const delta = recorded(graph, () => syncRenderGraph(graph, view, opts));
      // The anchor grew (its degree): a drawn node restyled in place.
      expect(delta.nodes.has(anchor)).toBe(true);
      expect(index.apply(delta)).toBe(true);
      const appended = drawnState(s);
      const reference = sigmaOn(graph, l);
      fullPass(reference);
      expect(appended).toEqual(drawnState(reference));
    }
  });

  it('leaves to the full pass what it cannot append', () => {
    const { graph, nodes, edges } = start();
    const s = sigmaOn(graph, look());
    const index = new m.AppendIndex(s as never, () => graph.order + graph.size);
    fullPass(s);
    const outside = recorded(graph, () => graph.addNode('far', { ...graph.getNodeAttributes('n0'), x: 10_000 }));
    expect(index.apply(outside)).toBe(false);
    fullPass(s);
    const moved = recorded(graph, () =>
      graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.x + 1 }), { attributes: ['x'] }),
    );
    expect(index.apply(moved)).toBe(false);
    fullPass(s);
    const dropped = recorded(graph, () => graph.dropNode('far'));
    expect(index.apply(dropped)).toBe(false);
    fullPass(s);
    // A second edge between two drawn nodes: the first turns into a curve (another program).
    const parallel = recorded(graph, () =>
      syncRenderGraph(graph, { nodes, edges: [...edges, edge('h0b', 'KNOWS', 'n1', 'n0')] }, opts),
    );
    expect(parallel.edges.has('h0')).toBe(true);
    expect(index.apply(parallel)).toBe(false);
    fullPass(s);
    const pinned = recorded(graph, () => graph.mergeNodeAttributes('n3', { x: 55 }));
    expect(index.apply(pinned)).toBe(false);
  });
});
