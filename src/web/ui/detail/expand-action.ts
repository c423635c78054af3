/**
 * What the detail panel's Expand button offers. Once everything of an expanded node is drawn
 * (no "+N more", every relationship the API counted — and the panel's fresher degree — on
 * screen, no neighbour hidden), expanding again would only refetch what is there: the button
 * stays (it picks up relationships added since, and brings back neighbours hidden later) but is
 * no longer the panel's main action and says why. Pure.
 */
import { remainingMore, shownOfTotals } from '../../core/expansion/more';
import { expansionOf, type GraphState } from '../../core/graph/graph-store';

export interface ExpandAction {
  label: string;
  /** The count beside the label, e.g. "(20)" or "(all 20 shown)". */
  count: string | null;
  primary: boolean;
  title: string;
}

/** `degree`: the node's relationships in all, from its detail (undefined while it loads). O(edges). */
export function expandAction(state: GraphState, id: string, degree: number | undefined): ExpandAction {
  const layer = expansionOf(state, id);
  const count = degree !== undefined ? `(${degree})` : null;
  if (!layer)
    return { label: 'Expand', count, primary: true, title: 'Fetch its neighbours (double-click does the same)' };
  const again = { label: 'Expand again', count, primary: true, title: 'Fetch the neighbours not shown yet' };
  if (!layer.totals || Object.keys(remainingMore(state, layer)).length) return again;
  const total = Object.values(layer.totals).reduce((a, b) => a + b, 0);
  const shown = shownOfTotals(state, id, layer.totals);
  if (shown < total || (degree !== undefined && degree > shown) || hiddenNeighbour(state, id)) return again;
  return {
    label: 'Expand again',
    count: `(all ${shown} shown)`,
    primary: false,
    title: `All ${shown} relationship${shown === 1 ? ' is' : 's are'} already shown: expanding again only picks up any added since`,
  };
}

function hiddenNeighbour(state: GraphState, id: string): boolean {
  if (!state.hidden.size) return false;
  for (const e of state.edges.values()) {
    if (e.source === id && state.hidden.has(e.target)) return true;
    if (e.target === id && state.hidden.has(e.source)) return true;
  }
  return false;
}
