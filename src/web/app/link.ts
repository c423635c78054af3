/**
 * Replaying a link's view recipe (core/history/recipe.ts) on a fresh page: each layer fetched
 * again in order with the requests that made it (the overview, a query with its parameters, an
 * expansion page by page, paths, single nodes, what a merge or its undo drew), then the hidden
 * nodes, the pins at their positions, the timeline's filters and the view. The same node set
 * comes back whether or not the drawer is open, and a link made before a merge draws the survivor
 * where it names the merged-away duplicate.
 */
import type { GraphEdge, GraphNode } from '../../shared/graph';
import { EDGES_BETWEEN_MAX_AMONG } from '../../shared/api/edges-caps';
import { MERGE_DRAW_MAX } from '../../shared/api/merge-caps';
import { describeError } from '../api/errors';
import { addLayer, EMPTY_GRAPH, findNode, nodeRef, type LayerSource } from '../core/graph/graph-store';
import { batches, renamedSource, resolveEnds } from '../core/graph/link-merges';
import { aroundPart } from '../core/graph/merge-view';
import { pinNode, hideNodes } from '../core/expansion/actions';
import { commitGraph, graphOf } from '../core/history/actions';
import type { ViewRecipe } from '../core/history/recipe';
import type { Explorer } from './explorer';
import { findPathsLinked, LinkMerges, noteMerged, offerSurvivor } from './merged';

/**
 * Rebuilds the recipe's view. The page has already loaded the overview. A node the link names
 * that was merged away since is drawn as its survivor (merged.ts `LinkMerges`), with a quiet note
 * rather than an error; `merges` keeps what was learnt for the link's focus.
 */
export async function replayRecipe(app: Explorer, r: ViewRecipe, merges = new LinkMerges()): Promise<void> {
  for (const [i, layer] of r.layers.entries()) {
    const l = renamedSource(layer, merges.renames);
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
        await replayExpand(app, merges, l);
        break;
      case 'paths':
        if (i === 0) clear(app);
        await findPathsLinked(app, merges, l, l.exclude);
        break;
      case 'node':
        if (i === 0) clear(app);
        await replayNode(app, merges, l.ref);
        break;
      case 'around':
        if (i === 0) clear(app);
        await replayAround(app, merges, l);
        break;
    }
  }
  const g = () => graphOf(app.state);
  const hidden = (r.hidden ?? []).flatMap((ref) => findNode(g(), merges.ref(ref))?.id ?? []);
  if (hidden.length) app.store.set(hideNodes(hidden));
  const pins = Object.entries(r.pins ?? {}).flatMap(([ref, [x, y]]) => {
    const n = findNode(g(), merges.ref(ref));
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
  noteMerged(app, merges);
}

/**
 * An expansion's layer, page by page; an expansion of a node merged away since is that of its
 * survivor (the first page's 404 is taken back and the pages read from the survivor).
 */
async function replayExpand(app: Explorer, merges: LinkMerges, l: Extract<LayerSource, { kind: 'expand' }>) {
  try {
    await merges.on(l.ref, async (ref) => {
      for (const [k, p] of l.pages.entries()) {
        const anchor = findNode(graphOf(app.state), ref)?.id ?? ref;
        if (p.type === undefined) await app.expansion.expand(anchor, { limit: p.limit, passMerged: k === 0 });
        else await app.expansion.expandMore(anchor, p.type, { skip: p.skip, limit: p.limit, passMerged: k === 0 });
      }
    });
  } catch (e) {
    // Only a chain of merges too long or coming back on itself gets here (expand says any other error).
    if (!offerSurvivor(app, e)) app.shell.setStatus('error', `Could not expand “${l.ref}”: ${describeError(e)}`);
  }
}

/** A single node's layer; one merged away since adds its survivor. */
async function replayNode(app: Explorer, merges: LinkMerges, ref: string): Promise<void> {
  try {
    await merges.on(ref, async (r) => {
      if (!findNode(graphOf(app.state), r)) await app.selection.addRef(r, undefined, true);
    });
  } catch (e) {
    // Only a chain of merges too long or coming back on itself gets here: said as a page would.
    if (!offerSurvivor(app, e)) app.shell.setStatus('error', `Could not open “${ref}”: ${describeError(e)}`);
  }
}

const none = (): null => null;

/** How many nodes a replayed merge reads at once for ends found neither loaded nor in its neighbour page. */
const END_READS_AT_ONCE = 6;

/**
 * A merge's or its undo's layer: the node with its relationships to exactly the nodes drawn then
 * (`ends`), as one step, whether or not the node is a hub. Ends not loaded are looked for in one
 * page of the node's neighbours (the size of what the write drew); those still missing (a hub's
 * page may hold few of them) are read one by one, `END_READS_AT_ONCE` at a time (the API reads
 * nodes by id only one at a time: edges/between answers relationships, not their ends); then the
 * relationships between the node and every end found, `EDGES_BETWEEN_MAX_AMONG` ends a read.
 * Cost, bounded by the ends a draw records (at most MERGE_DRAW_MAX + 1): 1 node read, at most
 * 1 page, one node detail read per end in neither (and one per merge it went through since, when
 * its survivor is in neither either; the server names a chain's last survivor, so one), and
 * ⌈ends / EDGES_BETWEEN_MAX_AMONG⌉ (one) relationship reads of at most EDGES_BETWEEN_DEFAULT_LIMIT
 * each. An end gone since is left out, and one merged away since is drawn as its survivor, as the
 * live session's re-pointed step would be; a node gone since draws nothing and the status line
 * says so; the node itself merged away since is drawn as its survivor.
 */
async function replayAround(
  app: Explorer,
  merges: LinkMerges,
  l: Extract<LayerSource, { kind: 'around' }>,
): Promise<void> {
  const g = graphOf(app.state);
  try {
    const center = await merges.on(l.ref, async (r) => findNode(g, r) ?? (await app.api.node(r)).node);
    const ends = l.ends.map((r) => merges.ref(r)).filter((r) => r !== l.ref && r !== nodeRef(center));
    const loaded = resolveEnds(ends, g, []);
    const page = loaded.missing.length ? await app.api.neighbours(center.id, { limit: MERGE_DRAW_MAX }) : null;
    const { found, missing } = page ? resolveEnds(ends, g, page.nodes) : loaded;
    // A survivor of an end merged away since is often loaded or in the page already (it took the end's relationships).
    const known = (r: string) => resolveEnds([r], g, page?.nodes ?? []).found[0];
    const readEnd = (r: string) => merges.on(r, async (at) => known(at) ?? (await app.api.node(at)).node).catch(none);
    const read: GraphNode[] = [];
    for (const batch of batches(missing, END_READS_AT_ONCE)) {
      const got = await Promise.all(batch.map(readEnd));
      read.push(...got.filter((n): n is GraphNode => n !== null && n.id !== center.id));
    }
    const edges: GraphEdge[] = [];
    const ids = [...new Set([...found, ...read].map((n) => n.id))];
    for (const among of batches(ids, EDGES_BETWEEN_MAX_AMONG)) {
      edges.push(...(await app.api.edgesBetween({ nodes: [center.id], among })).edges);
    }
    const drawnEnds = ends.map((r) => merges.ref(r));
    const part = aroundPart(center, drawnEnds, edges, [...(page?.nodes ?? []), ...read], g);
    const n = part.edges.length;
    const title = `Drew ${center.caption} with ${n} ${n === 1 ? 'relationship' : 'relationships'}`;
    const source = renamedSource(l, merges.renames);
    app.store.set((s) => commitGraph(addLayer(graphOf(s), part, { kind: 'node', title, source }), title)(s));
    const fresh = part.nodes.map((x) => x.id).filter((id) => !g.nodes.has(id));
    if (fresh.length) app.render.runLayout(false, fresh);
  } catch (e) {
    if (!offerSurvivor(app, e)) app.shell.setStatus('error', `Could not draw “${l.ref}” again: ${describeError(e)}`);
  }
}

/** A recipe that does not start from the overview or a query starts from an empty view. */
function clear(app: Explorer): void {
  const g = graphOf(app.state);
  if (g.nodes.size) app.store.set(commitGraph({ ...EMPTY_GRAPH, nextLayer: g.nextLayer }, 'Cleared'));
}
