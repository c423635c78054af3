/**
 * Result tables: cell text, sorting and CSV/TSV export. Pure (unit-tested in Node).
 * Cells are JSON-safe values; graph elements arrive as references tagged with `__kind`.
 */
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

/** RFC 4180 CSV (CRLF line ends), header first. */
export function toCsv(columns: readonly string[], rows: readonly Cell[][]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map((c) => csvField(cellText(c))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Tab-separated text for the clipboard (pastes into spreadsheets as columns). */
export function toTsv(columns: readonly string[], rows: readonly Cell[][]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [columns.map(clean).join('\t'), ...rows.map((r) => r.map((c) => clean(cellText(c))).join('\t'))].join('\n');
}
