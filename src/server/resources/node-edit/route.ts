import { NodeEditBodySchema, nodeEditContract } from '../../../shared/api/node-edit';
import { NodeIdParamsSchema } from '../../../shared/api/common';
import { readQuery } from '../../db/runner';
import { badRequest } from '../../http/errors';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { editEntity } from './query';

const MAX_QUOTE_WORDS = 30;

/** PATCH /api/nodes/:id — an editor changes an entity's properties; audited with before/after and its source. */
export const nodeEditRoutes: RouteModule = (app, ctx) => {
  app.patch(fastifyPath(nodeEditContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const body = parseInput(NodeEditBodySchema, req.body, 'body');
    let article: { id: string; title: string | null } | null = null;
    if (body.source) {
      if (body.source.quote.split(/\s+/).length > MAX_QUOTE_WORDS)
        throw badRequest('body.source.quote', `must be at most ${MAX_QUOTE_WORDS} words (a short attributed quote)`);
      const r = await readQuery(ctx.db, 'MATCH (a:Article {id: $id}) RETURN a.title AS title LIMIT 1', {
        id: body.source.article,
      });
      if (!r.records.length) throw badRequest('body.source.article', `no article with id "${body.source.article}"`);
      article = { id: body.source.article, title: (r.records[0]!.get('title') as string | null) ?? null };
    }
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
          source:
            article && body.source ? { article: article.id, title: article.title, quote: body.source.quote } : null,
        },
      });
    }
    return { id: out.id, version: out.version, properties: out.properties, changed: out.changed };
  });
};
