/**
 * Result tables: cell text, sorting and CSV/TSV export. Pure (unit-tested in Node).
 * Cells are JSON-safe values; graph elements arrive as references tagged with `__kind`.
 */
import type { QuerySummary } from '../../../shared/api';
export type Cell = unknown;

interface NodeCell {
  __kind: 'node';
  id: string;
  key: string | null;
  caption: string;
  labels: string[];
}
interface RelCell {
  __kind: 'relationship';
  id: string;
  type: string;
  source: string;
  target: string;
}
interface PathCell {
  __kind: 'path';
  nodes: string[];
  edges: string[];
}

export function isNodeCell(c: Cell): c is NodeCell {
  return !!c && typeof c === 'object' && (c as { __kind?: unknown }).__kind === 'node';
}
export function isRelCell(c: Cell): c is RelCell {
  return !!c && typeof c === 'object' && (c as { __kind?: unknown }).__kind === 'relationship';
}
export function isPathCell(c: Cell): c is PathCell {
  return !!c && typeof c === 'object' && (c as { __kind?: unknown }).__kind === 'path';
}

/** A cell as plain text (what is copied, exported and sorted on). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (isNodeCell(c)) return c.caption;
  if (isRelCell(c)) return `:${c.type}`;
  if (isPathCell(c)) return `path (${c.edges.length} hop${c.edges.length === 1 ? '' : 's'})`;
  if (Array.isArray(c)) return c.map(cellText).join('; ');
  return JSON.stringify(c);
}

/** Numbers sort numerically, nulls last, everything else by text (locale-aware, numeric). */
export function compareCells(a: Cell, b: Cell): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a).localeCompare(cellText(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** Row indices sorted by a column (stable). */
export function sortRows(rows: readonly Cell[][], column: number, dir: 'asc' | 'desc'): number[] {
  const idx = rows.map((_, i) => i);
  idx.sort((i, j) => {
    const c = compareCells(rows[i]![column], rows[j]![column]);
    return (dir === 'asc' ? c : -c) || i - j;
  });
  return idx;
}

export interface TableSort {
  col: number;
  dir: 'asc' | 'desc';
}

/** The rows in the order a table sorted by `sort` shows them (unsorted: as returned). */
export function sortedRows(rows: readonly Cell[][], sort: TableSort | null): Cell[][] {
  return sort ? sortRows(rows, sort.col, sort.dir).map((i) => rows[i]!) : [...rows];
}

function csvField(s: string): string {
  // Leading =, +, -, @ would be run as formulas by spreadsheets: prefix with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 CSV (CRLF line ends), header first. A `note` (a truncated result) is one last row: its
 * text in the first field, the rest empty. A row, not a `#` comment line: spreadsheets have no
 * comment syntax and would show a comment anyway, and a line with fewer fields breaks strict
 * parsers; a row with as many fields as the header stays valid CSV and is seen at the table's end.
 */
export function toCsv(columns: readonly string[], rows: readonly Cell[][], note: string | null = null): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map((c) => csvField(cellText(c))).join(','));
  if (note !== null) lines.push([csvField(note), ...columns.slice(1).map(() => '')].join(','));
  return lines.join('\r\n') + '\r\n';
}

type TruncationSummary = Pick<QuerySummary, 'rows' | 'truncated' | 'truncatedBy' | 'maxRows'>;

/** The last row of a truncated result's CSV, or null when the result is complete. */
export function truncationNote(s: TruncationSummary): string | null {
  if (!s.truncated) return null;
  const n = s.rows.toLocaleString('en-GB');
  return `TRUNCATED: the query returned more than these ${n} rows (the first ${n} are above)`;
}

/**
 * "<title>[-<parameter values>][-first-N-rows]-<stamp>.csv": what was asked and when, and a
 * truncated result says so before it is even opened.
 */
export function csvFileName(title: string | null, s: TruncationSummary, stamp: string, params = ''): string {
  const name =
    (title ?? 'result')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'result';
  return `${name}${params ? `-${params}` : ''}${s.truncated ? `-first-${s.rows}-rows` : ''}-${stamp}.csv`;
}

/** Tab-separated text for the clipboard (pastes into spreadsheets as columns). */
export function toTsv(columns: readonly string[], rows: readonly Cell[][]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [columns.map(clean).join('\t'), ...rows.map((r) => r.map((c) => clean(cellText(c))).join('\t'))].join('\n');
}
