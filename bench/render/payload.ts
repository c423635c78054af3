/**
 * Synthetic graph payloads (the API's GraphPayload shape) for the render benchmark: `n` nodes with
 * news labels and captions, ~3.5 edges per node (half preferential attachment, half uniform, so
 * there are hubs), no parallel edges. Seeded: both pages get byte-identical data.
 */
import type { GraphEdge, GraphNode, GraphPayload } from '../../src/shared/graph';
import { Random } from '../lib/random';

const LABELS = ['Person', 'Organization', 'Place', 'Event', 'Weapon', 'Article', 'Claim'];
const TYPES = [
  'MENTIONS',
  'OCCURRED_IN',
  'LOCATED_IN',
  'MADE',
  'ABOUT',
  'WORKS_FOR',
  'TARGETED',
  'USED_WEAPON',
  'PARTICIPATED_IN',
  'REPORTS',
];
const SYL = ['ka', 'ro', 'vel', 'mir', 'gor', 'dan', 'lo', 'vi', 'sta', 'bel', 'har', 'kiv', 'zor', 'len'];

function node(r: Random, i: number, prefix = 'n'): GraphNode {
  const label = LABELS[Math.floor(Math.pow(r.next(), 1.5) * LABELS.length)]!;
  const caption = `${SYL[r.int(0, SYL.length - 1)]!.toUpperCase()}${SYL[r.int(0, SYL.length - 1)]}${SYL[r.int(0, SYL.length - 1)]} ${i}`;
  return {
    id: `4:bench:${prefix}${i}`,
    key: `${label.toLowerCase()}-${prefix}${i}`,
    labels: label === 'Article' || label === 'Claim' ? [label] : ['Entity', label],
    caption,
    properties: { name: caption },
  };
}

export function renderPayload(n: number, seed = 11, edgesPerNode = 3.5): GraphPayload {
  const r = new Random(seed);
  const nodes: GraphNode[] = [];
  for (let i = 0; i < n; i++) nodes.push(node(r, i));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const ends: number[] = []; // endpoint list for preferential attachment
  const target = Math.round(n * edgesPerNode);
  let guard = 0;
  while (edges.length < target && guard++ < target * 10) {
    const s = r.int(0, n - 1);
    const t = r.chance(0.5) && ends.length ? ends[r.int(0, ends.length - 1)]! : r.int(0, n - 1);
    if (s === t) continue;
    const key = s < t ? `${s}|${t}` : `${t}|${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ends.push(s, t);
    edges.push({
      id: `5:bench:e${edges.length}`,
      type: TYPES[r.int(0, TYPES.length - 1)]!,
      source: nodes[s]!.id,
      target: nodes[t]!.id,
      properties: { quote: 'synthetic' },
    });
  }
  return { nodes, edges };
}

/** 100 (or `k`) new neighbours of `anchor`, as an expansion returns them. */
export function expansionPayload(anchor: string, k: number, round: number, seed = 99): GraphPayload {
  const r = new Random(seed + round);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < k; i++) {
    const nd = node(r, i, `x${round}-`);
    nodes.push(nd);
    edges.push({
      id: `5:bench:x${round}-${i}`,
      type: TYPES[r.int(0, TYPES.length - 1)]!,
      source: anchor,
      target: nd.id,
      properties: {},
    });
  }
  return { nodes, edges };
}

/** A node of middling degree (what an analyst expands). */
export function pickAnchor(p: GraphPayload): string {
  const deg = new Map<string, number>();
  for (const e of p.edges) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  const sorted = [...deg.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return sorted[Math.floor(sorted.length * 0.7)]![0];
}
