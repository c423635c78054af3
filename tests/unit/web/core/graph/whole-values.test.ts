import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ValuesQuery } from '../../../../../src/shared/api/values';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { gexfOf, jsonOf } from '../../../../../src/web/app/graph-files';
import { stillCut, VALUES_PAGE, withWholeValues } from '../../../../../src/web/core/graph/whole-values';

// What list payloads send for a node and a relationship with a 36,000-character text (cut to
// 1,000, `clipped` giving the full length), and what GET /api/values answers for them.
const LONG = 'Neo returns. '.repeat(2_770);
const cut = LONG.slice(0, 1_000);
const movie: GraphNode = {
  id: 'n1',
  key: null,
  labels: ['Movie'],
  caption: 'The Matrix Reloaded',
  properties: { title: 'The Matrix Reloaded', synopsis: cut },
  clipped: { synopsis: LONG.length },
};
const lana: GraphNode = { id: 'n2', key: null, labels: ['Person'], caption: 'Lana', properties: { name: 'Lana' } };
const directed: GraphEdge = {
  id: 'r1',
  type: 'DIRECTED',
  source: 'n2',
  target: 'n1',
  properties: { notes: cut, year: 2003 },
  clipped: { notes: LONG.length },
};
const plain: GraphEdge = { id: 'r2', type: 'KNOWS', source: 'n2', target: 'n1', properties: {} };

function fakeApi(values: { nodes?: Record<string, string>; relationships?: Record<string, string> }) {
  const asked: ValuesQuery[] = [];
  const fetchValues = async (q: ValuesQuery) => {
    asked.push(q);
    return {
      nodes: (q.nodes ?? [])
        .filter((id) => id === 'n1' && values.nodes)
        .map((id) => ({ id, properties: values.nodes! })),
      relationships: (q.relationships ?? [])
        .filter((id) => id === 'r1' && values.relationships)
        .map((id) => ({ id, properties: values.relationships! })),
    };
  };
  return { asked, fetchValues };
}

const graph = { nodes: [movie, lana], edges: [directed, plain] };

// The explorer loads graphology-gexf's browser entry, whose parser needs these at load (the writer does not).
beforeAll(() => {
  vi.stubGlobal('DOMParser', class {});
  vi.stubGlobal('Document', class {});
});

describe('exports hold whole values', () => {
  it('fetches the cut values of what is shown, only for the items that were cut', async () => {
    const api = fakeApi({ nodes: { synopsis: LONG }, relationships: { notes: LONG } });
    const whole = await withWholeValues(graph, api.fetchValues);
    expect(api.asked).toEqual([{ nodes: ['n1'], relationships: ['r1'] }]);
    expect(whole.nodes[0]).toEqual({
      ...movie,
      properties: { title: 'The Matrix Reloaded', synopsis: LONG },
      clipped: undefined,
    });
    expect(whole.nodes[0]).not.toHaveProperty('clipped');
    expect(whole.edges[0]!.properties).toEqual({ notes: LONG, year: 2003 });
    expect(whole.nodes[1]).toBe(lana);
    expect(stillCut(whole)).toBe(0);
    // Nothing cut: no request at all.
    const none = fakeApi({});
    await withWholeValues({ nodes: [lana], edges: [plain] }, none.fetchValues);
    expect(none.asked).toEqual([]);
  });

  it('asks in pages of VALUES_PAGE ids', async () => {
    const many = Array.from({ length: VALUES_PAGE * 2 + 1 }, (_, i) => ({ ...movie, id: `m${i}` }));
    const api = fakeApi({});
    await withWholeValues({ nodes: many, edges: [directed] }, api.fetchValues);
    expect(api.asked.map((q) => [q.nodes?.length, q.relationships?.length])).toEqual([
      [VALUES_PAGE, 1],
      [VALUES_PAGE, undefined],
      [1, undefined],
    ]);
  });

  it('a value gone from the database stays cut and marked', async () => {
    const whole = await withWholeValues(graph, fakeApi({ relationships: { notes: LONG } }).fetchValues);
    expect(whole.nodes[0]).toEqual(movie);
    expect(stillCut(whole)).toBe(1);
  });

  it('GEXF and JSON carry the whole text, not the cut one', async () => {
    const whole = await withWholeValues(
      graph,
      fakeApi({ nodes: { synopsis: LONG }, relationships: { notes: LONG } }).fetchValues,
    );
    const g = parseGexf(MultiDirectedGraph, await gexfOf(whole, () => ({ x: 1, y: 2, size: 3, color: '#112233' })));
    expect(g.getNodeAttribute('n1', 'p_synopsis')).toBe(LONG);
    expect(g.getEdgeAttribute('r1', 'p_notes')).toBe(LONG);
    expect(g.getNodeAttribute('n1', 'clipped')).toBeUndefined();
    const doc = JSON.parse(jsonOf(whole, { n1: { x: 1, y: 2 } }, new Date(0))) as {
      nodes: GraphNode[];
      edges: GraphEdge[];
    };
    expect([doc.nodes[0]!.properties.synopsis, doc.edges[0]!.properties.notes]).toEqual([LONG, LONG]);
    expect(doc.nodes[0]).not.toHaveProperty('clipped');
  });

  it('GEXF marks a value that is still cut', async () => {
    const g = parseGexf(MultiDirectedGraph, await gexfOf(graph, () => null));
    expect(JSON.parse(g.getNodeAttribute('n1', 'clipped') as string)).toEqual({ synopsis: LONG.length });
    expect(JSON.parse(g.getEdgeAttribute('r1', 'clipped') as string)).toEqual({ notes: LONG.length });
  });
});
