/**
 * An editor's change to an entity (the detail panel's Edit form) or to a claim's status (Edit
 * status, on the claims board and a claim's detail): sent with the version read; once saved (or
 * when someone else's newer version comes back in a conflict) the graph's copy of the node and
 * its detail are brought up to date, so the canvas label and the panel agree.
 */
import type {
  ClaimStatusBody,
  NodeEditBody,
  NodeEditResponse,
  NodeMergeBody,
  NodeMergeResponse,
  NodeUnmergeResponse,
} from '../../shared/api';
import type { RelationshipDetailResponse } from '../../shared/api';
import type { GraphPayload } from '../../shared/graph';
import type { UndoMergeOffer } from '../core/shell/actions';
import type { GraphState } from '../core/graph/graph-store';
import {
  edgesLoadedAnywhere,
  loadedAnywhere,
  refreshEdgeEverywhere,
  refreshNodeEverywhere,
  refreshReadEverywhere,
} from '../core/graph/node-data';
import { mergedView, unmergedView } from '../core/graph/merge-view';
import { graphOf } from '../core/history/actions';
import type { Explorer } from './explorer';

/** Shows `properties` as the node's current ones: its canvas label and data, then its detail read again. */
export function showNodeVersion(app: Explorer, id: string, properties: Record<string, unknown>): void {
  app.store.set(refreshNodeEverywhere(id, properties));
  app.selection.forget(id);
  if (app.state.focus === id) void app.selection.loadDetail(id);
}

/** Most rewritten nodes read again after one write (the present graph's first): each is one request. */
export const REWRITTEN_READ_MAX = 100;
/** Reads of rewritten nodes in flight at once. */
const REWRITTEN_READS_AT_ONCE = 4;

/**
 * Reads the first REWRITTEN_READ_MAX of `ids` (those the view holds, chosen by the caller),
 * REWRITTEN_READS_AT_ONCE at a time, and hands each answer to `apply`; one that fails to read (gone
 * since) is left as it is. Resolves when all are read.
 */
async function readBounded<T>(
  ids: readonly string[],
  read: (id: string) => Promise<T>,
  apply: (id: string, data: T) => void,
): Promise<void> {
  const todo = ids.slice(0, REWRITTEN_READ_MAX);
  const reader = async (): Promise<void> => {
    for (let id = todo.shift(); id !== undefined; id = todo.shift()) {
      const data = await read(id).catch(() => null);
      if (data !== null) apply(id, data);
    }
  };
  await Promise.all(Array.from({ length: REWRITTEN_READS_AT_ONCE }, reader));
}

/**
 * Reads again the nodes a write rewrote besides its own (a claim's caption "name: gist" and an
 * article's outlet and authors follow a rename or merge of the entity they name) that some step
 * of the view holds, so their canvas labels and data are current without the user opening each.
 * Up to REWRITTEN_READ_MAX of them; one vanished since is left as it is. Resolves when all are read.
 */
export async function refreshRewritten(
  app: Pick<Explorer, 'api' | 'store' | 'selection' | 'state'>,
  ids: readonly string[],
): Promise<void> {
  await readBounded(
    loadedAnywhere(app.state, ids),
    (id) => app.api.node(id),
    (id, data) => {
      app.store.set(refreshReadEverywhere(data.node));
      app.selection.forget(id);
      if (app.state.focus === id) void app.selection.loadDetail(id);
    },
  );
}

/**
 * Reads again the relationships a merge or its undo rewrote (their `according_to` named the
 * duplicate) that some step of the view holds or the panel shows, but for `drawn` (in the answer's
 * payload, current already): up to REWRITTEN_READ_MAX, REWRITTEN_READS_AT_ONCE at a time. The
 * other rewritten relationships' cached details are dropped. Resolves when all are read.
 */
export async function refreshRewrittenRelationships(
  app: Pick<Explorer, 'api' | 'store' | 'relationships' | 'state'>,
  ids: readonly string[],
  drawn: GraphPayload,
): Promise<void> {
  const current = new Set(drawn.edges.map((e) => e.id));
  const open = app.state.relationship?.id;
  const shown = open && ids.includes(open) ? [open] : [];
  const todo = [...new Set([...shown, ...edgesLoadedAnywhere(app.state, ids)])].filter((id) => !current.has(id));
  app.relationships.rewritten(ids, []);
  await readBounded(
    todo,
    (id): Promise<RelationshipDetailResponse> => app.api.relationship(id),
    (_id, data) => {
      app.store.set(refreshEdgeEverywhere(data.relationship));
      app.relationships.rewritten([], [data]);
    },
  );
}

/** Saves the edit (throws the API's error: 400, 409 with `details.current`, 403…); a rename's rewritten captions follow. */
export async function saveEntityEdit(app: Explorer, id: string, body: NodeEditBody): Promise<NodeEditResponse> {
  const out = await app.api.editNode(id, body);
  showNodeVersion(app, out.id, out.properties);
  void refreshRewritten(app, out.rewritten);
  return out;
}

/** Lays out the nodes a drawn payload brought (placed beside their loaded neighbours first). */
function settle(app: Explorer, before: GraphState, payload: GraphPayload): void {
  const now = graphOf(app.state).nodes;
  const fresh = payload.nodes.map((n) => n.id).filter((id) => !before.nodes.has(id) && now.has(id));
  if (fresh.length) app.render.runLayout(false, fresh);
}

/**
 * Undoes the merge `offer` names, with a reason (throws the API's error: 409 when the survivor
 * changed since, 400…): the relationships that moved back leave the canvas, the duplicate comes
 * back on it with its own (one step; where it was drawn when merged away, also when the survivor
 * left the canvas since), the survivor shows its version, and the status line offers to open the
 * duplicate.
 */
export async function undoMerge(app: Explorer, offer: UndoMergeOffer, reason: string): Promise<NodeUnmergeResponse> {
  const out = await app.api.unmergeNode(offer.survivor, { merge: offer.merge, version: offer.version, reason });
  const before = graphOf(app.state);
  if (offer.duplicateId) app.render.takePlace(out.duplicate.id, offer.duplicateId);
  app.store.set(
    unmergedView({
      survivor: out.id,
      duplicate: out.duplicate.id,
      ...(offer.duplicateId ? { was: offer.duplicateId } : {}),
      removed: out.removed,
      restored: out.restored,
      title: `Undid the merge of ${offer.duplicate}`,
      ref: out.duplicate.key ?? out.duplicate.id,
    }),
  );
  showNodeVersion(app, out.id, out.properties);
  settle(app, before, out.restored);
  void refreshRewritten(app, out.rewritten);
  void refreshRewrittenRelationships(app, out.rewrittenRelationships, out.restored);
  app.shell.setStatus('info', `Undid the merge: ${offer.duplicate} is back.`, {
    ref: out.duplicate.key ?? out.duplicate.id,
    caption: offer.duplicate,
  });
  return out;
}

/**
 * Shows a claim's current properties wherever it is read: the canvas and its detail, the focused
 * node's detail (an entity's claims list shows its status) and the board, read again when loaded.
 */
export async function showClaimVersion(app: Explorer, id: string, properties: Record<string, unknown>): Promise<void> {
  app.store.set(refreshNodeEverywhere(id, properties));
  app.selection.forget(id);
  app.selection.refreshDetail();
  if (app.state.claims.data) await app.claims.load();
}

/** Saves a claim's new status (throws the API's error: 400 naming the field, 409 with `details.current`, 403…). */
export async function saveClaimStatus(app: Explorer, id: string, body: ClaimStatusBody): Promise<NodeEditResponse> {
  const out = await app.api.setClaimStatus(id, body);
  await showClaimVersion(app, out.id, out.properties);
  return out;
}

/**
 * Merges a duplicate into entity `id` (throws the API's error: 400 naming the field, 409, 403…):
 * the deleted duplicate leaves the canvas and the history, its moved relationships are drawn on
 * the survivor with their other ends (one step, from the merge's answer; the survivor at the
 * duplicate's place when only the duplicate was on the canvas), the survivor shows its
 * new version (aliases) and its detail is read again; the status line offers to undo it.
 */
export async function mergeDuplicate(
  app: Explorer,
  id: string,
  body: NodeMergeBody,
  duplicateCaption?: string,
): Promise<NodeMergeResponse> {
  const out = await app.api.mergeNode(id, body);
  const caption = typeof out.properties.name === 'string' ? out.properties.name : out.id;
  const duplicate = duplicateCaption ?? out.duplicate.key ?? 'the duplicate';
  const before = graphOf(app.state);
  const ref = typeof out.properties.id === 'string' ? out.properties.id : out.id;
  // When only the duplicate is drawn, the survivor comes in at its place.
  app.render.takePlace(out.id, out.duplicate.id);
  app.store.set(
    mergedView({
      duplicate: out.duplicate.id,
      duplicateKey: out.duplicate.key,
      survivor: out.id,
      moved: out.movedGraph,
      title: `Merged ${duplicate} into ${caption}`,
      ref,
    }),
  );
  app.selection.forget(out.duplicate.id);
  showNodeVersion(app, out.id, out.properties);
  settle(app, before, out.movedGraph);
  void refreshRewritten(app, out.rewritten);
  void refreshRewrittenRelationships(app, out.rewrittenRelationships, out.movedGraph);
  // Properties naming the duplicate by key (a link's source, a claim's claimant…) were re-pointed too: say how many.
  const n = out.referencesRewritten;
  const refs = n
    ? ` ${n} ${n === 1 ? 'reference' : 'references'} to ${duplicate} now ${n === 1 ? 'names' : 'name'} ${caption}.`
    : '';
  app.shell.setStatus('info', `Merged ${duplicate} into ${caption}.${refs}`, undefined, {
    survivor: out.id,
    version: out.version,
    caption,
    merge: out.audit,
    duplicate,
    duplicateId: out.duplicate.id,
  });
  return out;
}
