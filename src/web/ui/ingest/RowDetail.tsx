/** What a review row's accept stores beyond its quote (a claim's statement, a relationship's graph entities), so a reviewer sees it before accepting. */
import type { CandidateView } from '../../../shared/api/ingest';
import { rowDetail } from '../../core/ingest/detail';
import type { RefOption } from '../../core/ingest/review';

export function RowDetail({ view, refs }: { view: CandidateView; refs: readonly RefOption[] }) {
  const line = rowDetail(view, refs);
  return line ? (
    <div className="small ingest-detail" data-testid="ingest-detail">
      {line}
    </div>
  ) : null;
}
