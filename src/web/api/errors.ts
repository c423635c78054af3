/** The client's error type: the API's error codes plus what can go wrong on the way. */
import type { ErrorCode, ExistingEvent, MergedInto, SyntaxPosition } from '../../shared/api';
import type { UndoBlockedBy } from '../core/ingest/undo-message';

export type ClientErrorCode = ErrorCode | 'NETWORK' | 'ABORTED' | 'BAD_RESPONSE';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: {
      param?: string;
      neo4jCode?: string;
      position?: SyntaxPosition;
      reason?: string;
      /** A refused undo: the later accept in the way (reason UNDO_BLOCKED). */
      blockedBy?: UndoBlockedBy;
      /** A refused duplicate: what matched (`title`: only title, outlet and date; may be added as a separate article). */
      match?: string;
      /** A refused entity edit (CONFLICT): the version someone else saved, and its properties. */
      current?: { version: number; properties: Record<string, unknown> };
      /** A node merged into another (NOT_FOUND): the survivor to open instead. */
      mergedInto?: MergedInto;
      /** A claim's new event refused for its name (reason EVENT_EXISTS): the event that has it. */
      existing?: ExistingEvent;
    } = {},
  ) {
    super(message);
  }

  /** The server's Retry-After header, when it sent one (STORE_BUSY: when to send the request again). */
  retryAfter: string | null = null;

  /**
   * The database or the server is unreachable: worth a banner and a retry, not a form error. A
   * write interrupted after part of it was saved is the form's to show (reload, then redo).
   */
  get isUnavailable(): boolean {
    if (this.code === 'WRITE_INTERRUPTED') return false;
    return this.code === 'NEO4J_UNAVAILABLE' || this.code === 'NETWORK' || this.status === 503;
  }
}

/** A human sentence for any error, for toasts and panels. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
