/** Why an input was refused, with a message a person can act on. `code` is stable for tests. */
export class IngestInputError extends Error {
  override name = 'IngestInputError';
  constructor(
    readonly code:
      'NOT_FOUND' | 'EMPTY' | 'TOO_LARGE' | 'BINARY' | 'NOT_UTF8' | 'UNSUPPORTED' | 'NO_TEXT' | 'DUPLICATE',
    message: string,
    /** For DUPLICATE: the staged batch or graph article the same text already is. */
    readonly duplicateOf?: string,
    /** For DUPLICATE: what matched; only `title` (title, outlet and date, the text differs) may be overridden. */
    readonly match?: 'staged' | 'text' | 'url' | 'title',
  ) {
    super(message);
  }
}
