import type { NodeDetailResponse } from '../../../shared/api';
import { formatOutlet, formatPublished } from '../citation';
import { formatDate, formatValue, humanKey } from '../format';

/**
 * Values a later article supplied or revised, each with the article and quote it came from. With
 * an "as reported by" day, only the sources out by then are listed (the server filters them).
 */
export function ReportedValues({ data }: { data: NodeDetailResponse }) {
  const list = data.reported ?? [];
  if (!list.length) return null;
  return (
    <div className="section" data-testid="detail-reported">
      <h3>Values by report{data.asReportedBy ? ` (as reported by ${formatDate(data.asReportedBy)})` : ''}</h3>
      <div className="stack" style={{ gap: 4 }}>
        {list.map((r, i) => (
          <div key={`${r.property}-${r.article.key}-${i}`} className="small">
            <b>{humanKey(r.property)}</b>: {formatValue(r.value)}
            <span className="muted">
              {' · '}
              {formatOutlet(r.article) ?? r.article.title ?? r.article.key}
              {formatPublished(r.article) ? `, ${formatPublished(r.article)}` : ''}
              {` · “${r.quote}”`}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
