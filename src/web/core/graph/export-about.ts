/**
 * Provenance written into the graph exports: which queries built the graph (with their
 * parameters), and what the client already knows of the articles the exported relationships cite
 * (loaded Article nodes, the timeline's article list): no request per article. Pure; unit-tested.
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import type { GraphState } from './graph-store';

export interface QueryRecord {
  title: string;
  /** A saved query's name, or the Cypher text of an ad-hoc one. */
  query?: string;
  cypher?: string;
  parameters: Record<string, unknown>;
}

/** The query layers of the graph, in the order they were run (an overview or expansions are not queries). */
export function queriesOf(state: GraphState): QueryRecord[] {
  const out: QueryRecord[] = [];
  for (const l of state.layers) {
    const s = l.source;
    if (s?.kind !== 'query') continue;
    out.push({
      title: l.title,
      ...(s.query ? { query: s.query } : {}),
      ...(s.cypher ? { cypher: s.cypher } : {}),
      parameters: s.params,
    });
  }
  return out;
}

/** `name(param=value, …)`, or the Cypher text, for one-line descriptions. */
export function describeQuery(q: QueryRecord): string {
  const params = Object.entries(q.parameters)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return `${q.query ? `query “${q.title}” (${q.query})` : `Cypher ${q.cypher ?? ''}`}${params ? ` with ${params}` : ''}`;
}

export interface ArticleRecord {
  title: string | null;
  outlet: string | null;
  /** The outlet is not named in the text (the dataset inferred it). */
  outletInferred?: true;
  published: string | null;
}

/** An article as the timeline lists it. */
export interface KnownArticle {
  key: string | null;
  title: string;
  outlet: string | null;
  published: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The article keys an edge cites: its evidence list, else its own `article`. */
function cited(e: GraphEdge): string[] {
  const list = e.properties.evidence_articles;
  if (Array.isArray(list)) return list.filter((x): x is string => typeof x === 'string');
  const a = str(e.properties.article);
  return a ? [a] : [];
}

/**
 * Per article key cited by `edges`: title, outlet (the outlet node's name when loaded) and date,
 * from loaded nodes first, then the timeline's list; keys found in neither are listed as unknown.
 */
export function articlesCited(
  edges: readonly GraphEdge[],
  loaded: Iterable<GraphNode>,
  timeline: readonly KnownArticle[] = [],
): { articles: Record<string, ArticleRecord>; unknown: string[] } {
  const keys = new Set<string>();
  for (const e of edges) for (const k of cited(e)) keys.add(k);
  const byKey = new Map<string, GraphNode>();
  for (const n of loaded) if (n.key) byKey.set(n.key, n);
  const fromTimeline = new Map(timeline.filter((a) => a.key).map((a) => [a.key!, a]));
  const articles: Record<string, ArticleRecord> = {};
  const unknown: string[] = [];
  for (const k of [...keys].sort()) {
    const n = byKey.get(k);
    const t = fromTimeline.get(k);
    if (!n?.labels.includes('Article') && !t) {
      unknown.push(k);
      continue;
    }
    const p = n?.properties ?? {};
    const outletKey = str(p.outlet) ?? t?.outlet ?? null;
    const outletNode = outletKey ? byKey.get(outletKey) : undefined;
    articles[k] = {
      title: str(p.title) ?? t?.title ?? null,
      outlet: (outletNode ? str(outletNode.properties.name) : null) ?? outletKey,
      ...(p.outlet_inferred === true ? { outletInferred: true as const } : {}),
      published: str(p.published) ?? t?.published ?? null,
    };
  }
  return { articles, unknown };
}
