/**
 * The graph files: GEXF (opens in Gephi, with positions, colours, sizes and every Neo4j property)
 * and JSON (the graph payload plus positions). Both hold the export set (core/graph/export-set.ts)
 * and say where it came from: the view's filters, the queries that built it, the database, the
 * time; the JSON also the cited articles the client knows. Pure: unit-tested in Node.
 */
import { MultiDirectedGraph } from 'graphology';
import { primaryLabel, type VisibleGraph } from '../core/graph/graph-store';
import { describeView, type ViewRecord } from '../core/graph/export-set';
import { describeQuery, type ArticleRecord, type QueryRecord } from '../core/graph/export-about';

/** Node positions, sizes and colours as drawn, by id (null: not drawn). */
export type Drawn = (id: string) => { x: number; y: number; size: number; color: string } | null;

/** Where an exported graph came from. */
export interface GraphFileAbout {
  view: ViewRecord;
  queries: QueryRecord[];
  database: string | null;
  /** The cited articles the client knows, and the keys it does not (JSON only). */
  articles?: { articles: Record<string, ArticleRecord>; unknown: string[] };
}

/** GEXF attribute values must be scalars: lists are joined, objects (points) serialised. */
function gexfValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(' | ');
  return JSON.stringify(v);
}

/** Attributes every GEXF item gets: its properties as `p_<key>`, and what is still cut. */
function propertyAttrs(item: VisibleGraph['nodes'][number] | VisibleGraph['edges'][number]) {
  const attrs: Record<string, string | number | boolean> = {};
  for (const [k, val] of Object.entries(item.properties)) attrs[`p_${k}`] = gexfValue(val);
  if (item.clipped) attrs.clipped = JSON.stringify(item.clipped);
  return attrs;
}

/** The GEXF `<meta>` description: the view, its filters, the queries, the database. */
export function gexfDescription(about: GraphFileAbout): string {
  const parts = [describeView(about.view)];
  if (about.queries.length) parts.push(`Built from ${about.queries.map(describeQuery).join('; ')}`);
  if (about.database) parts.push(`Neo4j database “${about.database}”`);
  return `${parts.join('. ')}.`;
}

/** The GEXF document of a graph as drawn, with `<meta>` filled when `about` is given. */
export async function gexfOf(
  v: VisibleGraph,
  drawn: Drawn,
  about: GraphFileAbout | null = null,
  at: Date = new Date(),
): Promise<string> {
  const { write } = await import('graphology-gexf/browser');
  const g = new MultiDirectedGraph();
  g.mergeAttributes({ creator: 'newsgraph', lastModifiedDate: at.toISOString().slice(0, 10) });
  if (about) g.setAttribute('description', gexfDescription(about));
  for (const n of v.nodes) {
    const r = drawn(n.id);
    const attrs: Record<string, string | number | boolean> = {
      labels: n.labels.join(';'),
      main_label: primaryLabel(n.labels),
      element_id: n.id,
    };
    if (n.key) attrs.key = n.key;
    g.addNode(n.id, {
      label: n.caption,
      x: r?.x ?? 0,
      y: r?.y ?? 0,
      size: r?.size ?? 5,
      color: r?.color ?? '#999999',
      ...attrs,
      ...propertyAttrs(n),
    });
  }
  for (const e of v.edges)
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: e.type, type: e.type, ...propertyAttrs(e) });
  return write(g, {
    version: '1.3',
    formatNode: (_key, a) => {
      const { label, x, y, size, color, ...rest } = a as Record<string, string | number | boolean>;
      return {
        label: String(label),
        attributes: rest,
        viz: { x: Number(x), y: Number(y), size: Number(size), color: String(color) },
      };
    },
    formatEdge: (_key, a) => {
      const { label, ...rest } = a as Record<string, string | number | boolean>;
      return { label: String(label), attributes: rest };
    },
  });
}

/** What the JSON says of the queries: `query` and `parameters` for one, `queries` for several. */
function queryFields(queries: readonly QueryRecord[]): Record<string, unknown> {
  if (queries.length !== 1) return queries.length ? { queries } : {};
  const q = queries[0]!;
  return { query: q.query ?? q.cypher, queryTitle: q.title, parameters: q.parameters };
}

/** The JSON export: provenance, the graph payload (long values whole) and positions. */
export function jsonOf(
  v: VisibleGraph,
  positions: Record<string, { x: number; y: number }>,
  at: Date,
  about: GraphFileAbout | null = null,
): string {
  const head = about
    ? {
        creator: 'newsgraph',
        database: about.database,
        ...queryFields(about.queries),
        view: about.view,
        ...(about.articles ? { articles: about.articles.articles, articlesNotLoaded: about.articles.unknown } : {}),
      }
    : {};
  return JSON.stringify({ exportedAt: at.toISOString(), ...head, nodes: v.nodes, edges: v.edges, positions }, null, 2);
}
