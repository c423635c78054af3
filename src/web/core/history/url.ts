/**
 * The view as a deep link: what the URL carries of the app state (nodes by their readable
 * reference). Pure; the browser side is app/url.ts.
 */
import { DEFAULT_EXPAND_LIMIT } from '../expansion/actions';
import { expandedAnchors, nodeRef } from '../graph/graph-store';
import type { AppState } from '../state';
import { encodeRecipe, isPlainOverview, MAX_RECIPE_CHARS, recipeOf } from './recipe';
import type { UrlState } from './url-state';

/**
 * `saved`: ids of recipes too long for a link that the server has stored (encoded recipe → id);
 * such a view's link carries the id, and one not stored yet is left in `longView` for the caller.
 */
export function urlStateOf(s: AppState, saved: ReadonlyMap<string, string> = new Map()): UrlState {
  const g = s.history.present.state;
  const ref = (id: string) => {
    const n = g.nodes.get(id);
    return n ? nodeRef(n) : id;
  };
  const d = s.drawer;
  const out: UrlState = {
    expand: expandedAnchors(g).map(ref),
    params: d.open ? d.params : {},
    run: d.open && d.ran,
    hiddenLabels: [...s.hiddenLabels],
  };
  if (s.focus) out.focus = ref(s.focus);
  else if (s.missingFocus && s.missingFocus.seq === s.history.present.seq) out.focus = s.missingFocus.ref;
  if (s.expandLimit !== DEFAULT_EXPAND_LIMIT) out.expandLimit = s.expandLimit;
  if (d.open && d.mode === 'saved' && d.query) out.query = d.query;
  if (d.open && d.mode === 'cypher' && d.cypher.trim()) out.cypher = d.cypher;
  if (s.path && s.path.count > 0) out.paths = [ref(s.path.from), ref(s.path.to)];
  if (s.view.mode !== 'graph') out.mode = s.view.mode;
  if (s.view.mode === 'claims' && s.claims.contestedOnly) out.contested = true;
  if (s.reader) out.quote = { ...s.reader.request };
  const recipe = recipeOf({ graph: g, filters: s.filters, timeMode: s.timeline.mode, view: s.view.mode });
  if (recipe && !isPlainOverview(recipe)) {
    const v = encodeRecipe(recipe);
    if (v.length <= MAX_RECIPE_CHARS) out.view = v;
    else if (saved.has(v)) out.savedView = saved.get(v)!;
    else out.longView = v;
  }
  return out;
}
