/**
 * What the reviewer reads when an undo is refused: the item undone by name, and, when the server
 * says a later accept is in the way (its 409's `blockedBy`), that later item by name too, with what
 * to do about it. Pure: no React, no fetch.
 */
import type { Candidate } from '../../../ingest/batch';
import type { CandidateView } from '../../../shared/api/ingest';
import { candidateTitle } from './review';

/** The 409's `blockedBy`: the later accept (and its candidates) whose relationship uses what the undo would remove. */
export interface UndoBlockedBy {
  acceptId: number | null;
  candidates: string[];
  /** That accept's batch and its article's title (another article's when the batch is another). */
  batchId?: string | null;
  article?: string | null;
  /** Readable when the accept is not this article's: the relationship and what is at its other end. */
  label: string;
}

/** An entity by its words ("Red Cross"); anything else by its list summary. */
function nameOf(c: Candidate): string {
  return c.kind === 'entity' ? c.text : candidateTitle(c);
}

/**
 * The message for a refused undo of `undone`'s accept; `all` are the batch's candidates, to name the
 * later one, and `batchId` that batch (a later accept of another article is named by that article).
 */
export function undoFailure(
  undone: CandidateView,
  all: readonly CandidateView[],
  message: string,
  blockedBy?: UndoBlockedBy,
  batchId?: string,
): string {
  const subject = nameOf(undone.candidate);
  if (!blockedBy) return `Could not undo accept of ${subject}: ${message}`;
  if (blockedBy.batchId && batchId && blockedBy.batchId !== batchId) {
    const article = blockedBy.article ? `the article "${blockedBy.article}"` : `batch ${blockedBy.batchId}`;
    return `Could not undo accept of ${subject}: accept ${blockedBy.acceptId} of ${article} uses it (${blockedBy.label}); undo that accept first, in that article's review.`;
  }
  const mine = all.filter((v) => blockedBy.candidates.includes(v.candidate.id));
  // A link candidate is decided on its entity's row: name the row the reviewer sees.
  const later = mine.find((v) => v.candidate.kind !== 'link') ?? mine[0];
  const who = later ? `"${nameOf(later.candidate)}" (accepted later)` : `something added later (${blockedBy.label})`;
  return `Could not undo accept of ${subject}: ${who} uses it; undo that first.`;
}
