import {
  ClaimStatusBodySchema,
  claimStatusContract,
  NodeEditBodySchema,
  nodeEditContract,
} from '../../../shared/api/node-edit';
import { quoteProblem } from '../../../shared/api/node-edit-rules';
import { NodeIdParamsSchema } from '../../../shared/api/common';
import { readQuery, type Db } from '../../db/runner';
import { badRequest } from '../../http/errors';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { editEntity } from './query';
import { mergeEntities } from './merge';
import { NodeMergeBodySchema, nodeMergeContract } from '../../../shared/api/node-merge';
import { NodeUnmergeBodySchema, nodeUnmergeContract } from '../../../shared/api/node-unmerge';
import { ApiError } from '../../http/errors';
import type { AuditEntry } from '../../audit/audit';
import { unmergeEntities, type MergeEntry } from './unmerge';
import { rewrittenNodes } from './references';

interface Source {
  article: string;
  quote: string;
}

/** The source as the audit keeps it (the article's title beside its id), after checking the quote's length and that the article exists. */
async function checkedSource(db: Db, source: Source | undefined) {
  if (!source) return null;
  const problem = quoteProblem(source.quote);
  if (problem) throw badRequest('body.source.quote', problem);
  const r = await readQuery(db, 'MATCH (a:Article {id: $id}) RETURN a.title AS title LIMIT 1', { id: source.article });
  if (!r.records.length) throw badRequest('body.source.article', `no article with id "${source.article}"`);
  return { article: source.article, title: (r.records[0]!.get('title') as string | null) ?? null, quote: source.quote };
}

/**
 * PATCH /api/nodes/:id — an editor changes an entity's properties; PUT /api/claims/:id/status — a
 * claim's status, and only that, with a reason. One edit path (version check, who and when on the
 * node, nothing written on a refusal), each audited with before/after and its source.
 */
export const nodeEditRoutes: RouteModule = (app, ctx) => {
  app.patch(fastifyPath(nodeEditContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const body = parseInput(NodeEditBodySchema, req.body, 'body');
    const source = await checkedSource(ctx.db, body.source);
    const out = await editEntity(ctx.db, id, body, req.actor.name);
    if (out.changed.length) {
      ctx.audit.record(req.actor, {
        action: 'node.edit',
        target: out.key ?? out.id,
        before: { version: out.version - 1, ...out.before },
        after: { version: out.version, ...out.after },
        detail: {
          elementId: out.id,
          labels: out.labels,
          name: out.properties.name ?? null,
          reason: body.reason ?? null,
          source,
          // A rename's new name beside the keys naming the entity: each with what it held before.
          ...(out.readableNames.length ? { readableNames: out.readableNames } : {}),
        },
      });
    }
    return {
      id: out.id,
      version: out.version,
      properties: out.properties,
      changed: out.changed,
      rewritten: rewrittenNodes(out.readableNames, out.id),
    };
  });

  app.put(fastifyPath(claimStatusContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const body = parseInput(ClaimStatusBodySchema, req.body, 'body');
    const source = await checkedSource(ctx.db, body.source);
    const edit = { version: body.version, set: { status: body.status }, reason: body.reason, source: body.source };
    const out = await editEntity(ctx.db, id, edit, req.actor.name, 'claim');
    // The same status again changes nothing and records nothing (as an entity edit that changes no value).
    if (out.changed.length) {
      ctx.audit.record(req.actor, {
        action: 'claim.status',
        target: out.key ?? out.id,
        before: {
          version: out.version - 1,
          status: out.before.status ?? null,
          status_note: out.before.status_note ?? null,
        },
        after: { version: out.version, status: body.status, status_note: body.reason },
        detail: {
          elementId: out.id,
          name: out.properties.name ?? null,
          statement: out.properties.statement ?? null,
          reason: body.reason,
          source,
        },
      });
    }
    return { id: out.id, version: out.version, properties: out.properties, changed: out.changed, rewritten: [] };
  });

  // A duplicate merged into this entity. The audit keeps the duplicate whole (labels, properties,
  // every relationship with its other end and provenance) so the merge can be checked and undone by hand.
  app.post(fastifyPath(nodeMergeContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const body = parseInput(NodeMergeBodySchema, req.body, 'body');
    const out = await mergeEntities(ctx.db, id, body, req.actor.name);
    const name = (p: Record<string, unknown>) => (typeof p.name === 'string' ? p.name : null);
    // The audit entry and the merge map's row (a merged-away node's reads name its survivor) land
    // in one store transaction: no redirect without its audit entry, no merge audited without one.
    const audit = ctx.store.db.transaction(() => {
      const entry = ctx.audit.record(req.actor, {
        action: 'node.merge',
        target: out.key ?? out.id,
        before: { version: out.version - 1, aliases: out.aliasesBefore },
        after: { version: out.version, aliases: out.properties.aliases ?? [] },
        detail: {
          elementId: out.id,
          labels: out.labels,
          name: out.properties.name ?? null,
          reason: body.reason,
          moved: out.moved,
          dropped: out.dropped,
          referencesRewritten: out.referencesRewritten,
          recounted: out.recounted,
          duplicate: out.duplicate,
        },
      });
      ctx.merges.record({
        duplicate: { id: out.duplicate.id, key: out.duplicate.key, name: name(out.duplicate.properties) },
        survivor: { id: out.id, key: out.key, name: name(out.properties) },
        at: entry.at,
        by: req.actor.name,
        auditId: entry.id,
      });
      return entry.id;
    })();
    return {
      id: out.id,
      version: out.version,
      properties: out.properties,
      duplicate: { id: out.duplicate.id, key: out.duplicate.key },
      moved: out.moved,
      dropped: out.dropped,
      referencesRewritten: out.referencesRewritten,
      aliasesAdded: out.aliasesAdded,
      rewritten: out.rewritten,
      rewrittenRelationships: out.rewrittenRelationships,
      audit,
      movedGraph: out.movedGraph,
    };
  });

  // A merge undone from its audit entry: the duplicate and its relationships come back, all or nothing.
  app.post(fastifyPath(nodeUnmergeContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const body = parseInput(NodeUnmergeBodySchema, req.body, 'body');
    const entry = mergeEntry(ctx.audit.get(body.merge));
    if (!entry) throw badRequest('body.merge', `is not the audit id of a merge (node.merge)`);
    const undone = ctx.merges.undoneBy(entry.id);
    if (undone !== undefined && undone !== null)
      throw new ApiError(409, 'CONFLICT', `This merge was undone already (audit entry ${undone}).`);
    const out = await unmergeEntities(ctx.db, id, entry, body, req.actor.name);
    // The audit entry and the merge map's mark land together: no redirect stops without its entry.
    ctx.store.db.transaction(() => {
      const undo = ctx.audit.record(req.actor, {
        action: 'node.unmerge',
        target: out.key ?? out.id,
        before: { version: out.version - 1, aliases: out.aliasesBefore },
        after: { version: out.version, aliases: out.properties.aliases ?? [] },
        detail: {
          elementId: out.id,
          name: out.properties.name ?? null,
          reason: body.reason,
          merge: entry.id,
          duplicate: { id: out.duplicate.id, key: out.duplicate.key, mergedId: entry.duplicate.id },
          movedBack: out.movedBack,
          recreated: out.recreated,
          referencesRestored: out.referencesRestored,
          recounted: out.recounted,
        },
      });
      ctx.merges.markUndone(entry.id, undo.id);
    })();
    return {
      id: out.id,
      version: out.version,
      properties: out.properties,
      duplicate: out.duplicate,
      movedBack: out.movedBack,
      recreated: out.recreated,
      referencesRestored: out.referencesRestored,
      rewritten: out.rewritten,
      rewrittenRelationships: out.rewrittenRelationships,
      removed: out.removed,
      restored: out.restored,
    };
  });
};

/** What the undo needs from a `node.merge` entry, or null when the entry is none (or not written as route.ts writes one). */
function mergeEntry(e: AuditEntry | null): MergeEntry | null {
  if (!e || e.action !== 'node.merge') return null;
  const before = e.before as { aliases?: unknown } | null;
  const after = e.after as { version?: unknown } | null;
  const detail = e.detail as { elementId?: unknown; duplicate?: MergeEntry['duplicate'] } | null;
  const dup = detail?.duplicate;
  if (typeof detail?.elementId !== 'string' || typeof after?.version !== 'number' || !dup) return null;
  if (!Array.isArray(dup.labels) || !Array.isArray(dup.relationships) || typeof dup.properties !== 'object')
    return null;
  return {
    id: e.id,
    survivorId: detail.elementId,
    survivorKey: e.target !== null && e.target !== detail.elementId ? e.target : null,
    afterVersion: after.version,
    aliasesBefore: Array.isArray(before?.aliases)
      ? before.aliases.filter((a): a is string => typeof a === 'string')
      : [],
    duplicate: dup,
  };
}
