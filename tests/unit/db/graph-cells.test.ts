import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphCollector, toCell } from '../../../src/server/db/graph';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const node = (id: number, labels: string[], props: Record<string, unknown>) =>
  new Node(neo4j.int(id), labels, props, `4:00000000-0000-0000-0000-000000000000:${id}`);
const rel = (id: number, from: InstanceType<typeof Node>, to: InstanceType<typeof Node>, props = {}) =>
  new Relationship(
    neo4j.int(id),
    from.identity,
    to.identity,
    'KNOWS',
    props,
    `5:00000000-0000-0000-0000-000000000000:${id}`,
    from.elementId,
    to.elementId,
  );

describe('table cells of a streamed result', () => {
  it("the collector's cells are the cells toCell makes, shared between rows", () => {
    const a = node(1, ['Person'], { id: 'p1', name: 'Ann', born: neo4j.int(1970) });
    const b = node(2, ['Person'], { id: 'p2', name: 'Bob' });
    const r = rel(3, a, b, { since: neo4j.int(2001) });
    const path = new Path(a, b, [new PathSegment(a, r, b)]);
    const g = new GraphCollector();
    const values = [a, r, [b, { x: a }], path, neo4j.int(5)];
    for (const v of values) g.collect(v);
    const cells = values.map((v) => g.cell(v));
    expect(JSON.stringify(cells)).toBe(JSON.stringify(values.map((v) => toCell(v))));
    expect(g.cell(a)).toBe(cells[0]);
    expect(g.takeAdded().map((e) => e.id)).toEqual([a.elementId, r.elementId, b.elementId]);
    expect(g.takeAdded()).toEqual([]);
    // Not collected: made by toCell and still the same JSON.
    const c = node(9, ['Org'], { name: 'Acme' });
    expect(JSON.stringify(g.cell(c))).toBe(JSON.stringify(toCell(c)));
  });
});
