/**
 * A node merged into another since it was linked, saved in a view or put in the history: the
 * server's 404 names the survivor (`mergedInto`); the status line says so and offers to open it,
 * or a link's replay draws the survivor instead (`LinkMerges`).
 */
import type { MergedInto } from '../../shared/api';
import { ApiError } from '../api/errors';
import { mergedLinkNote, renamedRef, survivorRef } from '../core/graph/link-merges';
import type { Explorer } from './explorer';

/** The survivor an error names when it is the 404 of a merged-away node; else undefined. */
export const mergedIntoOf = (e: unknown): MergedInto | undefined =>
  e instanceof ApiError ? e.details.mergedInto : undefined;

/** Says "X was merged into Y" with an "Open Y" button when `e` is such a 404; false for any other error. */
export function offerSurvivor(app: Explorer, e: unknown): boolean {
  const to = mergedIntoOf(e);
  if (!to) return false;
  const into = to.name ?? to.key ?? 'another entity';
  app.shell.setStatus('error', `${to.duplicate ?? 'This node'} was merged into ${into}.`, {
    ref: to.key ?? to.id,
    caption: into,
  });
  return true;
}

/**
 * How many merges a replay follows from one reference. The server already answers with the last
 * survivor of a chain, so a second hop is needed only when a merge lands while the link opens;
 * the bound keeps a chain that comes back on itself, or a runaway one, from looping.
 */
export const MERGE_HOPS_MAX = 8;

/**
 * What a link's replay learnt of the nodes it named that were merged away since: a step drawn
 * from such a node is drawn again from its survivor, and later references to it read as the
 * survivor (`renames`).
 */
export class LinkMerges {
  readonly renames = new Map<string, string>();
  readonly merged: MergedInto[] = [];

  /** `ref` as the replay reads it now: its survivor once found merged away. */
  ref(ref: string): string {
    return renamedRef(this.renames, ref);
  }

  /**
   * Runs `draw` on `ref`; while it throws a merged-away 404, again on the survivor, remembered
   * for later references to `ref` and to each survivor passed on the way. Any other error is
   * thrown; so is one `about` says names another node (a path's 404 says which end), and the
   * 404 of a survivor already tried (a cycle) or of the last hop. At most MERGE_HOPS_MAX + 1 runs.
   */
  async on<T>(ref: string, draw: (ref: string) => Promise<T>, about: (e: unknown) => boolean = () => true): Promise<T> {
    const seen = new Set([ref]);
    let at = ref;
    for (let hop = 0; ; hop++) {
      try {
        return await draw(at);
      } catch (e) {
        const to = mergedIntoOf(e);
        if (!to || !about(e) || hop >= MERGE_HOPS_MAX) throw e;
        const next = survivorRef(to);
        if (seen.has(next)) throw e;
        for (const r of seen) this.renames.set(r, next);
        seen.add(next);
        this.merged.push(to);
        at = next;
      }
    }
  }
}

/** Of a merged-away 404 of GET /api/paths: whether it is about the end `end` (`param`). */
export const aboutEnd =
  (end: 'from' | 'to') =>
  (e: unknown): boolean =>
    e instanceof ApiError && e.details.param === end;

/**
 * A link's paths between `from` and `to` again; an end merged away since is its survivor (each
 * end once for a plain merge, so at most three requests), and a chain of merges past
 * MERGE_HOPS_MAX is offered as a page would (find says any other error).
 */
export async function findPathsLinked(
  app: Explorer,
  merges: LinkMerges,
  ends: { from: string; to: string },
  exclude?: readonly string[],
): Promise<void> {
  try {
    await merges.on(
      ends.from,
      (from) => merges.on(ends.to, (to) => app.paths.find(from, to, exclude, { passMerged: true }), aboutEnd('to')),
      aboutEnd('from'),
    );
  } catch (e) {
    if (!offerSurvivor(app, e)) throw e;
  }
}

/** Says quietly which nodes a link named were merged since (none: nothing), unless the status line shows an error. */
export function noteMerged(app: Explorer, merges: LinkMerges): void {
  const note = mergedLinkNote(merges.merged);
  if (note && app.state.status?.kind !== 'error') app.shell.setStatus('info', note);
}
