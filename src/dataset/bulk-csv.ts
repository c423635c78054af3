import { createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { sortedRecord, type LoadCounts, type NodeRow, type RelRow, type Row, type SeedRows } from './rows';

/**
 * The rows the online loader writes (rows.ts), as CSV for `neo4j-admin database import full`:
 * one file per label set and one per relationship type, each with the columns its rows use,
 * typed as the online loader stores them. JavaScript numbers are sent by the driver as floats,
 * so every number column is `double`; dates are `date`, points `point{crs:WGS-84}`.
 * One difference: an empty list is stored by the online loader and is absent after an import
 * (the importer has no way to write an empty array).
 */

/** Between array elements: a control character no text of ours holds (checked per value). */
const ARRAY_DELIMITER = '\u001f';
const ARRAY_DELIMITER_ARG = 'U+001F';

type ColType = 'string' | 'double' | 'boolean' | 'date' | 'point{crs:WGS-84}';
interface Column {
  key: string;
  type: ColType;
  array: boolean;
}

function typeOf(v: unknown): { type: ColType; array: boolean } | null {
  if (Array.isArray(v)) {
    if (!v.length) return null; // absent, see above
    const t = typeOf(v[0]);
    return t && !t.array ? { type: t.type, array: true } : null;
  }
  if (typeof v === 'string') return { type: 'string', array: false };
  if (typeof v === 'number') return { type: 'double', array: false };
  if (typeof v === 'boolean') return { type: 'boolean', array: false };
  if (neo4j.isDate(v as never)) return { type: 'date', array: false };
  if (neo4j.isPoint(v as never)) return { type: 'point{crs:WGS-84}', array: false };
  return null;
}

export class BulkCsvError extends Error {
  override name = 'BulkCsvError';
}

function text(v: unknown, type: ColType): string {
  if (type === 'point{crs:WGS-84}') {
    const p = v as { x: number; y: number };
    return `{longitude:${p.x}, latitude:${p.y}}`;
  }
  return String(v);
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

function cell(v: unknown, c: Column, where: string): string {
  if (v === undefined || v === null || (Array.isArray(v) && !v.length)) return '';
  const t = typeOf(v);
  if (!t || t.type !== c.type || t.array !== c.array)
    throw new BulkCsvError(
      `bulk: ${where} property ${c.key} mixes types (${c.type}${c.array ? '[]' : ''} and another)`,
    );
  if (!c.array)
    return c.type === 'string' || c.array || c.type.startsWith('point') ? quote(text(v, c.type)) : text(v, c.type);
  const parts = (v as unknown[]).map((x) => text(x, c.type));
  if (parts.some((p) => p.includes(ARRAY_DELIMITER)))
    throw new BulkCsvError(`bulk: ${where} property ${c.key} holds the array delimiter U+001F`);
  return quote(parts.join(ARRAY_DELIMITER));
}

/** One CSV file, buffered, with back-pressure. */
class CsvFile {
  private readonly out: WriteStream;
  private buf: string[] = [];
  constructor(
    readonly path: string,
    header: string,
  ) {
    this.out = createWriteStream(path);
    this.buf.push(header);
  }
  async line(l: string): Promise<void> {
    this.buf.push(l);
    if (this.buf.length >= 5_000) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = `${this.buf.join('\n')}\n`;
    this.buf = [];
    if (!this.out.write(chunk)) await new Promise<void>((res) => this.out.once('drain', () => res()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((res, rej) => this.out.end((e?: Error | null) => (e ? rej(e) : res())));
  }
}

/** Columns per group from one pass over the rows. */
function columnsOf<T>(
  rows: Iterable<T>,
  group: (r: T) => string,
  props: (r: T) => Row,
  skip = '',
): Map<string, Column[]> {
  const seen = new Map<string, Map<string, Column>>();
  for (const r of rows) {
    const g = group(r);
    const cols = seen.get(g) ?? seen.set(g, new Map()).get(g)!;
    for (const [k, v] of Object.entries(props(r))) {
      if (k === skip || cols.has(k)) continue;
      const t = typeOf(v);
      if (t) cols.set(k, { key: k, ...t });
    }
  }
  return new Map([...seen].map(([g, cols]) => [g, [...cols.values()]]));
}

const header = (c: Column) => `${c.key}:${c.type}${c.array ? '[]' : ''}`;
const fileName = (prefix: string, g: string) => `${prefix}-${g.replace(/[^A-Za-z0-9_]/g, '_')}.csv`;

export interface BulkCsv {
  /** The importer's --nodes=/--relationships= arguments, plus the array delimiter. */
  args: string[];
  bytes: number;
  counts: LoadCounts;
  /** True when a value holds a line break (the importer then needs --multiline-fields). */
  multiline: boolean;
}

/**
 * Writes the seed's rows as import CSV into `dir`. Two passes over the rows (columns, then
 * values), each holding one row at a time. Cost: a few seconds per million relationships.
 */
export async function writeBulkCsv(rows: SeedRows, dir: string): Promise<BulkCsv> {
  mkdirSync(dir, { recursive: true });
  const nodeRows = function* (): Generator<NodeRow> {
    yield* rows.articles();
    yield* rows.entities();
    yield* rows.claims();
  };
  const relRows = function* (): Generator<RelRow> {
    yield* rows.claimLinks();
    yield* rows.typed();
    yield* rows.mentions();
  };
  const nodeGroup = (n: NodeRow) => n.labels.join(':');
  const nodeCols = columnsOf(nodeRows(), nodeGroup, (n) => n.props, 'id'); // id: the :ID column
  const relCols = columnsOf(
    relRows(),
    (r) => r.type,
    (r) => r.props,
  );
  const nodes = new Map<string, number>();
  const rels = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let multiline = false;
  const line = (values: string[]) => {
    const l = values.join(',');
    if (!multiline && /[\r\n]/.test(l)) multiline = true;
    return l;
  };

  const args: string[] = [];
  const files: CsvFile[] = [];
  const open = new Map<string, { file: CsvFile; cols: Column[] }>();
  const fileFor = (kind: 'nodes' | 'relationships', g: string, cols: Column[], first: string) => {
    const key = `${kind}|${g}`;
    let f = open.get(key);
    if (!f) {
      const path = join(dir, fileName(kind, g));
      f = { file: new CsvFile(path, [first, ...cols.map(header)].join(',')), cols };
      open.set(key, f);
      files.push(f.file);
      args.push(`--${kind}=${g}=${path}`);
    }
    return f;
  };
  for (const n of nodeRows()) {
    const g = nodeGroup(n);
    const f = fileFor('nodes', g, nodeCols.get(g)!, 'id:ID');
    const id = n.props.id as string;
    await f.file.line(line([quote(id), ...f.cols.map((c) => cell(n.props[c.key], c, `${g} ${id}`))]));
    for (const l of n.labels) add(nodes, l);
  }
  for (const r of relRows()) {
    const f = fileFor('relationships', r.type, relCols.get(r.type)!, ':START_ID,:END_ID');
    const where = `${r.type} ${r.from}→${r.to}`;
    await f.file.line(line([quote(r.from), quote(r.to), ...f.cols.map((c) => cell(r.props[c.key], c, where))]));
    add(rels, r.type);
  }
  for (const f of files) await f.close();
  return {
    args: [...args, `--array-delimiter=${ARRAY_DELIMITER_ARG}`],
    bytes: files.reduce((s, f) => s + statSync(f.path).size, 0),
    counts: { nodes: sortedRecord(nodes), relationships: sortedRecord(rels) },
    multiline,
  };
}
