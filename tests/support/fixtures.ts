import type { GraphEdge, GraphNode } from '../../src/shared/graph';

/** A small hand-made graph shaped like the Belgorod data (two articles, events in 2022 and 2023, a contested claim pair). */
const node = (id: string, labels: string[], properties: Record<string, unknown> = {}): GraphNode => ({
  id,
  key: id,
  labels,
  caption: (properties.name as string) ?? (properties.title as string) ?? id,
  properties: { id, ...properties },
});
let seq = 0;
const edge = (type: string, source: string, target: string, properties: Record<string, unknown> = {}): GraphEdge => ({
  id: `e${++seq}:${type}:${source}->${target}`,
  type,
  source,
  target,
  properties,
});
const ev = (...articles: string[]) => ({ evidence_articles: articles, article: articles[0], sources: new Set(articles).size, outlets: new Set(articles).size });

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
  node('c-tass', ['Claim'], { statement: 'Ukrainian shelling', article: 'express', status: 'contested', date_from: '2022-10-09', date_to: '2022-10-13' }),
  node('c-pod', ['Claim'], { statement: 'Russian misfire', article: 'express', status: 'contested', date_from: '2022-10-09', date_to: '2022-10-13' }),
  node('c-gladkov', ['Claim'], { statement: 'three injured', article: 'wsj', status: 'unanswered', date: '2023-04-21' }),
  node('lonely', ['Entity', 'Weapon'], { name: 'Unconnected weapon' }),
];

export const edges: GraphEdge[] = [
  edge('GOVERNOR_OF', 'gladkov', 'belgorod', ev('express', 'wsj')),
  edge('NEAR', 'kharkiv', 'belgorod', { ...ev('express'), distance_miles: 44, distance_text: '44 miles to the south of Belgorod' }),
  edge('OCCURRED_IN', 'gubkin', 'belgorod', ev('express')),
  edge('OCCURRED_IN', 'su34', 'belgorod', ev('wsj')),
  edge('OCCURRED_IN', 'war', 'ukraine', ev('wsj')),
  edge('MADE', 'tass', 'c-tass', ev('express')),
  edge('MADE', 'podolyak', 'c-pod', ev('express')),
  edge('MADE', 'gladkov', 'c-gladkov', ev('wsj')),
  edge('ABOUT', 'c-tass', 'gubkin', ev('express')),
  edge('ABOUT', 'c-pod', 'gubkin', ev('express')),
  edge('ABOUT', 'c-gladkov', 'su34', ev('wsj')),
  edge('REPORTS', 'express', 'c-tass', ev('express')),
  edge('REPORTS', 'express', 'c-pod', ev('express')),
  edge('REPORTS', 'wsj', 'c-gladkov', ev('wsj')),
  edge('CONTRADICTS', 'c-tass', 'c-pod', ev('express')),
  edge('MENTIONS', 'wsj', 'gladkov', { article: 'wsj', count: 3 }),
  edge('MENTIONS', 'express', 'tass', { article: 'express', count: 1 }),
  edge('LINKED', 'tass', 'podolyak', {}), // no provenance at all (another database's edge)
];

export const graph = { nodes, edges };
export const edgeId = (type: string, source: string, target: string) => edges.find((e) => e.type === type && e.source === source && e.target === target)!.id;
