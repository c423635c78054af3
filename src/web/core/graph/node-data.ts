/**
 * A node's data changed on the server (an editor saved it): the new properties replace the old
 * in every step of the exploration history that holds the node. Not a step of its own: undo
 * walks the exploration, and cannot take back a change already saved for everyone, so going
 * back must not bring the old name back either.
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import type { AppState } from '../state';
import type { Entry } from '../history/history';
import type { GraphState } from './graph-store';
import { displayCaption } from './graph-store';
import { OverlayMap } from './overlay-map';
import { refreshNode } from './refresh';
import { prune } from './pools';

/** The node with new (whole, unclipped) properties, its API caption following a renamed name. */
export function withProperties(node: GraphNode, properties: Record<string, unknown>): GraphNode {
  const { clipped: _clipped, ...rest } = node;
  const named = typeof node.properties.name === 'string' && node.caption === node.properties.name;
  const caption = named && typeof properties.name === 'string' ? properties.name : node.caption;
  const next = { ...rest, properties, caption };
  return { ...next, caption: displayCaption(next) };
}

function refreshed(state: GraphState, id: string, properties: Record<string, unknown>): GraphState {
  const had = state.nodes.get(id);
  return had ? refreshNode(state, withProperties(had, properties)) : state;
}

/** The state without node `id` (and its edges): what layers held of it is dropped, the rest stays. */
function dropped(state: GraphState, id: string): GraphState {
  if (!state.nodes.has(id)) return state;
  const layers = state.layers.map((l) => ({ ...l, nodeIds: l.nodeIds.filter((n) => n !== id) }));
  return prune(state, layers, state);
}

/** `change` applied to every step of the history (past, present and future). */
export const everywhere =
  (change: (state: GraphState) => GraphState) =>
  (s: AppState): AppState => {
    const h = s.history;
    const entry = <E extends Entry<GraphState, unknown>>(e: E): E => {
      const state = change(e.state);
      return state === e.state ? e : { ...e, state };
    };
    return {
      ...s,
      history: { ...h, past: h.past.map(entry), present: entry(h.present), future: h.future.map(entry) },
    };
  };

/** Replaces node `id`'s properties in the present, past and future graphs. O(history entries). */
export const refreshNodeEverywhere = (id: string, properties: Record<string, unknown>) =>
  everywhere((state) => refreshed(state, id, properties));

/**
 * Node `fresh` read again (the server rewrote it: a claim's caption after its claimant was
 * renamed or merged) replaces the graph's copy in every step that holds it, as a detail read does.
 */
export const refreshReadEverywhere = (fresh: GraphNode) => everywhere((state) => refreshNode(state, fresh));

/**
 * Relationship `fresh` read again (the server rewrote its `according_to` when the entity it named
 * was merged) replaces the graph's copy in every step that holds it, its ends kept.
 */
export const refreshEdgeEverywhere = (fresh: GraphEdge) =>
  everywhere((state) => {
    const cur = state.edges.get(fresh.id);
    if (!cur || JSON.stringify(cur.properties) === JSON.stringify(fresh.properties)) return state;
    const { clipped: _clipped, ...rest } = cur;
    return { ...state, edges: OverlayMap.with(state.edges, [[cur.id, { ...rest, properties: fresh.properties }]]) };
  });

/** Which of relationships `ids` some step of the history holds, each once, those of the present first. */
export function edgesLoadedAnywhere(s: AppState, ids: readonly string[]): string[] {
  const h = s.history;
  const unique = [...new Set(ids)];
  const now = new Set(unique.filter((id) => h.present.state.edges.has(id)));
  const steps = [...h.past, ...h.future];
  return [...now, ...unique.filter((id) => !now.has(id) && steps.some((e) => e.state.edges.has(id)))];
}

/** Which of `ids` some step of the history holds, each once, those of the present first. O(ids × entries). */
export function loadedAnywhere(s: AppState, ids: readonly string[]): string[] {
  const h = s.history;
  const steps = [h.present, ...h.past, ...h.future];
  const unique = [...new Set(ids)];
  const now = new Set(unique.filter((id) => h.present.state.nodes.has(id)));
  return [...now, ...unique.filter((id) => !now.has(id) && steps.some((e) => e.state.nodes.has(id)))];
}

/**
 * Node `id` no longer exists (an editor merged it into another): it leaves the present, past and
 * future graphs, so neither the canvas nor undo can bring back a node the server has deleted.
 */
export const dropNodeEverywhere = (id: string) => everywhere((state) => dropped(state, id));

/** The state without relationships `ids` (their ends stay): what layers held of them is dropped. */
function droppedEdges(state: GraphState, ids: ReadonlySet<string>): GraphState {
  if (![...ids].some((id) => state.edges.has(id))) return state;
  const layers = state.layers.map((l) => ({ ...l, edgeIds: l.edgeIds.filter((e) => !ids.has(e)) }));
  return prune(state, layers, state);
}

/**
 * Relationships `ids` no longer exist (an undone merge moved them back to the duplicate): they
 * leave the present, past and future graphs, as a deleted node does. O(history entries × layers).
 */
export const dropEdgesEverywhere =
  (ids: readonly string[]) =>
  (s: AppState): AppState => {
    if (!ids.length) return s;
    const gone = new Set(ids);
    return everywhere((state) => droppedEdges(state, gone))(s);
  };
