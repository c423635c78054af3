/**
 * Shortest paths between two nodes: what is drawn (the nodes and relationships of every path
 * found) and the sentences around it. Pure.
 */
import type { PathsResponse } from '../../../shared/api';
import { isShown, type GraphState } from '../graph/graph-store';
import type { AppState } from '../state';

export interface PathView {
  from: string;
  to: string;
  /** What is drawn: every path found, or the one stepped to. */
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** The individual paths, in the server's order. */
  paths: readonly { nodes: readonly string[]; edges: readonly string[] }[];
  /** The path stepped to (index in `paths`), or null when all are drawn. */
  step: number | null;
  count: number;
  length: number | null;
  truncated: boolean;
  /** The relationship types the search did not follow. */
  exclude: readonly string[];
}

/** Path searches ignore MENTIONS by default: every entity is "mentioned by" an article, which makes trivial 2-hop paths. */
export const PATH_EXCLUDE = ['MENTIONS'];

/** What "Find paths" can be told to skip, as the relationship types it then does not follow. */
export const PATH_SKIPS = {
  mentions: ['MENTIONS'],
  claims: ['MADE', 'ABOUT', 'CONTRADICTS', 'REPORTS'],
  articles: ['MENTIONS', 'REPORTS', 'PUBLISHED_BY', 'WRITTEN_BY', 'PHOTO_CREDIT', 'CONTRIBUTED_TO'],
} as const;
export type PathSkip = keyof typeof PATH_SKIPS;

/** The relationship types to leave out for these skips. */
export function excludeFor(skips: Iterable<PathSkip>): string[] {
  return [...new Set([...skips].flatMap((k) => PATH_SKIPS[k]))].sort();
}
/** Longest path searched for, in hops. */
export const PATH_MAX_HOPS = 6;

/** The union of the paths of a response (found skipping `exclude`). O(size of the paths). */
export function pathView(res: PathsResponse, exclude: readonly string[] = PATH_EXCLUDE): PathView {
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
    paths: res.paths.map((p) => ({ nodes: [...p.nodes], edges: [...p.edges] })),
    step: null,
    count: res.paths.length,
    length: res.length,
    truncated: res.truncated,
    exclude: [...exclude],
  };
}

/**
 * What a search that skipped mentions leaves out once they are followed too, for a one-click
 * retry after "no path"; null when it followed them already, or skipped articles altogether
 * (their mentions would go through the articles it was told to skip).
 */
export function excludeWithMentions(exclude: readonly string[]): string[] | null {
  if (!exclude.includes('MENTIONS')) return null;
  if (PATH_SKIPS.articles.every((t) => exclude.includes(t))) return null;
  return exclude.filter((t) => t !== 'MENTIONS');
}

export function pathsMessage(view: PathView, label: string, exclude: readonly string[] = PATH_EXCLUDE): string {
  if (!view.count) return `No path within ${PATH_MAX_HOPS} hops between ${label}${skipped(exclude)}.`;
  return `${view.count}${view.truncated ? '+' : ''} shortest path${view.count === 1 ? '' : 's'} of ${view.length} hop${view.length === 1 ? '' : 's'} between ${label}.`;
}

/** What a path search did not follow, as the end of its "no path" sentence (the user may have changed the skips). */
function skipped(exclude: readonly string[]): string {
  if (!exclude.length) return ', every relationship followed';
  if (exclude.length === 1 && exclude[0] === 'MENTIONS') return " (articles' MENTIONS links are not followed)";
  return ` (not followed: ${[...exclude].sort().join(', ')})`;
}

/**
 * The view drawing only path `step` (wrapping around), or every path again for null. O(size of
 * the paths).
 */
export function stepPath(view: PathView, step: number | null): PathView {
  if (!view.count) return view;
  if (step === null) {
    const nodes = new Set(view.paths.flatMap((p) => p.nodes));
    const edges = new Set(view.paths.flatMap((p) => p.edges));
    return { ...view, nodes, edges, step: null };
  }
  const i = ((step % view.count) + view.count) % view.count;
  const p = view.paths[i]!;
  return { ...view, nodes: new Set(p.nodes), edges: new Set(p.edges), step: i };
}

export const showPath =
  (path: PathView | null) =>
  (s: AppState): AppState =>
    s.path === path ? s : { ...s, path };

/** What sigma draws of the path: nothing for a search that found none. */
export const drawnPath = (s: AppState): PathView | null => (s.path && s.path.count > 0 ? s.path : null);

/**
 * Where the drawn path is broken: its nodes the view does not show (hidden, a label toggled off
 * in the legend, or no longer loaded), and how many of the drawn paths still run through shown
 * nodes only. O(size of the paths).
 */
export function pathBreaks(
  view: PathView,
  g: GraphState,
  hiddenLabels: ReadonlySet<string>,
): { hidden: string[]; intact: number; drawn: number } {
  const hidden = [...view.nodes].filter((id) => {
    const n = g.nodes.get(id);
    return !n || !isShown(g, n, hiddenLabels);
  });
  const drawn = view.step === null ? view.paths : view.paths.slice(view.step, view.step + 1);
  const gone = new Set(hidden);
  const intact = drawn.filter((p) => !p.nodes.some((id) => gone.has(id))).length;
  return { hidden, intact, drawn: drawn.length };
}
