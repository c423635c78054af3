import { AuditQuerySchema, auditContract } from '../../../shared/api/audit';
import { badRequest } from '../../http/errors';
import { fastifyPath, parseQuery, type RouteModule } from '../../http/context';

/** GET /api/audit — the trail, read only (the store's triggers refuse updates and deletes anyway). */
export const auditRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(auditContract), async (req) => {
    const q = parseQuery(AuditQuerySchema, req.query);
    let since: string | undefined;
    if (q.since) {
      const t = Date.parse(q.since);
      if (Number.isNaN(t)) throw badRequest('since', 'must be an ISO date or time (2026-12-01 or 2026-12-01T10:00Z)');
      since = new Date(t).toISOString();
    }
    const entries = ctx.audit.list({ ...q, since, limit: q.limit });
    return {
      // A merge says whether it was undone (the merge map's mark), so the audit view offers the undo only while it stands.
      entries: entries.map((e) => (e.action === 'node.merge' ? { ...e, undone: undoneOf(e.id) } : e)),
      next: entries.length === q.limit ? entries[entries.length - 1]!.id : null,
    };
  });

  /** The `node.unmerge` entry that undid merge `id`, or null. Cost: two indexed reads. */
  const undoneOf = (id: number) => {
    const by = ctx.merges.undoneBy(id);
    const undo = typeof by === 'number' ? ctx.audit.get(by) : null;
    return undo ? { id: undo.id, actor: undo.actor, at: undo.at } : null;
  };
};
