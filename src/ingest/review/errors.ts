/** Why a review action was refused; the API maps each to a status (409, 404, 422) with this message. */

/** A decision that cannot be written as it stands (nothing written). */
export class ReviewBlocked extends Error {
  override name = 'ReviewBlocked';
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
