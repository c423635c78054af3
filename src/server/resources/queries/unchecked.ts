/** Why the start-up check did not finish, in words: a busy database is not an unavailable one. */
export function uncheckedWhy(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'NEO4J_UNAVAILABLE') return 'Neo4j unavailable';
  if (code === 'TIMEOUT') return 'an EXPLAIN check hit its time limit: Neo4j is busy';
  if (code === 'MEMORY_LIMIT') return 'an EXPLAIN check ran out of transaction memory';
  return `the check failed: ${(e as Error).message}`;
}

/**
 * A failure that says nothing about the query: the database down, slow or out of memory. The whole
 * check is then retried on first use rather than rejecting a good query for the server's lifetime.
 */
export function transient(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  const status = (e as { status?: number }).status;
  return code === 'NEO4J_UNAVAILABLE' || code === 'TIMEOUT' || code === 'MEMORY_LIMIT' || (status ?? 0) >= 500;
}
