import { articleEvidenceContract, ArticleEvidenceQuerySchema } from '../../../shared/api/articles';
import { NodeIdParamsSchema } from '../../../shared/api/common';
import { num } from '../../db/convert';
import { fastifyPath, parseInput, parseQuery, type RouteModule } from '../../http/context';
import { ingestTextDir } from '../../../ingest/store';
import { loadArticleEvidence } from './query';

/** GET /api/articles/{id}/evidence — the text comes from env.ARTICLES_DIR, or where ingested texts are stored. */
export const articleRoutes: RouteModule = (app, ctx) => {
  const dirs = [...new Set([ctx.env.ARTICLES_DIR, ingestTextDir(ctx.env)])];
  app.get(fastifyPath(articleEvidenceContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const q = parseQuery(ArticleEvidenceQuerySchema, req.query);
    return loadArticleEvidence(ctx.db, dirs, id, num(q.start), num(q.end), q.via);
  });
};
