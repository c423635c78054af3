/**
 * Replaying a link's view recipe (core/history/recipe.ts) on a fresh page: each layer fetched
 * again in order with the requests that made it (the overview, a query with its parameters, an
 * expansion page by page, paths, single nodes), then the hidden nodes, the pins at their
 * positions, the timeline's filters and the view. The same node set comes back whether or not
 * the drawer is open.
 */
import { EMPTY_GRAPH, findNode } from '../core/graph/graph-store';
import { pinNode, hideNodes } from '../core/expansion/actions';
import { commitGraph, graphOf } from '../core/history/actions';
import type { ViewRecipe } from '../core/history/recipe';
import type { Explorer } from './explorer';

/** Rebuilds the recipe's view. The page has already loaded the overview. */
export async function replayRecipe(app: Explorer, r: ViewRecipe): Promise<void> {
  for (const [i, l] of r.layers.entries()) {
    switch (l.kind) {
      case 'overview':
        // The page opens on it; only a later overview (after other layers) is loaded again.
        if (i > 0) await app.startup.loadOverview(false);
        break;
      case 'query':
        await app.query.runSource(l, i > 0);
        break;
      case 'expand':
        if (i === 0) clear(app);
        for (const p of l.pages) {
          const anchor = findNode(graphOf(app.state), l.ref)?.id ?? l.ref;
          if (p.type === undefined) await app.expansion.expand(anchor, { limit: p.limit });
          else await app.expansion.expandMore(anchor, p.type, { skip: p.skip, limit: p.limit });
        }
        break;
      case 'paths':
        if (i === 0) clear(app);
        await app.paths.find(l.from, l.to, l.exclude);
        break;
      case 'node':
        if (i === 0) clear(app);
        if (!findNode(graphOf(app.state), l.ref)) await app.selection.addRef(l.ref);
        break;
    }
  }
  const g = () => graphOf(app.state);
  const hidden = (r.hidden ?? []).flatMap((ref) => findNode(g(), ref)?.id ?? []);
  if (hidden.length) app.store.set(hideNodes(hidden));
  const pins = Object.entries(r.pins ?? {}).flatMap(([ref, [x, y]]) => {
    const n = findNode(g(), ref);
    return n ? [{ id: n.id, x, y }] : [];
  });
  if (pins.length) {
    // A layout still running from the last layer would move them: it starts again with them fixed.
    app.layout.stop();
    for (const p of pins) app.store.set(pinNode(p.id, true, { x: p.x, y: p.y }));
    app.render.runLayout(false);
  }
  const t = r.time;
  if (t) {
    if (t.reported) app.timeline.setTimeMode('reported');
    if (t.asOf) app.timeline.setAsOf(t.asOf);
    if (t.from && t.to) app.timeline.setRange({ from: t.from, to: t.to });
    if (t.hideOutside) app.timeline.setHideOutside(true);
    if (t.singleSource) app.timeline.setHideSingleSource(true);
  }
  if (r.view) await app.views.setMode(r.view);
}

/** A recipe that does not start from the overview or a query starts from an empty view. */
function clear(app: Explorer): void {
  const g = graphOf(app.state);
  if (g.nodes.size) app.store.set(commitGraph({ ...EMPTY_GRAPH, nextLayer: g.nextLayer }, 'Cleared'));
}
