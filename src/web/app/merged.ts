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
   * Runs `draw` on `ref`; when it throws a merged-away 404, once more on the survivor (the server
   * follows merges to the last one, so once is enough), remembered for later references. Any
   * other error, or one on the survivor, is thrown; so is one `about` says names another node (a
   * path's 404 says which end). At most two runs of `draw`.
   */
  async on<T>(ref: string, draw: (ref: string) => Promise<T>, about: (e: unknown) => boolean = () => true): Promise<T> {
    try {
      return await draw(ref);
    } catch (e) {
      const to = mergedIntoOf(e);
      if (!to || !about(e)) throw e;
      const next = survivorRef(to);
      this.renames.set(ref, next);
      this.merged.push(to);
      return draw(next);
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
 * end once, so at most three requests), and a survivor merged away in turn is offered as a page
 * would (find says any other error).
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
