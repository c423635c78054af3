/**
 * DELETE /api/ingest/batches/{id} — discards a staged article nothing of which is accepted (the
 * editor role, from the route table). Audited with the batch as it was, so the trail says what
 * went; refused with 409 while an item is accepted (undo them first).
 */
import { join } from 'node:path';
import { summaryOf } from '../../../ingest/review/view';
import { discardBatch } from '../../../ingest/staging/discard';
import { articleWithText } from '../../../ingest/staging/graph';
import { Staging } from '../../../ingest/staging/store';
import { ingestTextDir, TextStore } from '../../../ingest/store';
import { BatchParamsSchema } from '../../../shared/api/ingest';
import { ingestDiscardContract } from '../../../shared/api/ingest-discard';
import { fastifyPath, parseInput, type RouteModule } from '../../http/context';
import { ingestError } from '../ingest/service';

export const ingestDiscardRoutes: RouteModule = (app, ctx) => {
  const staging = new Staging(ctx.store);
  const db = { driver: ctx.db.driver, database: ctx.db.database };
  // Every folder a text of this configuration may have been stored in (as the review reads them).
  const texts = [...new Set([ingestTextDir(ctx.env), join(ctx.env.NEWSGRAPH_INGEST_DIR, 'articles')])].map(
    (d) => new TextStore(d),
  );
  app.delete(fastifyPath(ingestDiscardContract), async (req) => {
    const id = parseInput(BatchParamsSchema, req.params).id;
    try {
      const gone = await discardBatch(id, {
        staging,
        texts,
        articleInGraph: (sha) => articleWithText(db, sha),
        before: (s) => summaryOf(s, staging.decisions(s.id)),
      });
      ctx.audit.record(req.actor, {
        action: 'ingest.discard',
        target: id,
        before: gone.summary,
        after: null,
        detail: { source: gone.staged.source, sha256: gone.staged.sha256 },
      });
      return { discarded: id };
    } catch (e) {
      throw ingestError(e);
    }
  });
};
