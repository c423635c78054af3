import type { FastifyRequest } from 'fastify';
import { stopSharedCoreNlp } from '../../../runtime/corenlp/server';
import {
  AcceptBodyInputSchema,
  AcceptParamsSchema,
  BatchParamsSchema,
  BulkBodySchema,
  CandidateParamsSchema,
  ContradictionBodySchema,
  EditBodyInputSchema,
  INGEST_BODY_LIMIT,
  IngestArticleBodySchema,
  ingestAcceptContract,
  ingestArticleContract,
  ingestBatchArticleContract,
  ingestBatchContract,
  ingestBatchesContract,
  ingestBulkContract,
  ingestContradictionContract,
  ingestContradictionsContract,
  ingestEditContract,
  ingestJudgeContract,
  ingestMergeContract,
  ingestRejectContract,
  ingestReopenContract,
  ingestUndoContract,
  JudgementBodySchema,
  MergeBodySchema,
  RejectBodySchema,
} from '../../../shared/api/ingest';
import { ArticleEditSchema } from '../../../ingest/review/decision';
import { assertSeenIn } from '../../../ingest/review/seen';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { createIngest, ingestError } from './service';

/**
 * /api/ingest/* — add an article (staged), review it, accept into the graph, undo. Every route
 * needs the editor role (the route table); every write is audited with the acting user.
 */
export const ingestRoutes: RouteModule = (app, ctx) => {
  const ingest = createIngest(ctx);
  const { review } = ingest;
  if (ctx.env.NEWSGRAPH_EXTRACTOR === 'corenlp') app.addHook('onClose', async () => stopSharedCoreNlp());
  const guard =
    <T>(fn: (req: FastifyRequest) => Promise<T> | T) =>
    async (req: FastifyRequest) => {
      try {
        return await fn(req);
      } catch (e) {
        throw ingestError(e);
      }
    };
  const batchParam = (req: FastifyRequest) => parseInput(BatchParamsSchema, req.params).id;
  const candParams = (req: FastifyRequest) => parseInput(CandidateParamsSchema, req.params);

  app.post(
    fastifyPath(ingestArticleContract),
    { bodyLimit: INGEST_BODY_LIMIT },
    guard(async (req) => ({
      batch: await ingest.stage(parseInput(IngestArticleBodySchema, req.body, 'body'), req.actor),
    })),
  );
  app.get(
    fastifyPath(ingestBatchesContract),
    guard(() => ({ batches: review.list() })),
  );
  app.get(
    fastifyPath(ingestBatchContract),
    guard((req) => ({ batch: review.view(batchParam(req)) })),
  );
  app.patch(
    fastifyPath(ingestBatchArticleContract),
    guard((req) => ({
      batch: review.updateArticle(batchParam(req), parseInput(ArticleEditSchema, req.body, 'body'), req.actor),
    })),
  );
  app.patch(
    fastifyPath(ingestEditContract),
    guard(async (req) => {
      const p = candParams(req);
      const body = parseInput(EditBodyInputSchema, req.body, 'body');
      // The stamp is checked inside, after any graph read and right before the write.
      return { batch: await review.edit(p.id, p.candidate, body.decision, req.actor, body.seen) };
    }),
  );
  app.post(
    fastifyPath(ingestAcceptContract),
    guard(async (req) => {
      const p = candParams(req);
      const body = parseInput(AcceptBodyInputSchema, req.body, 'body');
      const item = { candidate: p.candidate, decision: body.decision, seen: body.seen };
      const outcome = await review.accept(p.id, [item], req.actor);
      return { outcome, batch: review.view(p.id) };
    }),
  );
  app.post(
    fastifyPath(ingestRejectContract),
    guard((req) => {
      const p = candParams(req);
      const body = parseInput(RejectBodySchema, req.body, 'body');
      assertSeenIn(ingest.staging, p.id, p.candidate, body.seen);
      return { batch: review.reject(p.id, p.candidate, req.actor, body.notSame) };
    }),
  );
  app.post(
    fastifyPath(ingestReopenContract),
    guard((req) => {
      const p = candParams(req);
      return { batch: review.reopen(p.id, p.candidate, req.actor) };
    }),
  );
  app.post(
    fastifyPath(ingestMergeContract),
    guard(async (req) => {
      const p = candParams(req);
      const body = parseInput(MergeBodySchema, req.body, 'body');
      const outcome = await review.merge(p.id, p.candidate, body.into, req.actor, body.seen);
      return { outcome, batch: review.view(p.id) };
    }),
  );
  app.post(
    fastifyPath(ingestBulkContract),
    guard(async (req) => {
      const id = batchParam(req);
      const body = parseInput(BulkBodySchema, req.body, 'body');
      const outcome = await review.bulk(id, body.minConfidence, req.actor);
      return { outcome, batch: review.view(id) };
    }),
  );
  app.post(
    fastifyPath(ingestUndoContract),
    guard(async (req) => ({ batch: await review.undo(parseInput(AcceptParamsSchema, req.params).accept, req.actor) })),
  );
  app.get(
    fastifyPath(ingestContradictionsContract),
    guard(async (req) => ({ contradictions: await review.contradictions(batchParam(req)) })),
  );
  app.post(
    fastifyPath(ingestContradictionContract),
    guard(async (req) => {
      const id = batchParam(req);
      const b = parseInput(ContradictionBodySchema, req.body, 'body');
      const outcome = await review.resolveContradiction(id, b.claim, b.other, b.confirm, req.actor);
      return { outcome, contradictions: await review.contradictions(id), batch: review.view(id) };
    }),
  );
  app.post(
    fastifyPath(ingestJudgeContract),
    guard(async (req) => {
      const j = parseInput(JudgementBodySchema, req.body, 'body');
      await ingest.judge(j, req.actor);
      return { ok: true as const };
    }),
  );
};
