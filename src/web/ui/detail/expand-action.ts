/**
 * What the detail panel's Expand button offers. Once everything of an expanded node is drawn
 * (no "+N more", every relationship the API counted — and the panel's fresher degree — on
 * screen, no neighbour hidden), expanding again would only refetch what is there: the button
 * stays (it picks up relationships added since, and brings back neighbours hidden later) but is
 * no longer the panel's main action and says why. Pure.
 */
import { hiddenNeighbour, loopsAt, remainingMore, shownOfTotals } from '../../core/expansion/more';
import { expansionOf, type GraphState } from '../../core/graph/graph-store';

export interface ExpandAction {
  label: string;
  /** The count beside the label, e.g. "(20)" or "(all 20 shown)". */
  count: string | null;
  primary: boolean;
  title: string;
}

// Asked on every render of the panel: kept per graph state (a state never changes; each change
// makes a new one), node and degree.
const offered = new WeakMap<GraphState, Map<string, ExpandAction>>();

/**
 * `degree`: the node's relationships in all, from its detail (undefined while it loads). O(edges)
 * the first time per graph state and node (one pass, shared with the counts of
 * core/expansion/more.ts), O(1) when asked again without a graph change.
 */
export function expandAction(state: GraphState, id: string, degree: number | undefined): ExpandAction {
  let byNode = offered.get(state);
  if (!byNode) offered.set(state, (byNode = new Map()));
  const key = `${degree ?? ''} ${id}`;
  const known = byNode.get(key);
  if (known) return known;
  const action = decide(state, id, degree);
  byNode.set(key, action);
  return action;
}

function decide(state: GraphState, id: string, degree: number | undefined): ExpandAction {
  const layer = expansionOf(state, id);
  const count = degree !== undefined ? `(${degree})` : null;
  if (!layer)
    return { label: 'Expand', count, primary: true, title: 'Fetch its neighbours (double-click does the same)' };
  const again = { label: 'Expand again', count, primary: true, title: 'Fetch the neighbours not shown yet' };
  if (!layer.totals || Object.keys(remainingMore(state, layer)).length) return again;
  const total = Object.values(layer.totals).reduce((a, b) => a + b, 0);
  const shown = shownOfTotals(state, id, layer.totals);
  // The detail's degree counts a self-loop as outgoing and incoming, the expansion's totals once.
  const fresher = degree !== undefined && degree > shown + loopsAt(state, id);
  if (shown < total || fresher || hiddenNeighbour(state, id)) return again;
  return {
    label: 'Expand again',
    count: `(all ${shown} shown)`,
    primary: false,
    title: `All ${shown} relationship${shown === 1 ? ' is' : 's are'} already shown: expanding again only picks up any added since`,
  };
}
