import { LOADING_LABEL } from './internal';
import type { NodeRow, RelRow, SeedRows } from './rows';

/** How the batched loader (batched.ts) writes the rows into Neo4j: its statements and their batches. */
export type LoadMode = 'create' | 'staged';

/**
 * One transaction's worth of rows: nodes with exactly the labels `labels`, or relationships of
 * one `type` whose ends carry `from` and `to` (the labels their ids are unique under). One shape
 * per batch keeps every statement's labels and type literal: with `$(…)` dynamic labels the planner
 * adds an Eager (all rows materialised before the labels are set) and resolves tokens per row.
 */
export type Batch =
  | { kind: 'nodes'; labels: string[]; rows: NodeRow[] }
  | { kind: 'relationships'; from: string; to: string; type: string; rows: RelRow[] };

/**
 * Open buffers, all groups together, hold at most this many batches' worth of rows: when they
 * hold more, the fullest is sent early. Bounds memory whatever the number of groups (types × end
 * labels of the vocabulary), at the cost of some smaller batches.
 */
export const MAX_OPEN_BATCHES = 2;

/** A seed's rows as batches of ≤ `size`: articles, entities, claims, then relationships, MENTIONS last. */
export function* seedBatches(rows: SeedRows, size: number): Generator<Batch> {
  for (const gen of [rows.articles(), rows.entities(), rows.claims()])
    for (const chunk of grouped(gen, (n) => n.labels.join(':'), size))
      yield { kind: 'nodes', labels: chunk[0]!.labels, rows: chunk };
  for (const gen of [rows.claimLinks(), rows.typed(), rows.mentions()])
    for (const chunk of grouped(gen, (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`, size)) {
      const { fromLabel: from, toLabel: to, type } = chunk[0]!;
      yield { kind: 'relationships', from, to, type, rows: chunk };
    }
}

/**
 * Items in chunks of ≤ `size` with one `key` each, in arrival order within a key. Memory: at most
 * MAX_OPEN_BATCHES × size items open across all keys.
 */
export function* grouped<T>(gen: Iterable<T>, key: (x: T) => string, size: number): Generator<T[]> {
  const open = new Map<string, T[]>();
  let held = 0;
  for (const x of gen) {
    const k = key(x);
    let buf = open.get(k);
    if (!buf) open.set(k, (buf = []));
    buf.push(x);
    held++;
    if (buf.length >= size) {
      open.delete(k);
      held -= buf.length;
      yield buf;
    } else if (held > MAX_OPEN_BATCHES * size) {
      let [fk, fb] = [k, buf];
      for (const [ok, ob] of open) if (ob.length > fb.length) [fk, fb] = [ok, ob];
      open.delete(fk);
      held -= fb.length;
      yield fb;
    }
  }
  for (const buf of open.values()) yield buf;
}

/** A label or type in Cypher text (validated names are plain identifiers; quoted if ever not). */
const name = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `\`${s.replace(/`/g, '``')}\``);

/** The statement for a batch: labels and type literal (they come from validated data, the vocabulary). */
export function batchCypher(b: Batch, mode: LoadMode): string {
  if (b.kind === 'nodes')
    return mode === 'create'
      ? `UNWIND $rows AS row CREATE (n:${b.labels.map(name).join(':')}) SET n = row.props`
      : `UNWIND $rows AS row CREATE (n:${LOADING_LABEL}) SET n = row.props, n.loading_labels = row.labels`;
  const [from, to] = mode === 'create' ? [name(b.from), name(b.to)] : [LOADING_LABEL, LOADING_LABEL];
  const ends = `MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})`;
  return `UNWIND $rows AS row ${ends} CREATE (a)-[r:${name(b.type)}]->(b) SET r = row.props`;
}
