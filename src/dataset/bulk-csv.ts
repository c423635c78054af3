import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
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

/** Whether `v` is a single value of `type` (the check typeOf makes, for a known column). */
function isOf(v: unknown, type: ColType): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'double':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return typeof v === 'object' && neo4j.isDate(v as never);
    default:
      return typeof v === 'object' && neo4j.isPoint(v as never);
  }
}

function text(v: unknown, type: ColType): string {
  if (type === 'point{crs:WGS-84}') {
    const p = v as { x: number; y: number };
    return `{longitude:${p.x}, latitude:${p.y}}`;
  }
  return typeof v === 'string' ? v : String(v);
}

/** Bytes per write: one reused buffer per file, so no line outlives the next write. */
const CHUNK = 1 << 20;

/**
 * One CSV file: lines encoded straight into one reused buffer, written synchronously when full.
 * Lines held as strings until a write (as before) survived young-generation collections and
 * were promoted, so at 10M relationships V8's full collections, each tracing the whole seed in
 * memory, were ~30 % of the writing time.
 */
class CsvFile {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  line(l: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.used + 3 * l.length + 1 > CHUNK) {
      this.flush();
      if (3 * l.length + 1 > CHUNK) {
        const b = Buffer.from(`${l}\n`);
        this.writeAll(b, b.length);
        return;
      }
    }
    this.used += this.buf.write(l, this.used);
    this.buf[this.used++] = 0x0a;
  }
  private flush(): void {
    this.writeAll(this.buf, this.used);
    this.used = 0;
  }
  /** The first `n` bytes of `b`, however many writes the system takes for them. */
  private writeAll(b: Buffer, n: number): void {
    for (let at = 0; at < n;) at += writeSync(this.fd, b, at, n - at);
  }
  /** Writes what is left and closes the file. */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
  /** Closes the file without writing (after a failure). */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

/**
 * One file per label set or relationship type. Its columns are those its rows use, in the order
 * they first appear; a line ends at its last value (the importer reads the missing trailing
 * fields as absent), so one pass over the rows writes everything and
 * the header goes into a file of its own at the end.
 */
class Group {
  readonly cols: Column[] = [];
  private readonly known = new Set<string>();
  /** Keys seen with a value no column type fits: dropped, unless a column for them appears. */
  private readonly untyped = new Set<string>();
  readonly file: CsvFile;
  constructor(
    readonly headerPath: string,
    bodyPath: string,
    private readonly first: string,
    private readonly skip: string,
  ) {
    this.file = new CsvFile(bodyPath);
  }
  /** Adds the columns this row's properties bring. */
  see(props: Row, where: NodeRow | RelRow): void {
    for (const k in props) {
      if (k === this.skip || this.known.has(k)) continue;
      const v = props[k];
      const t = typeOf(v);
      if (t) {
        if (this.untyped.has(k)) throw mixed(where, k, t);
        this.known.add(k);
        this.cols.push({ key: k, ...t });
      } else if (v !== undefined && v !== null && !(Array.isArray(v) && !v.length)) this.untyped.add(k);
    }
  }
  header(): string {
    return [this.first, ...this.cols.map((c) => `${c.key}:${c.type}${c.array ? '[]' : ''}`)].join(',');
  }
}

/** The row an error names (built only for the message). */
const describe = (w: NodeRow | RelRow): string =>
  'type' in w ? `${w.type} ${w.from}→${w.to}` : `${w.labels.join(':')} ${String(w.props.id)}`;

const mixed = (where: NodeRow | RelRow, key: string, c: { type: ColType; array: boolean }) =>
  new BulkCsvError(
    `bulk: ${describe(where)} property ${key} mixes types (${c.type}${c.array ? '[]' : ''} and another)`,
  );

const fileName = (prefix: string, g: string) => `${prefix}-${g.replace(/[^A-Za-z0-9_]/g, '_')}`;

export interface BulkCsv {
  /** The importer's --nodes=/--relationships= arguments, plus the array delimiter. */
  args: string[];
  bytes: number;
  counts: LoadCounts;
  /** True when a value holds a line break (the importer then needs --multiline-fields). */
  multiline: boolean;
}

/**
 * Writes the seed's rows as import CSV into `dir`: one pass over the rows, holding one row at a
 * time; synchronous (a CLI step). Cost: a few seconds per million relationships (bench/: the
 * loading benchmark's CSV figure).
 */
export function writeBulkCsv(rows: SeedRows, dir: string): BulkCsv {
  mkdirSync(dir, { recursive: true });
  const nodes = new Map<string, number>();
  const rels = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let multiline = false;
  const quote = (s: string): string => {
    if (!multiline && (s.includes('\n') || s.includes('\r'))) multiline = true;
    return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
  };
  const cell = (v: unknown, c: Column, where: NodeRow | RelRow): string => {
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) return ''; // absent, see above
    if (!c.array) {
      if (!isOf(v, c.type)) throw mixed(where, c.key, c);
      return c.type === 'string' || c.type === 'point{crs:WGS-84}' ? quote(text(v, c.type)) : text(v, c.type);
    }
    // The first element gives an array its type, as typeOf does.
    if (!Array.isArray(v) || !isOf(v[0], c.type)) throw mixed(where, c.key, c);
    let s = '';
    for (let i = 0; i < v.length; i++) {
      const p = text(v[i], c.type);
      if (p.includes(ARRAY_DELIMITER))
        throw new BulkCsvError(`bulk: ${describe(where)} property ${c.key} holds the array delimiter U+001F`);
      s = i ? s + ARRAY_DELIMITER + p : p;
    }
    return quote(s);
  };
  const line = (start: string, props: Row, g: Group, where: NodeRow | RelRow): string => {
    const parts = [start];
    for (const c of g.cols) parts.push(cell(props[c.key], c, where));
    // The importer reads a line that ends early as absent fields, but one that ends early on an
    // empty field runs on into the next line: end every line on its last value.
    let end = parts.length;
    while (end > 1 && parts[end - 1] === '') end--;
    parts.length = end;
    return parts.join(',');
  };

  const groups: Group[] = [];
  const byKind = { nodes: new Map<string, Group>(), relationships: new Map<string, Group>() };
  const args: string[] = [];
  const groupFor = (kind: 'nodes' | 'relationships', g: string): Group => {
    let f = byKind[kind].get(g);
    if (!f) {
      const base = join(dir, fileName(kind, g));
      f =
        kind === 'nodes'
          ? new Group(`${base}.header.csv`, `${base}.csv`, 'id:ID', 'id')
          : new Group(`${base}.header.csv`, `${base}.csv`, ':START_ID,:END_ID', '');
      byKind[kind].set(g, f);
      groups.push(f);
      args.push(`--${kind}=${g}=${f.headerPath},${f.file.path}`);
    }
    return f;
  };
  try {
    for (const it of [rows.articles(), rows.entities(), rows.claims()])
      for (const n of it) {
        const g = n.labels.join(':');
        const f = groupFor('nodes', g);
        f.see(n.props, n);
        f.file.line(line(quote(n.props.id as string), n.props, f, n));
        for (const l of n.labels) add(nodes, l);
      }
    for (const it of [rows.claimLinks(), rows.typed(), rows.mentions()])
      for (const r of it) {
        const f = groupFor('relationships', r.type);
        f.see(r.props, r);
        f.file.line(line(`${quote(r.from)},${quote(r.to)}`, r.props, f, r));
        add(rels, r.type);
      }
    for (const f of groups) {
      f.file.close();
      writeFileSync(f.headerPath, `${f.header()}\n`);
    }
  } catch (e) {
    for (const f of groups) f.file.abandon();
    throw e;
  }
  return {
    args: [...args, `--array-delimiter=${ARRAY_DELIMITER_ARG}`],
    bytes: groups.reduce((s, f) => s + statSync(f.headerPath).size + statSync(f.file.path).size, 0),
    counts: { nodes: sortedRecord(nodes), relationships: sortedRecord(rels) },
    multiline,
  };
}
