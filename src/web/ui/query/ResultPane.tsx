import { useMemo, useState } from 'react';
import type { QueryResult } from '../../../shared/api';
import type { QueryError } from '../../core/query/actions';
import { useApp, useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { labelColor } from '../../render/style';
import { primaryLabel } from '../../core/graph/graph-store';
import { Summary } from './Summary';
import { cellText, isNodeCell, isPathCell, isRelCell, sortRows, toTsv, type Cell } from '../../core/query/table';

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
  const heading =
    error.code === 'QUERY_REJECTED'
      ? 'This query was refused: the explorer only runs read-only Cypher'
      : error.code === 'CYPHER_ERROR'
        ? 'Neo4j could not run this query'
        : error.code === 'TIMEOUT'
          ? 'The query took too long and was stopped'
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
        {error.details.reason && error.details.reason !== error.message ? (
          <div className="small">{error.details.reason}</div>
        ) : null}
        {pos ? (
          <div className="small" style={{ marginTop: 4 }} data-testid="error-position">
            Line {pos.line}, column {pos.column}
          </div>
        ) : null}
        {line !== null && pos ? (
          <pre className="error-pos">{`${line}\n${' '.repeat(Math.max(0, pos.column - 1))}^`}</pre>
        ) : null}
        {error.details.neo4jCode ? (
          <div className="small faint mono" style={{ marginTop: 4 }}>
            {error.details.neo4jCode}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function ResultTable({ result, title }: { result: QueryResult; title: string | null }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const [sort, setSort] = useState<{ col: number; dir: 'asc' | 'desc' } | null>(null);
  const [copied, setCopied] = useState(false);
  const { columns, rows } = result.table;
  const order = useMemo(() => (sort ? sortRows(rows, sort.col, sort.dir) : rows.map((_, i) => i)), [rows, sort]);
  const shown = order.slice(0, 1000);

  const copy = async () => {
    const text = toTsv(
      columns,
      order.map((i) => rows[i]!),
    );
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API refused (insecure context): fall back to a hidden textarea.
      const ta = document.createElement('textarea');
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  const renderCell = (c: Cell) => {
    if (isNodeCell(c)) {
      return (
        <button className="cell-node" onClick={() => void explorer.focusRef(c.id)} title={c.labels.join(', ')}>
          <span className="dot" style={{ background: labelColor(primaryLabel(c.labels), theme) }} />
          {c.caption}
        </button>
      );
    }
    if (isRelCell(c)) return <span className="cell-rel">:{c.type}</span>;
    if (isPathCell(c)) return <span className="cell-rel">{cellText(c)}</span>;
    if (c === null) return <span className="faint">null</span>;
    return cellText(c);
  };

  return (
    <>
      <div className="result-head">
        <strong
          style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 280 }}
          title={title ?? ''}
        >
          {title}
        </strong>
        <Summary result={result} />
        <span className="grow" />
        <button
          className="btn small"
          onClick={() => void copy()}
          disabled={!rows.length}
          data-testid="copy-table"
          title="Copy as tab-separated text (pastes into spreadsheets)"
        >
          <Icon name="copy" /> {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          className="btn small"
          onClick={() => void import('../../app/exporters').then((m) => m.exportCsv(result, title))}
          disabled={!rows.length}
          data-testid="download-csv"
        >
          <Icon name="download" /> CSV
        </button>
      </div>
      <div className="table-wrap">
        {rows.length ? (
          <table className="results" data-testid="result-table">
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th
                    key={`${c}-${i}`}
                    onClick={() =>
                      setSort((s) =>
                        s?.col === i ? (s.dir === 'asc' ? { col: i, dir: 'desc' } : null) : { col: i, dir: 'asc' },
                      )
                    }
                    aria-sort={sort?.col === i ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    title="Sort"
                  >
                    {c}
                    {sort?.col === i ? <span className="arrow">{sort.dir === 'asc' ? '▲' : '▼'}</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((ri) => (
                <tr key={ri}>
                  {rows[ri]!.map((c, ci) => (
                    <td key={ci}>{renderCell(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="result-empty">The query ran and returned no rows.</div>
        )}
      </div>
    </>
  );
}
