/**
 * Shortest paths between two nodes: what is drawn (the nodes and relationships of every path
 * found) and the sentences around it. Pure.
 */
import type { PathsResponse } from '../../../shared/api';
import type { AppState } from '../state';

export interface PathView {
  from: string;
  to: string;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  count: number;
  length: number | null;
  truncated: boolean;
}

/** Path searches ignore MENTIONS by default: every entity is "mentioned by" an article, which makes trivial 2-hop paths. */
export const PATH_EXCLUDE = ['MENTIONS'];
/** Longest path searched for, in hops. */
export const PATH_MAX_HOPS = 6;

/** The union of the paths of a response. O(size of the paths). */
export function pathView(res: PathsResponse): PathView {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of res.paths) {
    p.nodes.forEach((n) => nodes.add(n));
    p.edges.forEach((e) => edges.add(e));
  }
  return {
    from: res.from,
    to: res.to,
    nodes,
    edges,
    count: res.paths.length,
    length: res.length,
    truncated: res.truncated,
  };
}

export function pathsMessage(view: PathView, label: string): string {
  if (!view.count)
    return `No path within ${PATH_MAX_HOPS} hops between ${label} (articles' MENTIONS links are not followed).`;
  return `${view.count}${view.truncated ? '+' : ''} shortest path${view.count === 1 ? '' : 's'} of ${view.length} hop${view.length === 1 ? '' : 's'} between ${label}.`;
}

export const showPath =
  (path: PathView | null) =>
  (s: AppState): AppState =>
    s.path === path ? s : { ...s, path };

/** What sigma draws of the path: nothing for a search that found none. */
export const drawnPath = (s: AppState): PathView | null => (s.path && s.path.count > 0 ? s.path : null);
