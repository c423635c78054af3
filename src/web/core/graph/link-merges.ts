/**
 * A link copied before a merge still names the merged-away duplicate: the merge re-points only
 * the live session's history (merge-view.ts). Its replay learns where each such node went from
 * the server's 404 "merged into" and reads every later reference to it as the survivor, so the
 * view comes back as the live session would now draw it; and, since the link opened fine, the
 * status line says so quietly instead of reporting an error.
 */
import type { MergedInto } from '../../../shared/api';
import type { GraphNode } from '../../../shared/graph';
import { findNode, nodeRef, type GraphState, type LayerSource } from './graph-store';
import { repointedSource } from './merge-view';

/** What a link named, merged away since → its survivor's reference (our id, else its element id). */
export type Renames = ReadonlyMap<string, string>;

/** A merged-away node's survivor, as a link names nodes. */
export const survivorRef = (to: MergedInto): string => to.key ?? to.id;

/** `ref`, or the survivor of the node it named when the replay found that one merged away. O(1). */
export const renamedRef = (renames: Renames, ref: string): string => renames.get(ref) ?? ref;

/** Layer source `l` with each reference in `renames` read as its survivor. O(source × renames). */
export function renamedSource(l: LayerSource, renames: Renames): LayerSource {
  let out = l;
  for (const [from, to] of renames) out = repointedSource(out, new Set([from]), to);
  return out;
}

/**
 * The quiet note for a link that named nodes merged since (`merged`, in the order met; each
 * duplicate once): they are drawn as their survivors. Null when none was.
 */
export function mergedLinkNote(merged: readonly MergedInto[]): string | null {
  const seen = new Map<string, MergedInto>();
  for (const m of merged) seen.set(`${m.duplicate ?? ''}→${m.id}`, m);
  const parts = [...seen.values()].map((m) => {
    const into = m.name ?? survivorRef(m);
    return m.duplicate ? `${m.duplicate}, since merged into ${into}` : `a node since merged into ${into}`;
  });
  if (!parts.length) return null;
  return `This link named ${parts.join('; ')}: shown as ${parts.length === 1 ? 'that entity' : 'those entities'}.`;
}

/**
 * Of the references `ends`, the nodes found loaded in `g` or among `read`, and the references
 * found in neither (to read one by one). O(read + ends × loaded nodes): findNode scans for a key.
 */
export function resolveEnds(
  ends: readonly string[],
  g: GraphState,
  read: readonly GraphNode[],
): { found: GraphNode[]; missing: string[] } {
  const byRef = new Map<string, GraphNode>();
  for (const n of read) {
    byRef.set(n.id, n);
    byRef.set(nodeRef(n), n);
  }
  const found = new Map<string, GraphNode>();
  const missing: string[] = [];
  for (const ref of new Set(ends)) {
    const n = byRef.get(ref) ?? findNode(g, ref);
    if (n) found.set(n.id, n);
    else missing.push(ref);
  }
  return { found: [...found.values()], missing };
}

/** `xs` cut into runs of at most `size` (≥ 1), in order. O(xs). */
export function batches<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += Math.max(1, size)) out.push(xs.slice(i, i + Math.max(1, size)));
  return out;
}
