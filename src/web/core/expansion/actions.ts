/**
 * Growing and trimming the exploration: expansion results, "+N more" pages, collapse, hide,
 * pins, the legend's label toggles. Pure producers and the status sentences they come with;
 * the requests are the app's (app/expansion.ts).
 */
import type { GraphEdge, GraphPayload } from '../../../shared/graph';
import { collapse, expand, hide, setPinned, unhideAll, type GraphState, type LayerSource } from '../graph/graph-store';
import { addsNothing } from './more';
import { amendGraph, commitGraph, graphOf } from '../history/actions';
import type { UrlState } from '../history/url-state';
import type { AppState } from '../state';

/** Neighbours fetched per expansion (the API's `limit`): the choices, and the default. */
export const EXPAND_LIMITS = [10, 25, 50, 100, 250] as const;
export const DEFAULT_EXPAND_LIMIT = 100;

export const setExpandLimit =
  (expandLimit: number) =>
  (s: AppState): AppState => ({ ...s, expandLimit });

/**
 * Back/forward: "Expand up to" as the entry's URL has it — a URL without one (or with a size not
 * offered, which parsing drops) was written at the default.
 */
export const expandLimitFromUrl =
  (url: UrlState) =>
  (s: AppState): AppState => {
    const expandLimit = url.expandLimit ?? DEFAULT_EXPAND_LIMIT;
    return s.expandLimit === expandLimit ? s : { ...s, expandLimit };
  };

/**
 * Records a page of an expansion of `center` (and the links to the rest of the view) as one
 * step. A page that adds nothing to the view is no step: the expansion is still recorded (its
 * "+N more" and how to fetch it again), in place.
 */
export const expanded =
  (
    center: string,
    page: GraphPayload,
    more: Record<string, number>,
    title: string,
    links: readonly GraphEdge[],
    extra?: { totals?: Record<string, number>; source?: LayerSource },
  ) =>
  (s: AppState): AppState => {
    const before = graphOf(s);
    const next = expand(before, center, page, more, title, links, extra);
    return addsNothing(before, next) ? amendGraph(next)(s) : commitGraph(next, title)(s);
  };

/**
 * "Vyacheslav Gladkov: 12 of 20 relationships shown, 9 new nodes · +8 more." A hub's page is
 * smaller than the one asked for (the API caps it): `hubPage` says how many it holds.
 */
export function expandedMessage(
  caption: string,
  r: { shown: number; total: number; added: number; more: Record<string, number>; hubPage?: number },
  note: string,
): string {
  const left = Object.values(r.more).reduce((a, b) => a + b, 0);
  if (!r.added && !left && r.shown >= r.total)
    return `${caption}: all ${r.total} relationship${r.total === 1 ? ' is' : 's are'} already shown.${note}`;
  return (
    `${caption}: ${r.shown} of ${r.total} relationships shown` +
    (r.added ? `, ${r.added} new node${r.added === 1 ? '' : 's'}` : ', nothing new') +
    (left ? ` · +${left} more` : '') +
    (r.hubPage && left ? ` (a hub: ${r.hubPage} at a time)` : '') +
    '.' +
    note
  );
}

/**
 * "Gladkov: showing 10 of 13 “participated in” relationships, 10 new nodes." A node's first
 * expansion by one type (a type's button in the detail panel): nothing of it was fetched before,
 * so not the "N more" of a next page.
 */
export function typeExpandedMessage(
  caption: string,
  type: string,
  r: { shown: number; total: number; added: number },
  note: string,
): string {
  if (!r.total) return `${caption}: no “${type}” relationships.${note}`;
  const which = r.shown < r.total ? `${r.shown} of ${r.total}` : r.total === 1 ? 'its one' : `all ${r.total}`;
  return (
    `${caption}: showing ${which} “${type}” relationship${r.total === 1 ? '' : 's'}` +
    (r.added ? `, ${r.added} new node${r.added === 1 ? '' : 's'}` : ', nothing new') +
    '.' +
    note
  );
}

/** "Gladkov: 10 more governor of · +3 still not shown." */
export function moreMessage(
  caption: string,
  type: string,
  added: number,
  stillMore: number | undefined,
  note: string,
): string {
  const what = added ? `${added} more ${type}` : `no ${type} that is not shown already`;
  return `${caption}: ${what}${stillMore ? ` · +${stillMore} still not shown` : ''}.${note}`;
}

const captionOf = (g: GraphState, id: string) => g.nodes.get(id)?.caption ?? id;

export const collapseNode =
  (id: string) =>
  (s: AppState): AppState => ({
    ...commitGraph(collapse(graphOf(s), id), `Collapsed ${captionOf(graphOf(s), id)}`)(s),
    contextMenu: null,
  });

/** Hides nodes (one step) and drops them from the selection. */
export const hideNodes =
  (ids: readonly string[]) =>
  (s: AppState): AppState => {
    if (!ids.length) return s;
    const g = graphOf(s);
    const caption = ids.length === 1 ? captionOf(g, ids[0]!) : `${ids.length} nodes`;
    const selection = s.selection.filter((x) => !ids.includes(x));
    const focus = s.focus !== null && selection.includes(s.focus) ? s.focus : null;
    const changed = selection.length !== s.selection.length || focus !== s.focus;
    const selected = changed
      ? { before: { selection: s.selection, focus: s.focus }, after: { selection, focus } }
      : undefined;
    const next = commitGraph(hide(g, ids), `Hid ${caption}`, selected)(s);
    return { ...next, selection, focus, contextMenu: null, ...(focus ? {} : { detail: null }) };
  };

export const showHidden =
  () =>
  (s: AppState): AppState =>
    commitGraph(unhideAll(graphOf(s)), 'Showed hidden nodes')(s);

/** Pins or unpins a node; no step of its own (the drag already moved it). */
export const pinNode =
  (id: string, pinned: boolean, at?: { x: number; y: number }) =>
  (s: AppState): AppState => ({ ...amendGraph(setPinned(graphOf(s), id, pinned, at))(s), contextMenu: null });

/** Shows or hides every node of a main label (the legend). */
export const toggleLabel =
  (label: string) =>
  (s: AppState): AppState => {
    const h = new Set(s.hiddenLabels);
    if (h.has(label)) h.delete(label);
    else h.add(label);
    return { ...s, hiddenLabels: h };
  };

export const showAllLabels =
  () =>
  (s: AppState): AppState => ({ ...s, hiddenLabels: new Set() });
