import type { QueryError } from '../../core/query/actions';
import { useApp } from '../context';
import { ResultTable } from './ResultTable';

export function ResultPane() {
  const d = useApp((s) => s.drawer);
  const mode = useApp((s) => s.drawer.mode);
  if (d.error) return <ErrorView error={d.error} query={mode === 'cypher' ? d.cypher : null} />;
  if (d.running && !d.result) return <div className="result-empty">Running…</div>;
  if (!d.result)
    return (
      <div className="result-empty">
        Run a query to see its rows here; nodes and relationships it returns are drawn in the graph.
      </div>
    );
  return <ResultTable result={d.result} title={d.resultTitle} />;
}

/** Query errors in words, with Neo4j's code and, for syntax errors, the line with a caret. */
function ErrorView({ error, query }: { error: QueryError; query: string | null }) {
  const pos = error.details.position;
  const line = pos && query ? (query.split('\n')[pos.line - 1] ?? null) : null;
  // The sandbox's reasons (WRITE, LOAD_CSV, …) are codes for programs: beside Neo4j's code, not
  // under the message as if they were words to read.
  const reason = error.details.reason;
  const reasonCode = !!reason && /^[A-Z][A-Z0-9_.]*$/.test(reason);
  const codes = [error.details.neo4jCode, reasonCode ? reason : null].filter((c): c is string => !!c);
  const heading =
    error.code === 'QUERY_REJECTED'
      ? 'This query was refused: the explorer only runs read-only Cypher'
      : error.code === 'CYPHER_ERROR'
        ? 'Neo4j could not run this query'
        : error.code === 'TIMEOUT'
          ? 'The query took too long and was stopped'
          : error.code === 'BAD_REQUEST' && error.details.param === 'body.query'
            ? 'The query is too long'
            : error.code === 'BAD_REQUEST' && error.details.param?.startsWith('body.')
              ? 'The request was refused'
              : error.code === 'BAD_REQUEST'
                ? 'Check the parameters'
                : error.isUnavailable
                  ? 'The database is unavailable'
                  : 'The query failed';
  return (
    <div style={{ padding: 12, overflow: 'auto' }}>
      <div className="error-box" role="alert" data-testid="query-error" data-code={error.code}>
        <strong>{heading}</strong>
        <div style={{ marginTop: 4 }}>{error.message}</div>
        {reason && !reasonCode && reason !== error.message ? <div className="small">{reason}</div> : null}
        {pos ? (
          <div className="small" style={{ marginTop: 4 }} data-testid="error-position">
            Line {pos.line}, column {pos.column}
          </div>
        ) : null}
        {line !== null && pos ? (
          <pre className="error-pos">{`${line}\n${' '.repeat(Math.max(0, pos.column - 1))}^`}</pre>
        ) : null}
        {codes.length ? (
          <div className="small faint mono" style={{ marginTop: 4 }} data-testid="error-codes">
            {codes.join(' · ')}
          </div>
        ) : null}
      </div>
    </div>
  );
}
