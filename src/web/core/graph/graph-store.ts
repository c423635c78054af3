/**
 * The domain graph: what the analyst has loaded, as layers of API results.
 *
 * Pure and immutable — every function returns a new state and never touches the DOM, sigma or
 * graphology, so it is unit-tested in Node. The render graph (render/render-graph.ts) is derived from it.
 *
 * A node (or edge) is in the graph while at least one layer holds it: collapsing an expansion
 * removes only what no other layer (the overview, another expansion, a path) also brought in.
 */
import type { GraphEdge, GraphNode, GraphPayload } from '../../../shared/graph';
import { legendLabels, mainLabel, nodeCaptionOf } from '../../../shared/perspective';
import { activePerspective } from '../perspective/active';
import { prune, withPayload, withPools } from './pools';

export type LayerKind = 'overview' | 'expand' | 'paths' | 'query' | 'node';

export interface Layer {
  /** Unique within a state ("L1", "L2"…), stable across undo/redo. */
  readonly id: string;
  readonly kind: LayerKind;
  /** Human title shown in history tooltips ("Expanded Vyacheslav Gladkov"). */
  readonly title: string;
  /** For expansions: the node expanded. */
  readonly anchor?: string;
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  /** For expansions: per relationship type, how many neighbours the API did not return (the cap). */
  readonly more?: Readonly<Record<string, number>>;
  /** For expansions: per relationship type, how many neighbours were returned so far (next page's skip). */
  readonly loaded?: Readonly<Record<string, number>>;
  /** For expansions: per relationship type, how many the node has in all (what is shown is subtracted: core/expansion/more.ts). */
  readonly totals?: Readonly<Record<string, number>>;
  /** How to fetch this layer again (deep links, core/history/recipe.ts). */
  readonly source?: LayerSource;
}

/**
 * The request(s) that made a layer, by readable node references: enough to rebuild it from a
 * link. An expansion lists its pages in order (the first with all types, then "+N more" pages).
 */
export type LayerSource =
  | { kind: 'overview' }
  | { kind: 'query'; query?: string; cypher?: string; params: Record<string, unknown> }
  | { kind: 'expand'; ref: string; pages: { type?: string; skip: number; limit: number }[] }
  | { kind: 'paths'; from: string; to: string; exclude: string[] }
  | { kind: 'node'; ref: string }
  // A node with its relationships to these nodes (by reference): what a merge or its undo drew,
  // read again as such rather than as the node's whole neighbourhood.
  | { kind: 'around'; ref: string; ends: string[] };

export interface GraphState {
  /** Data of every node some layer holds. */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: ReadonlyMap<string, GraphEdge>;
  readonly layers: readonly Layer[];
  /** Nodes the analyst hid; they stay loaded (and come back with "show hidden"). */
  readonly hidden: ReadonlySet<string>;
  /** Nodes pinned by dragging: the layout does not move them. */
  readonly pinned: ReadonlySet<string>;
  /** Where pinned nodes are held (graph coordinates), when known: links put them back there. */
  readonly pinnedAt?: ReadonlyMap<string, { x: number; y: number }>;
  readonly nextLayer: number;
}

export const EMPTY_GRAPH: GraphState = {
  nodes: new Map(),
  edges: new Map(),
  layers: [],
  hidden: new Set(),
  pinned: new Set(),
  nextLayer: 1,
};

export interface LayerInput {
  kind: LayerKind;
  title: string;
  anchor?: string;
  more?: Record<string, number>;
  loaded?: Record<string, number>;
  totals?: Record<string, number>;
  source?: LayerSource;
}

function uniq(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/**
 * Adds a payload as a new layer; node and edge data already loaded is refreshed with the
 * payload's (newer) copy. O(payload) amortised, plus O(hidden + pinned) (adding drops nothing: no prune).
 */
export function addLayer(state: GraphState, payload: GraphPayload, input: LayerInput): GraphState {
  const { nodes, edges, edgeList } = withPayload(state, payload);
  const nodeIds = uniq([...(input.anchor ? [input.anchor] : []), ...payload.nodes.map((n) => n.id)]);
  const layer: Layer = {
    id: `L${state.nextLayer}`,
    kind: input.kind,
    title: input.title,
    ...(input.anchor !== undefined ? { anchor: input.anchor } : {}),
    nodeIds,
    edgeIds: uniq(edgeList.map((e) => e.id)),
    ...(input.more ? { more: { ...input.more } } : {}),
    ...(input.loaded ? { loaded: { ...input.loaded } } : {}),
    ...(input.totals ? { totals: { ...input.totals } } : {}),
    ...(input.source ? { source: input.source } : {}),
  };
  // The payload's nodes are un-hidden: the analyst asked for them explicitly.
  let hidden = state.hidden;
  if (payload.nodes.some((n) => hidden.has(n.id))) {
    const h = new Set(hidden);
    for (const n of payload.nodes) h.delete(n.id);
    hidden = h;
  }
  return withPools({ ...state, hidden, nextLayer: state.nextLayer + 1 }, [...state.layers, layer], { nodes, edges });
}

/** Replaces everything with one layer (a new overview or a query result shown on its own). */
export function replaceWith(state: GraphState, payload: GraphPayload, input: LayerInput): GraphState {
  const next = addLayer({ ...state, layers: [], hidden: new Set() }, payload, input);
  // Nothing loaded before: nothing to drop. (Else what stays keeps its order: layouts repeat.)
  return state.nodes.size ? prune(next, next.layers, next) : next;
}

/** Counts the neighbours a payload brought per relationship type (edges touching the anchor). */
export function countByType(anchor: string, payload: GraphPayload): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of payload.edges) {
    if (e.source === anchor || e.target === anchor) out[e.type] = (out[e.type] ?? 0) + 1;
  }
  return out;
}

/** The expansion layer of a node, if it is expanded. */
export function expansionOf(state: GraphState, anchor: string): Layer | undefined {
  return state.layers.find((l) => l.kind === 'expand' && l.anchor === anchor);
}

/**
 * Records an expansion of `anchor`. `more` is the API's per-type "not returned" count. When the
 * node is already expanded, the new page is merged into the same layer (so one collapse removes
 * all pages) and `more` is replaced for the types the page covered.
 *
 * `connecting` are the relationships between the page's new nodes and the rest of the view
 * (POST /api/edges/between, "connect result nodes"): they join the same layer, so undo and
 * collapse remove them too. Those touching the anchor are dropped — they belong to the anchor's
 * own pages, whose "loaded"/"+N more" counts must stay exact. Cost O(payload + layer + layers),
 * amortised, plus O(hidden + pinned).
 */
export function expand(
  state: GraphState,
  anchor: string,
  payload: GraphPayload,
  more: Record<string, number>,
  title: string,
  connecting: readonly GraphEdge[] = [],
  page?: { totals?: Record<string, number>; source?: LayerSource },
): GraphState {
  const existing = expansionOf(state, anchor);
  const got = countByType(anchor, payload);
  const extra = connecting.filter((e) => e.source !== anchor && e.target !== anchor);
  const full: GraphPayload = extra.length ? { nodes: payload.nodes, edges: [...payload.edges, ...extra] } : payload;
  if (!existing) {
    return addLayer(state, full, {
      kind: 'expand',
      title,
      anchor,
      more: positive(more),
      loaded: got,
      ...(page?.totals ? { totals: page.totals } : {}),
      ...(page?.source ? { source: page.source } : {}),
    });
  }
  const { nodes, edges, edgeList } = withPayload(state, full);
  const loaded: Record<string, number> = { ...(existing.loaded ?? {}) };
  for (const [t, c] of Object.entries(got)) loaded[t] = (loaded[t] ?? 0) + c;
  const merged: Layer = {
    ...existing,
    nodeIds: uniq([...existing.nodeIds, ...full.nodes.map((n) => n.id)]),
    edgeIds: uniq([...existing.edgeIds, ...edgeList.map((e) => e.id)]),
    more: positive({ ...(existing.more ?? {}), ...more }),
    loaded,
    ...(page?.totals || existing.totals ? { totals: { ...(existing.totals ?? {}), ...(page?.totals ?? {}) } } : {}),
    ...(existing.source?.kind === 'expand' && page?.source?.kind === 'expand'
      ? { source: { ...existing.source, pages: [...existing.source.pages, ...page.source.pages] } }
      : {}),
  };
  let hidden = state.hidden;
  if (full.nodes.some((n) => hidden.has(n.id))) {
    const h = new Set(hidden);
    for (const n of full.nodes) h.delete(n.id);
    hidden = h;
  }
  const layers = state.layers.map((l) => (l.id === existing.id ? merged : l));
  return withPools({ ...state, hidden }, layers, { nodes, edges });
}

/**
 * What to ask POST /api/edges/between after an expansion page: the page's nodes that are not
 * loaded yet (`nodes`), and the loaded ones (`among`, hidden included: their edges come back
 * with "show hidden"). Null when the page brought nothing new. The lists are cut to the
 * endpoint's caps; `cut` says when the view was larger. O(page + caps.among), whatever the
 * number of loaded nodes.
 */
export function connectRequest(
  state: GraphState,
  payload: GraphPayload,
  caps: { nodes: number; among: number },
): { nodes: string[]; among: string[]; cut: boolean } | null {
  const fresh = uniq(payload.nodes.map((n) => n.id).filter((id) => !state.nodes.has(id)));
  if (!fresh.length) return null;
  const among: string[] = [];
  for (const id of state.nodes.keys()) {
    if (among.length === caps.among) break;
    among.push(id);
  }
  return {
    nodes: fresh.slice(0, caps.nodes),
    among,
    cut: fresh.length > caps.nodes || state.nodes.size > caps.among,
  };
}

function positive(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (v > 0) out[k] = v;
  return out;
}

/** Removes a node's expansion: its neighbours go unless another layer holds them. */
export function collapse(state: GraphState, anchor: string): GraphState {
  const layers = state.layers.filter((l) => !(l.kind === 'expand' && l.anchor === anchor));
  if (layers.length === state.layers.length) return state;
  return prune(state, layers, state);
}

/** Removes any layer by id (e.g. a path result). */
export function removeLayer(state: GraphState, layerId: string): GraphState {
  const layers = state.layers.filter((l) => l.id !== layerId);
  if (layers.length === state.layers.length) return state;
  return prune(state, layers, state);
}

export function hide(state: GraphState, ids: readonly string[]): GraphState {
  const h = new Set(state.hidden);
  for (const id of ids) if (state.nodes.has(id)) h.add(id);
  return h.size === state.hidden.size ? state : { ...state, hidden: h };
}

export function unhideAll(state: GraphState): GraphState {
  return state.hidden.size === 0 ? state : { ...state, hidden: new Set() };
}

/** Pins (at a graph position, when given) or unpins a node. */
export function setPinned(state: GraphState, id: string, pinned: boolean, at?: { x: number; y: number }): GraphState {
  if (!state.nodes.has(id)) return state;
  const was = state.pinnedAt?.get(id);
  const moved = pinned && at && (!was || was.x !== at.x || was.y !== at.y);
  if (state.pinned.has(id) === pinned && !moved) return state;
  const p = new Set(state.pinned);
  const where = new Map(state.pinnedAt ?? []);
  if (pinned) {
    p.add(id);
    if (at) where.set(id, { x: at.x, y: at.y });
  } else {
    p.delete(id);
    where.delete(id);
  }
  return { ...state, pinned: p, pinnedAt: where };
}

/**
 * The label a node is coloured and captioned by: the first the active perspective lists (in its
 * order), else its first label that is not an umbrella one, else "(no label)". Works on any database.
 */
export function primaryLabel(labels: readonly string[]): string {
  return mainLabel(activePerspective(), labels);
}

/** Every label a node counts under in the legend and filters (all but umbrella labels such as :Entity). */
export function countedLabels(labels: readonly string[]): string[] {
  return legendLabels(activePerspective(), labels);
}

export interface VisibleGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Whether the canvas shows loaded node `n` of `state`: not hidden, and none of its labels toggled
 * off in the legend (hiding Person hides the actors too). O(its labels).
 */
export function isShown(state: GraphState, n: GraphNode, hiddenLabels: ReadonlySet<string>): boolean {
  return !state.hidden.has(n.id) && !(hiddenLabels.size && countedLabels(n.labels).some((l) => hiddenLabels.has(l)));
}

/**
 * What the canvas should show: loaded nodes minus hidden ones and those with a label toggled off
 * in the legend (any of its labels: hiding Person hides the actors too); edges between shown
 * nodes. O(nodes + edges).
 */
export function visibleGraph(state: GraphState, hiddenLabels: ReadonlySet<string> = new Set()): VisibleGraph {
  // Nothing hidden: all is drawn (the pools hold only edges between loaded nodes).
  if (!state.hidden.size && !hiddenLabels.size)
    return { nodes: [...state.nodes.values()], edges: [...state.edges.values()] };
  const nodes: GraphNode[] = [];
  const shown = new Set<string>();
  for (const n of state.nodes.values()) {
    if (!isShown(state, n, hiddenLabels)) continue;
    nodes.push(n);
    shown.add(n.id);
  }
  const edges: GraphEdge[] = [];
  for (const e of state.edges.values()) if (shown.has(e.source) && shown.has(e.target)) edges.push(e);
  return { nodes, edges };
}

/**
 * Loaded (not hidden) nodes per label — what the legend counts, including toggled-off labels. A
 * node counts under each of its labels (an Actor:Person under both), not under umbrella labels.
 */
export function countByLabel(state: GraphState): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of state.nodes.values()) {
    if (state.hidden.has(n.id)) continue;
    for (const l of countedLabels(n.labels)) out.set(l, (out.get(l) ?? 0) + 1);
  }
  return out;
}

/** Nodes that are expanded, in expansion order. */
export function expandedAnchors(state: GraphState): string[] {
  return state.layers.filter((l) => l.kind === 'expand' && l.anchor).map((l) => l.anchor!);
}

/**
 * The name people read: the active perspective's caption rule for the node's main label (so a
 * style edit re-captions at once), else the API's caption.
 */
export function displayCaption(node: Pick<GraphNode, 'id' | 'labels' | 'caption' | 'properties'>): string {
  const p = activePerspective();
  return p ? nodeCaptionOf(p, node.labels, node.properties, node.id) : node.caption;
}

/** Finds a node by element id or by our own `id` property (deep links use the latter). */
export function findNode(state: GraphState, ref: string): GraphNode | undefined {
  const direct = state.nodes.get(ref);
  if (direct) return direct;
  for (const n of state.nodes.values()) if (n.key === ref) return n;
  return undefined;
}

/** The most readable stable reference to a node: our `id` when present, else its element id. */
export function nodeRef(node: GraphNode): string {
  return node.key ?? node.id;
}

/** The current graph as a plain payload (JSON export). */
export function toPayload(state: GraphState): GraphPayload {
  const v = visibleGraph(state);
  return { nodes: v.nodes, edges: v.edges };
}

/** Shows one hidden node again (opening it brings it back). */
export function unhide(state: GraphState, id: string): GraphState {
  if (!state.hidden.has(id)) return state;
  const hidden = new Set(state.hidden);
  hidden.delete(id);
  return { ...state, hidden };
}
