/** Adding articles: staging, the review (accept, edit, reject, merge, judge, contradictions) and undo. */
import type { AcceptOutcome, BatchSummary, BatchView, Contradiction, IngestArticleBody } from '../../shared/api';
import { ROUTES } from '../../shared/api/routes';
import type { ArticleEdit as ArticleDetailsEdit, Decision } from '../../ingest/review/decision';
import type { TransportClass } from './transport';

type Batch = { batch: BatchView };
type Accepted = { outcome: AcceptOutcome; batch: BatchView };
type Judged = { left: { form: string } | { entityId: string }; right: { entityId: string } };

export function withIngestCalls<B extends TransportClass>(Base: B) {
  return class IngestCalls extends Base {
    /** Adds an article: extracted and staged for review (nothing reaches the graph until accepted). */
    ingestArticle(body: IngestArticleBody): Promise<{ batch: BatchSummary }> {
      return this.request(ROUTES.ingestArticle, { body });
    }

    /** Staged articles, newest first, with their review counts. */
    ingestBatches(): Promise<{ batches: BatchSummary[] }> {
      return this.request(ROUTES.ingestBatches);
    }

    ingestBatch(id: string): Promise<Batch> {
      return this.request(ROUTES.ingestBatch, { params: { id } });
    }

    /** Gives the staged article's details (title, outlet, published…) before its first accept. */
    ingestBatchArticle(id: string, edit: ArticleDetailsEdit): Promise<Batch> {
      return this.request(ROUTES.ingestBatchArticle, { params: { id }, body: edit });
    }

    /** Discards a staged article with nothing accepted (refused, saying why, otherwise). */
    ingestDiscard(id: string): Promise<{ discarded: string }> {
      return this.request(ROUTES.ingestDiscard, { params: { id } });
    }

    /** Accepts one candidate (its proposal, or `decision`): one transaction, undoable. `seen`: see the view's. */
    ingestAccept(id: string, candidate: string, decision?: Decision, seen?: string): Promise<Accepted> {
      return this.request(ROUTES.ingestAccept, { params: { id, candidate }, body: { decision, seen } });
    }

    /** Stores an edited decision (validated by the server; nothing reaches the graph until accepted). */
    ingestEdit(id: string, candidate: string, decision: Decision, seen?: string): Promise<Batch> {
      return this.request(ROUTES.ingestEdit, { params: { id, candidate }, body: { decision, seen } });
    }

    ingestReject(id: string, candidate: string, seen?: string): Promise<Batch> {
      return this.request(ROUTES.ingestReject, { params: { id, candidate }, body: { seen } });
    }

    /** Records a judgement on a name/entity pair: "not-same" is never proposed again, "unsure" is never auto-linked. */
    ingestJudge(pair: Judged, verdict: 'same' | 'not-same' | 'unsure'): Promise<{ ok: true }> {
      return this.request(ROUTES.ingestJudge, { body: { ...pair, verdict } });
    }

    ingestContradictions(id: string): Promise<{ contradictions: Contradiction[] }> {
      return this.request(ROUTES.ingestContradictions, { params: { id } });
    }

    /** Confirms (CONTRADICTS, undoable) or dismisses a proposed contradiction. */
    ingestContradiction(
      id: string,
      claim: string,
      other: string,
      confirm: boolean,
    ): Promise<{ outcome: AcceptOutcome | null; contradictions: Contradiction[]; batch: BatchView }> {
      return this.request(ROUTES.ingestContradiction, { params: { id }, body: { claim, other, confirm } });
    }

    ingestReopen(id: string, candidate: string): Promise<Batch> {
      return this.request(ROUTES.ingestReopen, { params: { id, candidate } });
    }

    /** Merges an entity candidate into an existing graph entity (an accept; records "same"). */
    ingestMerge(id: string, candidate: string, into: string, seen?: string): Promise<Accepted> {
      return this.request(ROUTES.ingestMerge, { params: { id, candidate }, body: { into, seen } });
    }

    ingestBulk(id: string, minConfidence: number): Promise<Accepted> {
      return this.request(ROUTES.ingestBulk, { params: { id }, body: { minConfidence } });
    }

    ingestUndo(accept: number): Promise<Batch> {
      return this.request(ROUTES.ingestUndo, { params: { accept: String(accept) } });
    }
  };
}
