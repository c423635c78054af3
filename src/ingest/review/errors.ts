/** Why a review action was refused; the API maps each to a status (409, 404, 422) with this message. */

/** A decision that cannot be written as it stands (nothing written). */
export class ReviewBlocked extends Error {
  override name = 'ReviewBlocked';
  /** For the API's answer: what the client may word the refusal with (e.g. the later accept in the way). */
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** An undo refused because a later accept links to what it would remove (the 409's `blockedBy`). */
export interface UndoBlocker {
  /** The later accept whose relationship is in the way, and its candidates; null when none is known. */
  acceptId: number | null;
  candidates: string[];
  /** That accept's batch and the title of its article (another article's when it is another batch). */
  batchId: string | null;
  article: string | null;
  /** Readable when the accept is not known: the node, the relationship and what is at its other end. */
  label: string;
}

/** A decision the reviewer sent that does not fit its candidate's kind (the API's 400). */
export class ReviewInvalid extends Error {
  override name = 'ReviewInvalid';
}

/** No such batch, candidate or accept. */
export class ReviewNotFound extends Error {
  override name = 'ReviewNotFound';
}

/** The database is not one newsgraph set up: ingest writes are refused. */
export class ForeignDatabase extends Error {
  override name = 'ForeignDatabase';
}
