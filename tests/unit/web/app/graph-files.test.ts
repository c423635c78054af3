import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { gexfOf, jsonOf } from '../../../../src/web/app/graph-files';
import { computeDecorations } from '../../../../src/web/core/filters/decorations';
import { NO_FILTERS, type InvestigationFilters } from '../../../../src/web/core/filters/filter';
import { articlesCited, queriesOf } from '../../../../src/web/core/graph/export-about';
import { exportSet, type ExportView } from '../../../../src/web/core/graph/export-set';
import { EMPTY_GRAPH, addLayer, visibleGraph, type GraphState } from '../../../../src/web/core/graph/graph-store';

// A query result: two people, an event, an article and its outlet; one fact with two articles,
// one with a single article (hidden by "Hide single-source facts"), one mention (never single-source).
const node = (id: string, labels: string[], properties: Record<string, unknown> = {}): GraphNode => ({
  id: `e:${id}`,
  key: id,
  labels,
  caption: id,
  properties: { id, ...properties },
});
const nodes = [
  node('gladkov', ['Person']),
  node('peskov', ['Person']),
  node('strike', ['Event']),
  node('wsj-1', ['Article'], { title: 'Russia Mistakenly Bombs Own City', outlet: 'wsj', published: '2023-04-21' }),
  node('wsj', ['Organization'], { name: 'The Wall Street Journal' }),
];
const edges: GraphEdge[] = [
  {
    id: 'r:two',
    type: 'REPORTED',
    source: 'e:gladkov',
    target: 'e:strike',
    properties: { sources: 2, evidence_articles: ['wsj-1', 'tass-9'] },
  },
  {
    id: 'r:one',
    type: 'REPORTED',
    source: 'e:peskov',
    target: 'e:strike',
    properties: { sources: 1, evidence_articles: ['wsj-1'] },
  },
  { id: 'r:mention', type: 'MENTIONS', source: 'e:wsj-1', target: 'e:strike', properties: { article: 'wsj-1' } },
];
const graph: GraphState = addLayer(
  EMPTY_GRAPH,
  { nodes, edges },
  {
    kind: 'query',
    title: 'Who reported it',
    source: { kind: 'query', query: 'who-reported', params: { event: 'strike' } },
  },
);

function viewOf(filters: InvestigationFilters, state = graph): ExportView {
  const d = computeDecorations(visibleGraph(state), {
    filters,
    published: new Map(),
    flagged: [],
    map: false,
    baseEdgeSize: 1,
  });
  return { filters, hiddenLabels: new Set(), canvas: 'graph', title: 'Query: Who reported it', hide: d };
}

// The browser build of the GEXF writer looks these up when loaded; writing needs neither.
beforeAll(() => {
  vi.stubGlobal('DOMParser', class {});
  vi.stubGlobal('Document', class {});
});

describe('graph exports take what the view shows', () => {
  it('"Hide single-source facts" leaves the single-source relationship out of GEXF and JSON, and says so', async () => {
    const { graph: set, view } = exportSet(graph, viewOf({ ...NO_FILTERS, hideSingleSource: true }));
    expect(set.edges.map((e) => e.id).sort()).toEqual(['r:mention', 'r:two']);
    expect(set.nodes).toHaveLength(5);
    expect(view).toMatchObject({ hideSingleSource: true, leftOut: { nodes: 0, relationships: 1 } });

    const about = { view, queries: queriesOf(graph), database: 'neo4j' };
    const g = parseGexf(MultiDirectedGraph, await gexfOf(set, () => null, about, new Date('2026-12-06T04:00:00Z')));
    expect(g.size).toBe(2);
    expect(g.hasEdge('r:one')).toBe(false);
    expect(g.getAttribute('creator')).toBe('newsgraph');
    expect(g.getAttribute('lastModifiedDate')).toBe('2026-12-06');
    const description = g.getAttribute('description') as string;
    expect(description).toContain('single-source facts hidden');
    expect(description).toContain('1 relationship loaded but hidden in the view');
    expect(description).toContain('who-reported');
    expect(description).toContain('event=strike');

    const doc = JSON.parse(jsonOf(set, {}, new Date(0), about)) as Record<string, unknown> & { edges: GraphEdge[] };
    expect(doc.edges.map((e) => e.id).sort()).toEqual(['r:mention', 'r:two']);
    expect(doc.view).toMatchObject({ hideSingleSource: true, leftOut: { nodes: 0, relationships: 1 } });
    expect([doc.query, doc.parameters, doc.database]).toEqual(['who-reported', { event: 'strike' }, 'neo4j']);
  });

  it('without a filter every loaded item is exported and the view says "no filter"', () => {
    const { graph: set, view } = exportSet(graph, viewOf(NO_FILTERS));
    expect([set.nodes.length, set.edges.length]).toEqual([5, 3]);
    expect(view.leftOut).toEqual({ nodes: 0, relationships: 0 });
  });

  it('a node the analyst hid goes with its relationships and is named in the record', () => {
    const hidden = { ...graph, hidden: new Set(['e:peskov']) };
    const { graph: set, view } = exportSet(hidden, viewOf(NO_FILTERS, hidden));
    expect(set.nodes.map((n) => n.key)).not.toContain('peskov');
    expect(set.edges.map((e) => e.id)).not.toContain('r:one');
    expect(view.hiddenNodes).toEqual(['peskov']);
  });

  it('GEXF has creator and date in <meta> even without a view record', async () => {
    const xml = await gexfOf({ nodes: [], edges: [] }, () => null, null, new Date('2026-12-06T00:00:00Z'));
    expect(xml).toContain('<creator>newsgraph</creator>');
    expect(xml).toContain('lastmodifieddate="2026-12-06"');
  });

  it('names the cited articles the client has (title, outlet by name, date) and lists the others', () => {
    const { articles, unknown } = articlesCited(edges, nodes);
    expect(articles['wsj-1']).toEqual({
      title: 'Russia Mistakenly Bombs Own City',
      outlet: 'The Wall Street Journal',
      published: '2023-04-21',
    });
    expect(unknown).toEqual(['tass-9']);
    const fromTimeline = articlesCited(edges, nodes, [
      { key: 'tass-9', title: 'TASS report', outlet: 'tass', published: '2023-04-22' },
    ]);
    expect(fromTimeline.articles['tass-9']).toEqual({ title: 'TASS report', outlet: 'tass', published: '2023-04-22' });
    expect(fromTimeline.unknown).toEqual([]);
  });
});
