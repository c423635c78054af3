import { articleEvidenceContract, ArticleEvidenceQuerySchema } from '../../../shared/api/articles';
import { NodeIdParamsSchema } from '../../../shared/api/common';
import { num } from '../../db/convert';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { loadArticleEvidence } from './query';

/** GET /api/articles/{id}/evidence — the text comes from env.ARTICLES_DIR. */
export const articleRoutes: RouteModule = (app, ctx) => {
  app.get(fastifyPath(articleEvidenceContract), async (req) => {
    const { id } = parseInput(NodeIdParamsSchema, req.params);
    const q = parseInput(ArticleEvidenceQuerySchema, req.query);
    return loadArticleEvidence(ctx.db, ctx.env.ARTICLES_DIR, id, num(q.start), num(q.end));
  });
};
