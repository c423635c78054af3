/**
 * Where nodes that join the render graph are first drawn: next to their already-placed
 * neighbours, where they were last seen, or scattered around the drawing. Deterministic (same
 * ids, same positions), so layouts and screenshots repeat. No sigma import: runs in Node tests.
 */
import type { GraphNode } from '../../shared/graph';
import { hashString } from '../core/graph/hash';
import type { RenderGraph } from './render-graph';

const NO_NEIGHBOURS: readonly string[] = [];

/** Deterministic pseudo-random in [0, 1) from a string, so layouts (and screenshots) repeat. */
function rand(seed: string): number {
  return (hashString(seed) % 100_000) / 100_000;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Each render graph's node extent, kept while only nodes are added (null: to rescan). */
const boxes = new WeakMap<RenderGraph, { box: Box | null }>();

const MOVES = new Set(['x', 'y']);

/**
 * Keeps `e` current from the graph's events: an added node widens it, anything that may move or
 * remove a node marks it for a rescan (a restyle does not). O(1) per event.
 */
function watch(graph: RenderGraph, e: { box: Box | null }): void {
  const stale = () => {
    e.box = null;
  };
  graph.on('nodeAdded', ({ attributes: a }) => {
    if (e.box) widen(e.box, a.x, a.y);
  });
  graph.on('nodeDropped', stale);
  graph.on('cleared', stale);
  graph.on('nodeAttributesUpdated', (p) => {
    const keys = p.type === 'merge' ? Object.keys(p.data) : p.type === 'set' || p.type === 'remove' ? [p.name] : null;
    if (!keys || keys.some((k) => MOVES.has(k))) stale();
  });
  graph.on('eachNodeAttributesUpdated', (p) => {
    if (!p.hints?.attributes || p.hints.attributes.some((k) => MOVES.has(k))) stale();
  });
}

function widen(b: Box, x: number, y: number): void {
  if (x < b.minX) b.minX = x;
  if (x > b.maxX) b.maxX = x;
  if (y < b.minY) b.minY = y;
  if (y > b.maxY) b.maxY = y;
}

/** The drawing's centre and span: a scan of every node once, then O(1) while nodes are only added. */
function extent(graph: RenderGraph): { cx: number; cy: number; span: number } {
  if (graph.order === 0) return { cx: 0, cy: 0, span: 100 };
  let e = boxes.get(graph);
  if (!e) {
    e = { box: null };
    boxes.set(graph, e);
    watch(graph, e);
  }
  if (!e.box) {
    const b: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    graph.forEachNode((_, a) => widen(b, a.x, a.y));
    e.box = b;
  }
  const { minX, minY, maxX, maxY } = e.box;
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, span: Math.max(10, maxX - minX, maxY - minY) };
}

/**
 * Seeds fresh nodes: next to their already-placed neighbours (so expansions grow out of the
 * expanded node), where they were last seen, or scattered. O(fresh nodes + their edges).
 */
export function place(
  graph: RenderGraph,
  fresh: readonly GraphNode[],
  neighbours: ReadonlyMap<string, string[]>,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  if (!fresh.length) return placed;
  const { cx, cy, span } = extent(graph);
  const positionOf = (id: string) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : placed.get(id));
  // Two passes: nodes touching the existing drawing first, then those touching the first ones.
  for (let pass = 0; pass < 3; pass++) {
    for (const n of fresh) {
      if (placed.has(n.id)) continue;
      const remembered = positions.get(n.id);
      if (remembered) {
        placed.set(n.id, remembered);
        continue;
      }
      // Nothing placed yet to lean on: only the last pass places such nodes (skip the scan).
      if (pass < 2 && graph.order === 0 && placed.size === 0) continue;
      // Mean position of the already placed neighbours (a plain loop: this runs per fresh node and pass).
      let sx = 0;
      let sy = 0;
      let anchors = 0;
      for (const m of neighbours.get(n.id) ?? NO_NEIGHBOURS) {
        const p = positionOf(m);
        if (!p) continue;
        sx += p.x;
        sy += p.y;
        anchors++;
      }
      if (anchors === 0 && pass < 2) continue;
      const r = rand(n.id);
      const angle = r * Math.PI * 2;
      if (anchors) {
        const ax = sx / anchors;
        const ay = sy / anchors;
        const d = graph.order ? span * (0.04 + 0.06 * rand(`${n.id}#d`)) : 1 + rand(`${n.id}#d`);
        placed.set(n.id, { x: ax + Math.cos(angle) * d, y: ay + Math.sin(angle) * d });
      } else {
        const d = (graph.order ? span / 2 : Math.sqrt(fresh.length) * 10) * Math.sqrt(rand(`${n.id}#d`));
        placed.set(n.id, { x: cx + Math.cos(angle) * d, y: cy + Math.sin(angle) * d });
      }
    }
  }
  return placed;
}
