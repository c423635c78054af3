/**
 * The result table: sortable (the sort is the drawer's, so CSV and copy follow it), columns
 * sized by what they hold and resizable by dragging their right edge, cells rendered for people
 * (Cell.tsx), long text wrapped.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { QueryResult } from '../../../shared/api';
import { isNodeCell, isRelCell, sortRows, toTsv, type Cell } from '../../core/query/table';
import { useApp, useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { CellView } from './Cell';
import { Summary } from './Summary';

const MIN_COL = 60;

/** A starting width per column from its first rows: chips, numbers and prose need different room. */
function initialWidths(columns: readonly string[], rows: readonly Cell[][]): number[] {
  return columns.map((c, i) => {
    let text = 0;
    let chips = 0;
    let nums = 0;
    for (const r of rows.slice(0, 50)) {
      const v = r[i];
      if (isNodeCell(v) || isRelCell(v)) chips++;
      else if (typeof v === 'number' || typeof v === 'boolean') nums++;
      else if (v !== null && v !== undefined) text = Math.max(text, typeof v === 'string' ? v.length : 60);
    }
    const head = c.length * 7.5 + 28;
    if (chips) return Math.max(head, 190);
    if (nums && !text) return Math.max(head, 80);
    return Math.max(head, Math.min(340, 60 + text * 6.5));
  });
}

/** Columns narrower than this are not shrunk to fit the pane (wider ones scroll instead). */
const MIN_FIT = 140;

/**
 * Shrinks the columns wider than MIN_FIT, each by its share of the excess, until the table fits
 * `avail` px (or every column is at MIN_FIT). O(columns).
 */
function fitWidths(w: number[], avail: number): number[] {
  const total = w.reduce((a, b) => a + b, 0);
  const slack = w.reduce((a, b) => a + Math.max(0, b - MIN_FIT), 0);
  if (!avail || total <= avail || !slack) return w;
  const k = Math.min(1, (total - avail) / slack);
  return w.map((x) => (x > MIN_FIT ? Math.floor(x - (x - MIN_FIT) * k) : x));
}

export function ResultTable({ result, title }: { result: QueryResult; title: string | null }) {
  const explorer = useExplorer();
  const sort = useApp((s) => s.drawer.sort);
  const [copied, setCopied] = useState(false);
  const { columns, rows } = result.table;
  // Widths the analyst dragged (for this result); else the content's, fitted to the pane.
  const [widths, setWidths] = useState<{ for: QueryResult; w: number[] } | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [avail, setAvail] = useState(0);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    setAvail(el.clientWidth);
    const ro = new ResizeObserver(() => setAvail(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const fitted = useMemo(() => fitWidths(initialWidths(columns, rows), avail), [columns, rows, avail]);
  const w = widths?.for === result ? widths.w : fitted;
  const order = useMemo(() => (sort ? sortRows(rows, sort.col, sort.dir) : rows.map((_, i) => i)), [rows, sort]);
  const shown = order.slice(0, 1000);
  const drag = useRef<{ col: number; x: number; w: number } | null>(null);

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

  const cycleSort = (i: number) =>
    explorer.setDrawer({
      sort: sort?.col === i ? (sort.dir === 'asc' ? { col: i, dir: 'desc' } : null) : { col: i, dir: 'asc' },
    });

  const startResize = (e: React.PointerEvent, col: number) => {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { col, x: e.clientX, w: w[col]! };
  };
  const onResize = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const next = [...w];
    next[d.col] = Math.max(MIN_COL, Math.round(d.w + e.clientX - d.x));
    setWidths({ for: result, w: next });
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
          title="Copy as tab-separated text, in the table's order (pastes into spreadsheets)"
        >
          <Icon name="copy" /> {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          className="btn small"
          onClick={() => void import('../../app/exporters').then((m) => m.exportCsv(explorer))}
          disabled={!rows.length}
          data-testid="download-csv"
          title="Download as CSV, in the table's order"
        >
          <Icon name="download" /> CSV
        </button>
      </div>
      {result.summary.notifications.length ? (
        <ul className="result-warnings" data-testid="query-warnings">
          {result.summary.notifications.map((n, i) => (
            <li key={i}>
              <b>{n.title || n.code}</b>
              {n.description ? <> — {n.description}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-wrap" ref={wrap}>
        {rows.length ? (
          <table className="results" data-testid="result-table" style={{ width: w.reduce((a, b) => a + b, 0) }}>
            <colgroup>
              {w.map((px, i) => (
                <col key={i} style={{ width: px }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <th
                    key={`${c}-${i}`}
                    onClick={() => cycleSort(i)}
                    aria-sort={sort?.col === i ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    title="Sort"
                  >
                    <span className="th-name">{c}</span>
                    {sort?.col === i ? <span className="arrow">{sort.dir === 'asc' ? '▲' : '▼'}</span> : null}
                    <span
                      className="col-resize"
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={`Resize column ${c}`}
                      data-testid={`resize-${i}`}
                      onPointerDown={(e) => startResize(e, i)}
                      onPointerMove={onResize}
                      onPointerUp={() => (drag.current = null)}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((ri) => (
                <tr key={ri}>
                  {rows[ri]!.map((c, ci) => (
                    <td key={ci}>
                      <CellView value={c} graph={result.graph} />
                    </td>
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
