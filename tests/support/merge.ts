/**
 * What the entity edit, merge and undo-merge tests share: Cypher on the test database, a node's
 * stored version, the merge and undo requests as an editor sends them, and the latest audit entry.
 * The app is passed in: the tests open it in `beforeAll`.
 */
import type { FastifyInstance } from 'fastify';
import { as, type Credentials } from './auth';
import { testCypher } from './neo4j';

export { testCypher as cypher };

/** Node `id`'s `version` as stored (0 when it has none). */
export async function version(id: string): Promise<number> {
  return Number((await testCypher('MATCH (n {id: $id}) RETURN n.version AS v', { id }))[0]!.get('v') ?? 0);
}

/**
 * POST /api/nodes/{survivor}/merge as `who`: `body` as given, both versions 0 unless it names them
 * (a refusal test sends a body the route must reject).
 */
export const merge = (app: FastifyInstance, who: Credentials, survivor: string, body: Record<string, unknown>) =>
  as(app, who, 'POST', `/api/nodes/${encodeURIComponent(survivor)}/merge`, {
    version: 0,
    duplicateVersion: 0,
    ...body,
  });

/** POST /api/nodes/{survivor}/unmerge as `who`, `body` as given (`merge`: the audit id, `version`, `reason`). */
export const unmerge = (app: FastifyInstance, who: Credentials, survivor: string, body: Record<string, unknown>) =>
  as(app, who, 'POST', `/api/nodes/${encodeURIComponent(survivor)}/unmerge`, body);

/** The newest audit entry of `action` on `target`, read by `admin` (undefined when there is none). */
export async function latestAudit(app: FastifyInstance, admin: Credentials, action: string, target: string) {
  const r = await as(app, admin, 'GET', `/api/audit?action=${action}&target=${encodeURIComponent(target)}`);
  return r.body.entries[0];
}

/** The element ids of the nodes with these keys (`id`), sorted: what an answer's `rewritten` lists. */
export async function elementIdsOf(keys: readonly string[]): Promise<string[]> {
  const rows = await testCypher('MATCH (n) WHERE n.id IN $keys RETURN elementId(n) AS e', { keys });
  return rows.map((r) => r.get('e') as string).sort();
}
