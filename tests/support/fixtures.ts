/**
 * Graph payloads for unit tests, shaped as the API sends them: one maker for nodes, one for
 * relationships, and a small hand-made graph of the Belgorod data. A node's caption is its
 * `name`, else its `title`, else its key; its properties carry `id` (our key), as seeded nodes do.
 */
import type { GraphEdge, GraphNode } from '../../src/shared/graph';

type Props = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Node and edge makers whose element ids are the given prefix + the key (ids of edges' ends too). */
export function graphMakers(prefix: { node: string; edge: string } = { node: '', edge: '' }) {
  const node = (key: string, labels: string[] = ['Person', 'Entity'], properties: Props = {}): GraphNode => ({
    id: `${prefix.node}${key}`,
    key,
    labels,
    caption: text(properties.name) ?? text(properties.title) ?? key,
    properties: { id: key, ...properties },
  });
  const edge = (id: string, type: string, source: string, target: string, properties: Props = {}): GraphEdge => ({
    id: `${prefix.edge}${id}`,
    type,
    source: `${prefix.node}${source}`,
    target: `${prefix.node}${target}`,
    properties,
  });
  return { node, edge };
}

/** Element ids equal to the keys. */
export const { node, edge } = graphMakers();

/** Neo4j-looking element ids (`4:db:<key>`, `5:db:<id>`), for tests that tell element ids from keys. */
export const neo4jIds = graphMakers({ node: '4:db:', edge: '5:db:' });

/** A node as a cell of a query result table. */
export const nodeCell = (caption: string) => ({ __kind: 'node', id: caption, key: null, caption, labels: ['Person'] });

// --- A small hand-made graph shaped like the Belgorod data: two articles, events in 2022 and
// 2023, a contested claim pair.

/** A relationship with the evidence of these articles (one source per distinct article). */
const ev = (...articles: string[]) => ({
  evidence_articles: articles,
  article: articles[0],
  sources: new Set(articles).size,
  outlets: new Set(articles).size,
});
const fact = (type: string, source: string, target: string, properties: Props = {}) =>
  edge(`${type}:${source}->${target}`, type, source, target, properties);

export const nodes: GraphNode[] = [
  node('express', ['Article'], { title: 'Express', published: '2022-10-13' }),
  node('wsj', ['Article'], { title: 'WSJ', published: '2023-04-21' }),
  node('belgorod', ['Entity', 'Place'], { name: 'Belgorod', location: { lat: 50.5997, lon: 36.5983 } }),
  node('kharkiv', ['Entity', 'Place'], { name: 'Kharkiv', location: { lat: 49.9935, lon: 36.2304 } }),
  node('ukraine', ['Entity', 'Place'], { name: 'Ukraine', location: { lat: 50.4501, lon: 30.5234 } }),
  node('gladkov', ['Entity', 'Person'], { name: 'Gladkov' }),
  node('tass', ['Entity', 'Organization'], { name: 'TASS' }),
  node('podolyak', ['Entity', 'Person'], { name: 'Podolyak' }),
  node('gubkin', ['Entity', 'Event'], { name: 'Gubkin strike', date_from: '2022-10-09', date_to: '2022-10-13' }),
  node('su34', ['Entity', 'Event'], { name: 'Su-34 release', date: '2023-04-20' }),
  node('war', ['Entity', 'Event'], { name: 'War', date_from: '2022-02-24' }),
  node('c-tass', ['Claim'], {
    statement: 'Ukrainian shelling',
    article: 'express',
    status: 'contested',
    date_from: '2022-10-09',
    date_to: '2022-10-13',
  }),
  node('c-pod', ['Claim'], {
    statement: 'Russian misfire',
    article: 'express',
    status: 'contested',
    date_from: '2022-10-09',
    date_to: '2022-10-13',
  }),
  node('c-gladkov', ['Claim'], {
    statement: 'three injured',
    article: 'wsj',
    status: 'unanswered',
    date: '2023-04-21',
  }),
  node('lonely', ['Entity', 'Weapon'], { name: 'Unconnected weapon' }),
];

export const edges: GraphEdge[] = [
  fact('GOVERNOR_OF', 'gladkov', 'belgorod', ev('express', 'wsj')),
  fact('NEAR', 'kharkiv', 'belgorod', {
    ...ev('express'),
    distance_miles: 44,
    distance_text: '44 miles to the south of Belgorod',
  }),
  fact('OCCURRED_IN', 'gubkin', 'belgorod', ev('express')),
  fact('OCCURRED_IN', 'su34', 'belgorod', ev('wsj')),
  fact('OCCURRED_IN', 'war', 'ukraine', ev('wsj')),
  fact('MADE', 'tass', 'c-tass', ev('express')),
  fact('MADE', 'podolyak', 'c-pod', ev('express')),
  fact('MADE', 'gladkov', 'c-gladkov', ev('wsj')),
  fact('ABOUT', 'c-tass', 'gubkin', ev('express')),
  fact('ABOUT', 'c-pod', 'gubkin', ev('express')),
  fact('ABOUT', 'c-gladkov', 'su34', ev('wsj')),
  fact('REPORTS', 'express', 'c-tass', ev('express')),
  fact('REPORTS', 'express', 'c-pod', ev('express')),
  fact('REPORTS', 'wsj', 'c-gladkov', ev('wsj')),
  fact('CONTRADICTS', 'c-tass', 'c-pod', ev('express')),
  fact('MENTIONS', 'wsj', 'gladkov', { article: 'wsj', count: 3 }),
  fact('MENTIONS', 'express', 'tass', { article: 'express', count: 1 }),
  fact('LINKED', 'tass', 'podolyak', {}), // no provenance at all (another database's edge)
];

export const graph = { nodes, edges };
export const edgeId = (type: string, source: string, target: string) =>
  edges.find((e) => e.type === type && e.source === source && e.target === target)!.id;
