/**
 * The CSV of a result table, for an investigation file: every node cell gets its key (our `id`,
 * else the element id) in a column beside it, every relationship cell its type and its two ends'
 * keys; and the file says what was asked. RFC 4180 has no comments and a spreadsheet shows any
 * preamble as data, so the provenance is not a block of lines: it is the file name (query name,
 * parameter values, time) plus columns at the right end (query, parameters, run at, database)
 * repeated on every row, which survive sorting, filtering and pasting rows into another sheet.
 * Pure; unit-tested.
 */
import type { QueryResult } from '../../../shared/api';
import { cellText, isNodeCell, isRelCell, toCsv, truncationNote, type Cell } from './table';

/** What ran, captured when the result came back (the form may be edited since). */
export interface ResultSource {
  /** A saved query's name, or the Cypher text of an ad-hoc one. */
  query?: string;
  cypher?: string;
  params: Record<string, unknown>;
  /** ISO time the answer was computed. */
  ranAt: string;
}

export interface CsvAbout {
  title: string | null;
  source: ResultSource | null;
  database: string | null;
}

/** `name=value; …`, as read in a cell or a description. */
export function paramsText(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** A cell as CSV text: a relationship is its type (no leading colon); lists are joined. */
function csvText(c: Cell): string {
  if (isRelCell(c)) return c.type;
  if (Array.isArray(c)) return c.map(csvText).join('; ');
  return cellText(c);
}

const some = (rows: readonly Cell[][], i: number, is: (c: Cell) => boolean): boolean =>
  rows.some((r) => {
    const c = r[i];
    return is(c) || (Array.isArray(c) && c.some(is));
  });

/** A column name not yet taken (a query may return a column called `query`). */
function fresh(name: string, taken: Set<string>): string {
  let n = name;
  while (taken.has(n)) n = `newsgraph ${n}`;
  taken.add(n);
  return n;
}

/** The columns and text rows of the CSV: result columns with their key columns, then the provenance. */
export function csvTable(
  result: Pick<QueryResult, 'graph' | 'table'>,
  rows: readonly Cell[][],
  about: CsvAbout | null,
): { columns: string[]; rows: string[][] } {
  const keyOf = new Map(result.graph.nodes.map((n) => [n.id, n.key ?? n.id]));
  const endKey = (id: string) => keyOf.get(id) ?? id;
  const cols = result.table.columns;
  const taken = new Set(cols);
  const nodeCol = cols.map((_, i) => some(rows, i, isNodeCell));
  const relCol = cols.map((_, i) => some(rows, i, isRelCell));
  const columns: string[] = [];
  cols.forEach((c, i) => {
    columns.push(c);
    if (nodeCol[i]) columns.push(fresh(`${c} key`, taken));
    if (relCol[i]) columns.push(fresh(`${c} from`, taken), fresh(`${c} to`, taken));
  });
  const list = (c: Cell, f: (x: Cell) => string | null): string =>
    (Array.isArray(c) ? c : [c])
      .map(f)
      .filter((x) => x !== null)
      .join('; ');
  const src = about?.source;
  const tail = src
    ? [
        [fresh('query', taken), src.query ? `${about.title ?? src.query} (${src.query})` : (src.cypher ?? '')],
        [fresh('parameters', taken), paramsText(src.params)],
        [fresh('run at', taken), src.ranAt],
        ...(about.database ? [[fresh('database', taken), about.database]] : []),
      ]
    : [];
  columns.push(...tail.map(([name]) => name!));
  const out = rows.map((r) => {
    const line: string[] = [];
    cols.forEach((_, i) => {
      const c = r[i];
      line.push(csvText(c));
      if (nodeCol[i]) line.push(list(c, (x) => (isNodeCell(x) ? (x.key ?? x.id) : null)));
      if (relCol[i])
        line.push(
          list(c, (x) => (isRelCell(x) ? endKey(x.source) : null)),
          list(c, (x) => (isRelCell(x) ? endKey(x.target) : null)),
        );
    });
    line.push(...tail.map(([, value]) => value!));
    return line;
  });
  return { columns, rows: out };
}

/** The whole CSV file: header, rows in the table's order, the truncation row when cut. */
export function resultCsv(result: QueryResult, rows: readonly Cell[][], about: CsvAbout | null): string {
  const t = csvTable(result, rows, about);
  return toCsv(t.columns, t.rows, truncationNote(result.summary));
}

const slug = (s: string, max: number) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');

/** The parameter values for the file name ("kharkiv-region-2023-01-01-2023-12-31"), at most 60 characters. */
export function paramsSlug(params: Readonly<Record<string, unknown>>): string {
  return slug(
    Object.values(params)
      .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
      .join('-'),
    60,
  );
}
