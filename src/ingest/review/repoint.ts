/**
 * A review item may name an entity that an editor merged into another since it was staged (the
 * duplicate is deleted). Accepting it links to the survivor instead, and says so: the item's
 * result and its audit entry carry `repointed`. Only an id that finds no node is followed (the
 * merge map is the server's, in the app store: see server/resources/node-edit/merge-map.ts).
 */
import type { ApplyContext } from './apply';
import type { NodeHandle } from './writer';

/** One merge as the server's map keeps it (the fields the review uses). */
export interface MergeStep {
  survivor: { id: string; key: string | null; name: string | null };
  at: string;
  by: string;
}

/** Follows merges from an id that finds no node to the first survivor `find` finds; null when none. */
export type FollowMerges = <T>(
  id: string,
  find: (address: string) => Promise<T | null>,
) => Promise<{ node: T; first: MergeStep; last: MergeStep } | null>;

export type { Repointed } from '../../shared/api/ingest';

/**
 * The node with this id, or (when none has it and it was merged away) its survivor, noting the
 * re-pointing in `ctx.repointed`. Null when neither exists.
 */
export async function nodeOrSurvivor(ctx: ApplyContext, id: string): Promise<NodeHandle | null> {
  const n = await ctx.w.node(id);
  if (n || !ctx.followMerges) return n;
  const hit = await ctx.followMerges(id, (a) => ctx.w.node(a));
  if (!hit) return null;
  const name = hit.node.props.name;
  if (!ctx.repointed.some((r) => r.from === id))
    ctx.repointed.push({
      from: id,
      to: hit.node.id,
      name: typeof name === 'string' ? name : null,
      mergedAt: hit.first.at,
      mergedBy: hit.first.by,
    });
  return hit.node;
}
