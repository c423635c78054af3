import type { QueryResult } from '../../../shared/api';

/** "12 rows · 34 ms" with a visible warning when a cap cut the result. */
export function Summary({ result }: { result: QueryResult }) {
  const s = result.summary;
  return (
    <span className="summary" data-testid="summary">
      {s.rows.toLocaleString('en-GB')} row{s.rows === 1 ? '' : 's'} · {result.graph.nodes.length} node
      {result.graph.nodes.length === 1 ? '' : 's'}, {result.graph.edges.length} relationship
      {result.graph.edges.length === 1 ? '' : 's'} · {Math.round(s.timeMs)} ms
      {s.truncated ? (
        <span className="warn">
          {' '}
          · truncated (
          {s.truncatedBy === 'bytes'
            ? 'response size limit'
            : s.truncatedBy === 'limit'
              ? `first ${s.rows.toLocaleString('en-GB')} rows: the query's own LIMIT`
              : `first ${s.maxRows.toLocaleString('en-GB')} rows`}
          )
        </span>
      ) : null}
      {s.keptSince ? (
        <span title="Kept from an earlier run of the same query: nothing has been written to the database since.">
          {' '}
          · kept from {new Date(s.keptSince).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}
        </span>
      ) : null}
      {s.notifications.length ? (
        <span title={s.notifications.map((n) => `${n.title}: ${n.description}`).join('\n')}>
          {' '}
          · {s.notifications.length} warning{s.notifications.length === 1 ? '' : 's'}
        </span>
      ) : null}
    </span>
  );
}
