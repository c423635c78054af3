/** Why a review action was refused; the API maps each to a status (409, 404, 422) with this message. */

/** A decision that cannot be written as it stands (nothing written). */
export class ReviewBlocked extends Error {
  override name = 'ReviewBlocked';
}

/** No such batch, candidate or accept. */
export class ReviewNotFound extends Error {
  override name = 'ReviewNotFound';
}

/** The database is not one newsgraph set up: ingest writes are refused. */
export class ForeignDatabase extends Error {
  override name = 'ForeignDatabase';
}
