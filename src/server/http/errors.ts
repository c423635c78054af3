import { isBusy, restoreUnderway } from '../../runtime/store/restore-wait';
import type { ErrorCode, SyntaxPosition } from '../../shared/api/common';

/**
 * An error with its HTTP status and public body. Everything thrown inside a route ends up as one
 * of these (see toApiError); its message is safe to show, never a stack trace.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  body(): { error: { code: ErrorCode; message: string } & Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export const badRequest = (param: string, message: string) =>
  new ApiError(400, 'BAD_REQUEST', `${param}: ${message}`, { param });
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message);

/**
 * The app store stayed locked past the wait (a restore outlasting its marker, or one under way in
 * this process): a 503 to try again, not a 500, when nothing of the request was written yet
 * (`wrote`, runtime/store/write-scope.ts), so that sending it again cannot apply it twice. Once
 * something was, a retry could: the client is told to reload instead. Null for any other error.
 */
export function storeBusyError(e: unknown, storeFile: string, wrote = false): ApiError | null {
  if (!isBusy(e)) return null;
  if (wrote)
    return new ApiError(
      503,
      'WRITE_INTERRUPTED',
      'The app store became busy part-way through this change, after some of it was saved: reload to see what was before doing it again.',
    );
  return restoreUnderway(storeFile)
    ? new ApiError(503, 'STORE_BUSY', 'A backup is being restored: try again in a moment.')
    : new ApiError(503, 'STORE_BUSY', 'The app store is busy: try again in a moment.');
}

interface DriverErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);
const CONNECTION_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|socket hang up|Connection acquisition timed out|Failed to connect|connection.*(closed|lost|terminated)|Pool is closed/i;

/** "… (line 1, column 10 (offset: 9))" → {line, column, offset}. */
export function syntaxPosition(message: string): SyntaxPosition | undefined {
  const m = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (!m) return undefined;
  const line = Number(m[1]);
  // Neo4j reports "line 0, column 0" when it has no position (e.g. several statements).
  if (line === 0) return undefined;
  return { line, column: Number(m[2]), offset: Number(m[3]) };
}

/** Neo4j's message without the position suffix and the echoed query with its caret. */
export function cleanNeo4jMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)\s*$/, '').trim() || first;
}

/** Why Neo4j cannot answer, in words, from a NEO4J_UNAVAILABLE code (start-up says the same: cli/neo4j-startup.ts). */
export function unavailableWhy(code: string, database: string): string {
  if (code.startsWith('Neo.ClientError.Security')) return "Neo4j refused the server's credentials";
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return `the database "${database}" does not exist`;
  if (code.includes('DatabaseUnavailable')) return `the database "${database}" is not available`;
  return 'Neo4j is not reachable';
}

/**
 * Maps a driver/Neo4j error to an ApiError; null when it is not a database error (a bug).
 * `what` names the operation for the messages ("the query", "search").
 */
export function classifyNeo4jError(e: unknown, database: string): ApiError | null {
  if (e instanceof ApiError) return e;
  if (!e || typeof e !== 'object') return null;
  const err = e as DriverErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  const looksNeo4j =
    err.name === 'Neo4jError' || code.startsWith('Neo.') || code === 'ServiceUnavailable' || code === 'SessionExpired';

  if (
    UNAVAILABLE_CODES.has(code) ||
    (looksNeo4j && CONNECTION_MESSAGE.test(message)) ||
    (!code && CONNECTION_MESSAGE.test(message))
  ) {
    const why = unavailableWhy(code, database);
    return new ApiError(503, 'NEO4J_UNAVAILABLE', `${why}; try again shortly (the server reconnects by itself)`, {
      neo4jCode: code || undefined,
    });
  }
  if (
    TIMEOUT_CODES.has(code) ||
    code === 'Neo.ClientError.Transaction.Terminated' ||
    code === 'Neo.TransientError.Transaction.Terminated'
  ) {
    // 504, not 408: browsers silently re-send a request answered 408 on a kept-alive connection,
    // which would run the too-slow query twice.
    return new ApiError(504, 'TIMEOUT', 'The query took longer than its time limit and was stopped.', {
      neo4jCode: code,
    });
  }
  if (MEMORY_CODES.has(code)) {
    // Not the request's fault and not an outage (no retry, no "Neo4j is down" banner): 507, the
    // server lacked the room to answer it. Neo4j's own sentence (allocation sizes) stays in the log.
    return new ApiError(
      507,
      'MEMORY_LIMIT',
      'The query needed more memory than the database allows one query; ask for less (a narrower range, fewer rows).',
      { neo4jCode: code },
    );
  }
  if (code.startsWith('Neo.ClientError.')) {
    const position = syntaxPosition(message);
    return new ApiError(400, 'CYPHER_ERROR', cleanNeo4jMessage(message), {
      neo4jCode: code,
      ...(position ? { position } : {}),
    });
  }
  if (code === 'Neo.DatabaseError.Statement.ExecutionFailed' && message.trim()) {
    // The statement itself cannot run (shortestPath from a node to itself): the same every time,
    // so say why instead of "try again". Neo4j wraps this message over several lines.
    const text = message.replace(/\s*\n\s*/g, ' ').trim();
    const sentence = /^.+?\.(?=\s|$)/.exec(text)?.[0] ?? text;
    return new ApiError(400, 'CYPHER_ERROR', sentence, { neo4jCode: code });
  }
  if (code.startsWith('Neo.')) {
    // Transient or database errors: the server side, not the request.
    return new ApiError(503, 'NEO4J_UNAVAILABLE', `Neo4j could not run the query (${code}); try again`, {
      neo4jCode: code,
    });
  }
  return null;
}
