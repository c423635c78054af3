import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphCollector, toCell, toGraphEdge, toGraphNode } from '../../../src/server/db/graph';
import { LIST_VALUE_MAX_CHARS } from '../../../src/shared/graph';
import { toCsv } from '../../../src/web/core/query/table';

const { Node, Relationship } = neo4j.types;
// 1,000 characters would end inside the emoji: the cut stops before it.
const LONG = `${'a'.repeat(LIST_VALUE_MAX_CHARS - 1)}🙂${'x'.repeat(35_000)}`;
const node = (id: number, props: Record<string, unknown>) =>
  new Node(neo4j.int(id), ['Movie'], props, `4:00000000-0000-0000-0000-000000000000:${id}`);
const a = node(1, { title: 'A', synopsis: LONG });
const b = node(2, { title: 'B' });
const rel = new Relationship(
  neo4j.int(3),
  a.identity,
  b.identity,
  'SEQUEL_OF',
  { notes: LONG, short: 'kept', tags: [LONG] },
  '5:00000000-0000-0000-0000-000000000000:3',
  a.elementId,
  b.elementId,
);

describe('long string values in list payloads', () => {
  it('cuts a node and a relationship the same way, noting the full length', () => {
    const n = toGraphNode(a);
    const e = toGraphEdge(rel);
    expect([n.properties.synopsis, n.clipped]).toEqual([LONG.slice(0, 999), { synopsis: LONG.length }]);
    expect([e.properties.notes, e.clipped]).toEqual([LONG.slice(0, 999), { notes: LONG.length }]);
    // Only strings are cut (as for nodes); short ones and other values travel as they are.
    expect([e.properties.short, e.properties.tags]).toEqual(['kept', [LONG]]);
    expect(
      toGraphEdge(new Relationship(rel.identity, a.identity, b.identity, 'X', { k: 'v' }, 'r', 'a', 'b')),
    ).not.toHaveProperty('clipped');
  });

  it('the details keep the whole value', () => {
    expect(toGraphNode(a, true)).not.toHaveProperty('clipped');
    const e = toGraphEdge(rel, true);
    expect([e.properties.notes, e.clipped]).toEqual([LONG, undefined]);
  });

  it("a Cypher result's graph is cut, its table cells and their CSV are not", () => {
    const g = new GraphCollector();
    g.collect([a, rel, b]);
    expect(g.payload().edges[0]!.clipped).toEqual({ notes: LONG.length });
    const cell = toCell(LONG);
    expect(cell).toBe(LONG);
    expect(toCsv(['notes'], [[cell]])).toBe(`notes\r\n${LONG}\r\n`);
  });
});
