/**
 * Graph writes inside one transaction that remember exactly what they did: the nodes and
 * relationships created (by element id) and, for what was changed, each changed property's value
 * before and after. That record is what undo replays backwards — removing exactly what the accept
 * added and restoring what it changed — and it refuses when someone changed the same things since.
 */
import type { Transaction } from 'neo4j-driver';
import { decode, encode, sameEnc, type Enc } from './values';

export type Change =
  | { op: 'createNode'; elementId: string; id: string; labels: string[] }
  | { op: 'createRel'; elementId: string; type: string; from: string; to: string }
  | {
      op: 'setNode' | 'setRel';
      elementId: string;
      /** Readable: the node id, or "from TYPE to". */
      what: string;
      before: Record<string, Enc>;
      after: Record<string, Enc>;
    };

export class UndoConflict extends Error {
  override name = 'UndoConflict';
  /** When a node cannot go because something added later links to it: its name and those links. */
  constructor(
    message: string,
    readonly usedBy?: { node: string; rels: { elementId: string; type: string; other: string }[] },
  ) {
    super(message);
  }
}

/** Only labels and types from our vocabulary reach Cypher text; everything else is a parameter. */
const IDENT = /^[A-Z][A-Za-z0-9_]*$/;
function ident(s: string): string {
  if (!IDENT.test(s)) throw new Error(`not a valid label or relationship type: ${s}`);
  return s;
}

export interface NodeHandle {
  elementId: string;
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface RelHandle {
  elementId: string;
  props: Record<string, unknown>;
}

/** Writes in the caller's transaction and records each change. Cost: one round trip per call. */
export class GraphWriter {
  readonly changes: Change[] = [];
  constructor(readonly tx: Transaction) {}

  async node(id: string): Promise<NodeHandle | null> {
    const r = await this.tx.run(
      `CALL () { MATCH (n:Entity {id: $id}) RETURN n UNION MATCH (n:Article {id: $id}) RETURN n UNION MATCH (n:Claim {id: $id}) RETURN n }
       RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props LIMIT 1`,
      { id },
    );
    const rec = r.records[0];
    return rec
      ? {
          elementId: rec.get('eid') as string,
          id,
          labels: rec.get('labels') as string[],
          props: rec.get('props') as Record<string, unknown>,
        }
      : null;
  }

  /** Whether any node of ours uses this id. */
  async idTaken(id: string): Promise<boolean> {
    return (await this.node(id)) !== null;
  }

  /** A free id: `base`, else `base-2`, `base-3`… */
  async freeId(base: string): Promise<string> {
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}-${i}`;
      if (!(await this.idTaken(id))) return id;
    }
  }

  async createNode(labels: string[], props: Record<string, unknown>): Promise<NodeHandle> {
    const r = await this.tx.run(`CREATE (n:${labels.map(ident).join(':')}) SET n = $props RETURN elementId(n) AS eid`, {
      props,
    });
    const elementId = r.records[0]!.get('eid') as string;
    const id = String(props.id);
    this.changes.push({ op: 'createNode', elementId, id, labels });
    return { elementId, id, labels, props };
  }

  async rel(from: NodeHandle, type: string, to: NodeHandle): Promise<RelHandle | null> {
    const r = await this.tx.run(
      `MATCH (a)-[r:${ident(type)}]->(b) WHERE elementId(a) = $a AND elementId(b) = $b
       RETURN elementId(r) AS eid, properties(r) AS props LIMIT 1`,
      { a: from.elementId, b: to.elementId },
    );
    const rec = r.records[0];
    return rec ? { elementId: rec.get('eid') as string, props: rec.get('props') as Record<string, unknown> } : null;
  }

  async createRel(from: NodeHandle, type: string, to: NodeHandle, props: Record<string, unknown>): Promise<RelHandle> {
    const r = await this.tx.run(
      `MATCH (a) WHERE elementId(a) = $a MATCH (b) WHERE elementId(b) = $b
       CREATE (a)-[r:${ident(type)}]->(b) SET r = $props RETURN elementId(r) AS eid`,
      { a: from.elementId, b: to.elementId, props },
    );
    const elementId = r.records[0]!.get('eid') as string;
    this.changes.push({ op: 'createRel', elementId, type, from: from.id, to: to.id });
    return { elementId, props };
  }

  /** Sets some properties of a node or relationship (null removes one), remembering their old values. */
  async set(
    kind: 'node' | 'rel',
    elementId: string,
    what: string,
    current: Record<string, unknown>,
    patch: Record<string, unknown>,
  ): Promise<void> {
    const before: Record<string, Enc> = {};
    const after: Record<string, Enc> = {};
    for (const [k, v] of Object.entries(patch)) {
      before[k] = encode(current[k]);
      after[k] = encode(v);
    }
    if (Object.keys(after).every((k) => sameEnc(before[k]!, after[k]!))) return;
    await setProps(this.tx, kind, elementId, patch);
    this.changes.push({ op: kind === 'node' ? 'setNode' : 'setRel', elementId, what, before, after });
  }
}

async function setProps(tx: Transaction, kind: 'node' | 'rel', elementId: string, patch: Record<string, unknown>) {
  const match = kind === 'node' ? 'MATCH (x) WHERE elementId(x) = $eid' : 'MATCH ()-[x]->() WHERE elementId(x) = $eid';
  // SET x += map with a null value removes that property.
  const r = await tx.run(`${match} SET x += $patch RETURN count(x) AS n`, { eid: elementId, patch });
  if (Number(r.records[0]!.get('n')) !== 1) throw new UndoConflict(`the ${kind} ${elementId} is gone`);
}

/**
 * Replays an accept's changes backwards in the caller's transaction: restores changed properties
 * (refusing when their current value is not what the accept left), deletes the relationships it
 * created, then the nodes it created (refusing when something else is attached to one now).
 * Throws UndoConflict; the caller rolls the transaction back. Cost: one round trip per change.
 */
export async function undoChanges(tx: Transaction, changes: Change[]): Promise<void> {
  for (const c of [...changes].reverse()) {
    if (c.op === 'setNode' || c.op === 'setRel') {
      const kind = c.op === 'setNode' ? 'node' : 'rel';
      const match =
        kind === 'node' ? 'MATCH (x) WHERE elementId(x) = $eid' : 'MATCH ()-[x]->() WHERE elementId(x) = $eid';
      const r = await tx.run(`${match} RETURN properties(x) AS props`, { eid: c.elementId });
      const props = r.records[0]?.get('props') as Record<string, unknown> | undefined;
      if (!props) throw new UndoConflict(`${c.what} no longer exists`);
      for (const [k, v] of Object.entries(c.after))
        if (!sameEnc(encode(props[k]), v))
          throw new UndoConflict(`${c.what}: "${k}" was changed after this accept; undo or revert that change first`);
      await setProps(
        tx,
        kind,
        c.elementId,
        Object.fromEntries(Object.entries(c.before).map(([k, v]) => [k, decode(v)])),
      );
    } else if (c.op === 'createRel') {
      const r = await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $eid DELETE r RETURN count(*) AS n', {
        eid: c.elementId,
      });
      if (Number(r.records[0]!.get('n')) !== 1)
        throw new UndoConflict(`the ${c.type} relationship ${c.from} → ${c.to} no longer exists`);
    } else if (c.op === 'createNode') {
      // What links to the node now (added after this accept: its own links are gone already), so the
      // refusal can name it. A few are enough.
      const r = await tx.run(
        `MATCH (n) WHERE elementId(n) = $eid
         OPTIONAL MATCH (n)-[x]-(m)
         WITH n, x, m LIMIT 20
         RETURN coalesce(n.name, n.title, n.id) AS name,
                [r IN collect({elementId: elementId(x), type: type(x), other: coalesce(m.name, m.title, m.id)})
                 WHERE r.elementId IS NOT NULL] AS rels`,
        { eid: c.elementId },
      );
      const rec = r.records[0];
      if (!rec) throw new UndoConflict(`${c.id} no longer exists`);
      const rels = rec.get('rels') as { elementId: string; type: string; other: string }[];
      if (rels.length) {
        const node = String(rec.get('name'));
        const first = rels[0]!;
        throw new UndoConflict(
          `"${node}" is used by something added later (${first.type} with "${first.other}"); undo that first`,
          { node, rels },
        );
      }
      await tx.run('MATCH (n) WHERE elementId(n) = $eid DELETE n', { eid: c.elementId });
    }
  }
}
