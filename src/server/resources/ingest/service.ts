/**
 * The ingest resource's wiring: the staging store and review service over the app's context,
 * staging an article sent by the "Add article" dialog, and the review's errors as API errors.
 */
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import type { z } from 'zod';
import { nameFinderFor } from '../../../ingest/article';
import type { NameFinder } from '../../../ingest/extract/types';
import { ForeignDatabase, ReviewBlocked, ReviewInvalid, ReviewNotFound } from '../../../ingest/review/errors';
import { ReviewService } from '../../../ingest/review/service';
import { Vocabulary } from '../../../ingest/review/vocabulary';
import {
  graphGazetteer,
  missingEntities,
  sameArticleInGraph,
  newsgraphSchemaProblem,
} from '../../../ingest/staging/graph';
import type { Judgement } from '../../../ingest/link/judgements';
import { stageArticle } from '../../../ingest/staging/stage';
import { Staging } from '../../../ingest/staging/store';
import { ingestTextDir, TextStore } from '../../../ingest/store';
import { IngestInputError } from '../../../ingest/text/errors';
import { decodeInput, formatOfName, sniffFormat, tooLargeMessage } from '../../../ingest/text/validate';
import { CoreNlpError } from '../../../runtime/corenlp/errors';
import { INGEST_MAX_BYTES, type BatchSummary, type IngestArticleBodySchema } from '../../../shared/api/ingest';
import type { Actor } from '../../http/actor';
import type { ApiContext } from '../../http/context';
import { ApiError, badRequest } from '../../http/errors';
import { summaryOf } from '../../../ingest/review/view';
import { followMerges } from '../node-edit/merge-map';

export interface Ingest {
  staging: Staging;
  review: ReviewService;
  stage(body: z.output<typeof IngestArticleBodySchema>, actor: Actor): Promise<BatchSummary>;
  /** Records a judgement about entities that exist in the graph (400 naming the one that does not). */
  judge(j: Judgement, actor: Actor): Promise<void>;
}

/** Builds the resource's services once per app. `finder` overrides NEWSGRAPH_EXTRACTOR (tests). */
export function createIngest(ctx: ApiContext, finder?: NameFinder): Ingest {
  const { env } = ctx;
  const staging = new Staging(ctx.store);
  const textDir = ingestTextDir(env);
  const textDirs = [...new Set([textDir, join(env.NEWSGRAPH_INGEST_DIR, 'articles'), env.ARTICLES_DIR])];
  const db = { driver: ctx.db.driver, database: ctx.db.database };
  const review = new ReviewService({
    ...db,
    staging,
    textDirs,
    dataset: env.NEWSGRAPH_DATASET,
    vocabulary: Vocabulary.load(),
    audit: ctx.audit,
    followMerges: (id, find) => followMerges(ctx.merges, id, find),
  });
  const names = () =>
    finder ??
    nameFinderFor(env.NEWSGRAPH_EXTRACTOR, {
      heap: env.NEWSGRAPH_CORENLP_HEAP,
      port: env.NEWSGRAPH_CORENLP_PORT,
      javaHome: env.JAVA_HOME,
    });
  return {
    staging,
    review,
    async stage(body, actor) {
      const bytes = body.base64 !== undefined ? Buffer.from(body.base64, 'base64') : Buffer.from(body.text!, 'utf8');
      const what = body.name ? `"${body.name}"` : 'The pasted text';
      if (bytes.length > INGEST_MAX_BYTES)
        throw new IngestInputError('TOO_LARGE', tooLargeMessage(what, bytes.length, INGEST_MAX_BYTES));
      const raw = decodeInput(bytes, what);
      const format = body.format ?? (body.name ? formatOfName(body.name) : undefined) ?? sniffFormat(raw);
      const problem = await newsgraphSchemaProblem(db);
      if (problem) throw new ForeignDatabase(problem);
      const meta = Object.fromEntries(Object.entries(body.meta).filter(([, v]) => typeof v === 'string' && v.trim()));
      const { staged } = await stageArticle(
        { raw, format, source: body.name ?? 'pasted text', meta, allowSameTitle: body.allowSameTitle },
        {
          staging,
          texts: new TextStore(textDir),
          finder: names(),
          gazetteer: async (text) => (await graphGazetteer(db, text)).entries,
          articleInGraph: (probe) => sameArticleInGraph(db, probe),
          actor: actor.name,
        },
      );
      const summary = summaryOf(staged, new Map());
      ctx.audit.record(actor, {
        action: 'ingest.stage',
        target: staged.id,
        before: null,
        after: summary,
        detail: {
          source: staged.source,
          sha256: staged.sha256,
          extractor: staged.batch.extractor,
          // The same-title check overridden, deliberately: recorded with who and when.
          ...(staged.batch.article.sameTitleAs && { sameTitleAs: staged.batch.article.sameTitleAs }),
        },
      });
      return summary;
    },
    async judge(j, actor) {
      const ids = 'entityId' in j.left ? [j.left.entityId, j.right.entityId] : [j.right.entityId];
      const [missing] = await missingEntities(db, ids);
      if (missing !== undefined) {
        const side = 'entityId' in j.left && j.left.entityId === missing ? 'left' : 'right';
        throw badRequest(`body.${side}.entityId`, `no entity in the graph has the id "${missing}"`);
      }
      review.judge(j, actor);
    },
  };
}

/** The review's and the extractor's errors as API errors (anything else goes to the generic handler). */
export function ingestError(e: unknown): unknown {
  if (e instanceof ReviewNotFound) return new ApiError(404, 'NOT_FOUND', e.message);
  if (e instanceof ReviewInvalid) return new ApiError(400, 'BAD_REQUEST', e.message, { param: 'body.decision' });
  if (e instanceof ReviewBlocked) return new ApiError(409, 'CONFLICT', e.message, e.details);
  if (e instanceof ForeignDatabase) return new ApiError(409, 'NOT_NEWSGRAPH_DATABASE', e.message);
  if (e instanceof IngestInputError) {
    if (e.code === 'DUPLICATE')
      return new ApiError(409, 'CONFLICT', e.message, {
        reason: e.code,
        duplicateOf: e.duplicateOf,
        match: e.match,
      });
    return new ApiError(400, 'BAD_REQUEST', e.message, { param: 'body', reason: e.code });
  }
  if (e instanceof CoreNlpError)
    return new ApiError(502, 'EXTRACTOR_FAILED', `The name finder failed: ${e.message}`, { reason: e.code });
  return e;
}
