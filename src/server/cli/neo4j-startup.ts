import { classifyNeo4jError, unavailableWhy } from '../http/errors';

/** Where start-up was connecting, and whether the person configured it (NEO4J_URI) or it is the managed one. */
export interface StartupTarget {
  uri: string;
  username: string;
  database: string;
  ownNeo4j: boolean;
}

/** Socket error names the driver's "Failed to connect" messages carry, in words. */
const SOCKET_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name did not resolve',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ECONNRESET: 'the connection was reset',
};

/**
 * The one line `npm start` prints when it cannot use Neo4j (wrong credentials, nothing listening,
 * no such database): the cause in the API's words (http/errors.ts) plus the variable to check, so a
 * first run with NEO4J_URI does not end in the driver's stack trace. Null for any other error.
 */
export function startupNeo4jMessage(e: unknown, t: StartupTarget): string | null {
  const api = classifyNeo4jError(e, t.database);
  if (api?.code !== 'NEO4J_UNAVAILABLE') return null;
  const code = typeof api.details.neo4jCode === 'string' ? api.details.neo4jCode : '';
  const why = unavailableWhy(code, t.database);
  const at = `Neo4j at ${t.uri}`;
  // The managed instance's settings are newsgraph's own: no variable of the person's to check.
  const check = (vars: string) => (t.ownNeo4j ? `; check ${vars}` : '');
  if (code.startsWith('Neo.ClientError.Security'))
    return `${at}: ${why} (user ${t.username})${check('NEO4J_USERNAME / NEO4J_PASSWORD')}`;
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || code.includes('DatabaseUnavailable'))
    return `${at}: ${why}${check('NEO4J_DATABASE')}`;
  const message = e instanceof Error ? e.message : String(e);
  const socket = /\b(E[A-Z_]{3,})\b/.exec(message)?.[1];
  const cause = socket ? ` (${SOCKET_CAUSES[socket] ?? socket})` : '';
  return `${why} at ${t.uri}${cause}${check('NEO4J_URI')}`;
}
