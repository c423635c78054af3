/**
 * Sigma re-processes the whole graph on the frame after any change (every node and edge into its
 * WebGL programs, the label grid): O(graph) per expansion, most of an expansion's main-thread
 * time. When a batch only added items and restyled a few drawn ones in place (an expansion:
 * the new nodes inside the drawing's extent, the anchor grown), this brings sigma's index to what
 * that full pass would produce by touching those items only: O(change + the restyled nodes'
 * degree), plus one copy of the programs' typed arrays. The new items take the next free
 * picking ids instead of being renumbered; every array still lists items in graph order (new
 * ones last), so the frame draws the same pixels. Anything else is left to sigma's full pass.
 */
import { Camera } from 'sigma';
import { matrixFromCamera } from 'sigma/utils';
import type { Attributes } from 'graphology-types';
import type { GraphDelta } from './graph-delta';

type Data = Attributes & { x: number; y: number; size: number; type: string; hidden?: boolean; zIndex?: number };

/** A sigma program, or a compound one (the arrow: body and head). */
interface ProgramLike {
  capacity?: number;
  array?: Float32Array;
  programs?: ProgramLike[];
  reallocate(capacity: number): void;
}

interface Candidate {
  key: string;
  size: number;
}

/** The parts of a Sigma instance (3.0) its process() maintains. */
export interface SigmaIndex {
  graph: {
    hasNode(k: string): boolean;
    hasEdge(k: string): boolean;
    getNodeAttributes(k: string): Attributes;
    forEachEdge(node: string, cb: (edge: string) => void): void;
  };
  settings: { zIndex: boolean };
  needToProcess: boolean;
  nodeExtent: { x: [number, number]; y: [number, number] };
  nodeZExtent: [number, number];
  edgeZExtent: [number, number];
  normalizationFunction: { applyTo(d: { x: number; y: number }): void };
  labelGrid: {
    cells: Record<number, Candidate[]>;
    add(key: string, size: number, pos: { x: number; y: number }): void;
    getIndex(pos: { x: number; y: number }): number;
  };
  nodeDataCache: Record<string, Data>;
  edgeDataCache: Record<string, Data>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  itemIDsIndex: Record<number, { type: 'node' | 'edge'; id: string }>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodePrograms: Record<string, ProgramLike>;
  edgePrograms: Record<string, ProgramLike>;
  addNode(key: string): void;
  addEdge(key: string): void;
  addNodeToProgram(key: string, id: number, position: number): void;
  addEdgeToProgram(key: string, id: number, position: number): void;
  getDimensions(): { width: number; height: number };
  getGraphDimensions(): { width: number; height: number };
  getStagePadding(): number;
  framedGraphToViewport(d: { x: number; y: number }, o: { matrix: Float32Array }): { x: number; y: number };
  on(event: 'afterProcess', l: () => void): unknown;
}

function capacityOf(p: ProgramLike): number {
  return p.programs ? capacityOf(p.programs[0]!) : (p.capacity ?? 0);
}

/**
 * Makes room for `needed` items, keeping the ones a program holds. A copy of its array, with an
 * eighth more room so that the next expansions rarely copy again (the spare slots stay zero,
 * which sigma draws as nothing, as it does hidden items, until its next full pass trims them).
 */
function grow(p: ProgramLike, needed: number): void {
  const capacity = capacityOf(p);
  if (needed <= capacity) return;
  realloc(p, Math.max(needed, capacity + (capacity >> 3)));
}

function realloc(p: ProgramLike, capacity: number): void {
  if (p.programs) return p.programs.forEach((q) => realloc(q, capacity));
  const old = p.array;
  p.reallocate(capacity);
  if (old && p.array) p.array.set(old.subarray(0, Math.min(old.length, p.array.length)));
}

const sameLayout = (a: Data, b: Data) =>
  a.x === b.x &&
  a.y === b.y &&
  a.type === b.type &&
  !!a.hidden === !!b.hidden &&
  typeof a.label === typeof b.label &&
  a.zIndex === b.zIndex;

export class AppendIndex {
  /** The next free picking id and the view size of sigma's last full pass (null before the first). */
  private last: { nextId: number; width: number; height: number } | null = null;
  /** Items each program holds since the last full pass, when more than that pass gave it. */
  private used = new Map<ProgramLike, number>();

  constructor(
    private readonly s: SigmaIndex,
    private readonly count: () => number,
  ) {
    s.on('afterProcess', () => {
      const { width, height } = s.getDimensions();
      this.last = { nextId: this.count() + 1, width, height };
      // (Its process() reallocates every program to the exact count.)
      this.used.clear();
    });
  }

  /**
   * Indexes what `delta` recorded, as sigma's full pass would; false (having re-run the reducers
   * of some recorded items at most, which the full pass redoes) when that pass is needed.
   */
  apply(delta: GraphDelta): boolean {
    const s = this.s;
    const last = this.last;
    if (!last || s.needToProcess || delta.full || delta.nodesAll || delta.moved) return false;
    if (delta.droppedNodes.size || delta.droppedEdges.size) return false;
    const dims = s.getDimensions();
    if (dims.width !== last.width || dims.height !== last.height) return false;
    const ext = s.nodeExtent;
    const fresh: string[] = [];
    const drawn: string[] = [];
    for (const key of delta.nodes) {
      if (!s.graph.hasNode(key)) return false;
      // (nodeIndices is rebuilt by every full pass; nodeProgramIndex may keep stale keys.)
      if (key in s.nodeIndices && s.nodeDataCache[key]) drawn.push(key);
      else {
        const { x, y } = s.graph.getNodeAttributes(key) as { x: number; y: number };
        // Outside the extent, the normalisation (every node's drawn position) changes.
        if (!(x >= ext.x[0] && x <= ext.x[1] && y >= ext.y[0] && y <= ext.y[1])) return false;
        fresh.push(key);
      }
    }
    const freshEdges: string[] = [];
    const drawnEdges: string[] = [];
    for (const key of delta.edges) {
      if (!s.graph.hasEdge(key)) return false;
      (key in s.edgeIndices && s.edgeDataCache[key] ? drawnEdges : freshEdges).push(key);
    }
    // Restyled drawn items: in place only when they keep their place, program and label slot.
    const grown: Array<[string, Data]> = [];
    for (const key of drawn) {
      const before = s.nodeDataCache[key]!;
      s.addNode(key);
      const d = s.nodeDataCache[key]!;
      d.x = before.x;
      d.y = before.y;
      const a = s.graph.getNodeAttributes(key) as { x: number; y: number };
      const at = { x: a.x, y: a.y };
      s.normalizationFunction.applyTo(at);
      if (at.x !== before.x || at.y !== before.y || !sameLayout(before, d)) return false;
      if (d.size !== before.size) grown.push([key, d]);
    }
    for (const key of drawnEdges) {
      const before = s.edgeDataCache[key]!;
      s.addEdge(key);
      const d = s.edgeDataCache[key]!;
      if (d.type !== before.type || d.zIndex !== before.zIndex) return false;
    }
    for (const key of fresh) s.addNode(key);
    for (const key of freshEdges) s.addEdge(key);
    // Sigma orders items by zIndex when they differ: appending would break that order.
    if (s.settings.zIndex && (s.nodeZExtent[0] !== s.nodeZExtent[1] || s.edgeZExtent[0] !== s.edgeZExtent[1]))
      return false;
    const nodeCounts = new Map<string, number>();
    for (const key of fresh) {
      const t = s.nodeDataCache[key]!.type;
      if (!s.nodePrograms[t]) return false;
      nodeCounts.set(t, (nodeCounts.get(t) ?? 0) + 1);
    }
    const edgeCounts = new Map<string, number>();
    for (const key of freshEdges) {
      const t = s.edgeDataCache[key]!.type;
      if (!s.edgePrograms[t]) return false;
      edgeCounts.set(t, (edgeCounts.get(t) ?? 0) + 1);
    }

    // From here on nothing falls back.
    const camera = new Camera().getState();
    const matrix = matrixFromCamera(camera, dims, s.getGraphDimensions(), s.getStagePadding());
    const grid = s.labelGrid;
    const touched = new Set<number>();
    for (const [key, d] of grown) {
      if (typeof d.label !== 'string' || d.hidden) continue;
      const cell = grid.getIndex(s.framedGraphToViewport(d, { matrix }));
      const c = grid.cells[cell]?.find((c) => c.key === key);
      if (c) {
        c.size = d.size;
        touched.add(cell);
      }
    }
    const next = new Map<string, number>();
    for (const [t, k] of nodeCounts) this.reserve(s.nodePrograms[t]!, k, next, t);
    let id = last.nextId;
    for (const key of fresh) {
      const d = s.nodeDataCache[key]!;
      const a = s.graph.getNodeAttributes(key) as { x: number; y: number };
      d.x = a.x;
      d.y = a.y;
      s.normalizationFunction.applyTo(d);
      if (typeof d.label === 'string' && !d.hidden) {
        const pos = s.framedGraphToViewport(d, { matrix });
        grid.add(key, d.size, pos);
        touched.add(grid.getIndex(pos));
      }
      s.nodeIndices[key] = id;
      s.itemIDsIndex[id] = { type: 'node', id: key };
      const pos = next.get(d.type)!;
      next.set(d.type, pos + 1);
      s.addNodeToProgram(key, id++, pos);
    }
    for (const cell of touched) {
      const c = grid.cells[cell]!;
      c.sort((c[0]!.constructor as unknown as { compare: (a: Candidate, b: Candidate) => number }).compare);
    }
    // Drawn nodes restyled in place, and their drawn edges (arrows end on their discs).
    const redraw = new Set(drawnEdges);
    for (const key of drawn) {
      s.addNodeToProgram(key, s.nodeIndices[key]!, s.nodeProgramIndex[key]!);
      s.graph.forEachEdge(key, (e) => {
        if (e in s.edgeIndices) redraw.add(e);
      });
    }
    for (const e of redraw) s.addEdgeToProgram(e, s.edgeIndices[e]!, s.edgeProgramIndex[e]!);
    next.clear();
    for (const [t, k] of edgeCounts) this.reserve(s.edgePrograms[t]!, k, next, t);
    for (const key of freshEdges) {
      const t = s.edgeDataCache[key]!.type;
      s.edgeIndices[key] = id;
      s.itemIDsIndex[id] = { type: 'edge', id: key };
      const pos = next.get(t)!;
      next.set(t, pos + 1);
      s.addEdgeToProgram(key, id++, pos);
    }
    last.nextId = id;
    return true;
  }

  /** Room for `k` more items in program `p` (of type `t`); `next` gets the first free slot. */
  private reserve(p: ProgramLike, k: number, next: Map<string, number>, t: string): void {
    const at = this.used.get(p) ?? capacityOf(p);
    next.set(t, at);
    grow(p, at + k);
    this.used.set(p, at + k);
  }
}
