/**
 * Two kinds of time over the loaded graph, as pure functions (no DOM, no sigma; unit-tested):
 *
 * - when things happened: brushing a range keeps the events in it, what connects to them, and the
 *   articles published in it; the rest fades;
 * - "as reported by": only facts whose evidence comes from articles published by a day — the graph
 *   as it was known then. Unknown facts are hidden, not faded: they did not exist yet.
 *
 * Cost: O(nodes + edges) per call; callers recompute on a filter change, never per frame.
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import { activePerspective } from '../perspective/active';

export interface ViewGraph {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

export interface DateRange {
  /** ISO day, inclusive. */
  from: string;
  to: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** A property value as an ISO day, or null (dates arrive as ISO strings in graph payloads). */
export function isoDay(v: unknown): string | null {
  return typeof v === 'string' && ISO_DAY.test(v) ? v.slice(0, 10) : null;
}

/**
 * The first day an article can have been out: `published_from` when only a range is known, else
 * `published` (as the server's timeline and claims board count it, and citations print the range).
 */
export function articleDay(props: Record<string, unknown>): string | null {
  return isoDay(props.published_from) ?? isoDay(props.published);
}

/**
 * When an event happened: `date`, else `date_from`..`date_to` (a missing bound equals the other).
 * Null when the node has no usable date (then it is not an event on the timeline).
 */
export function eventSpan(props: Readonly<Record<string, unknown>>): DateRange | null {
  const d = isoDay(props.date);
  const f = isoDay(props.date_from);
  const t = isoDay(props.date_to);
  const from = d ?? f ?? t;
  const to = d ?? t ?? f;
  return from && to ? { from, to } : null;
}

const overlaps = (a: DateRange, b: DateRange) => a.from <= b.to && a.to >= b.from;

/** A value of a date property as a span of days: a year (1999) is the whole year. */
export function valueSpan(v: unknown, kind: 'date' | 'year'): DateRange | null {
  if (kind === 'year') {
    const y = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(y) || y < 1 || y > 9999) return null;
    const yy = String(y).padStart(4, '0');
    return { from: `${yy}-01-01`, to: `${yy}-12-31` };
  }
  const d = isoDay(v);
  return d ? { from: d, to: d } : null;
}

/**
 * When a node happened, as the perspective dates things: in the news perspective an event's
 * `date`/`date_from`/`date_to`; otherwise the first of the perspective's date properties the node
 * has (a movie's `released`, a person's `born`). Null for undated nodes.
 */
export function nodeSpan(n: GraphNode): DateRange | null {
  const t = activePerspective()?.views.timeline;
  if (!t || t.mode === 'news') return isEvent(n) ? eventSpan(n.properties) : null;
  for (const d of t.dates) {
    if (!n.labels.includes(d.label)) continue;
    const s = valueSpan(n.properties[d.property], d.kind);
    if (s) return s;
  }
  return null;
}

export const isEvent = (n: GraphNode) => n.labels.includes('Event');
export const isArticle = (n: GraphNode) => n.labels.includes('Article');
export const isClaim = (n: GraphNode) => n.labels.includes('Claim');

export interface ActiveSet {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * What stays bright for a brushed range: events overlapping it, claims about them (or dated in
 * it), articles published in it, and every other node that touches a kept event or claim. An
 * edge stays bright when both its ends do.
 */
export function activeInRange(g: ViewGraph, range: DateRange): ActiveSet {
  const nodes = new Set<string>();
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const anchors = new Set<string>();
  for (const n of g.nodes) {
    const s = nodeSpan(n);
    if (s) {
      if (overlaps(s, range)) anchors.add(n.id);
    } else if (isArticle(n)) {
      const p = articleDay(n.properties);
      if (p && p >= range.from && p <= range.to) nodes.add(n.id);
    }
  }
  // Claims about a kept event, or made in the range, are kept too (and anchor their claimants).
  for (const e of g.edges) {
    if (e.type === 'ABOUT' && anchors.has(e.target)) {
      const c = byId.get(e.source);
      if (c && isClaim(c)) anchors.add(c.id);
    }
  }
  for (const n of g.nodes) {
    if (!isClaim(n) || anchors.has(n.id)) continue;
    const s = eventSpan(n.properties);
    if (s && overlaps(s, range)) anchors.add(n.id);
  }
  for (const id of anchors) nodes.add(id);
  // Neighbours of anchors, except dated things outside the range (other events, other articles).
  for (const e of g.edges) {
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      if (!anchors.has(a)) continue;
      const other = byId.get(b);
      if (!other) continue;
      if (nodeSpan(other)) continue;
      if (isArticle(other) && articleDay(other.properties)) continue;
      if (isClaim(other) && !anchors.has(other.id)) continue;
      nodes.add(b);
    }
  }
  const edges = new Set<string>();
  for (const e of g.edges) if (nodes.has(e.source) && nodes.has(e.target)) edges.add(e.id);
  return { nodes, edges };
}

/** Article key → publication day, from the Article nodes in the graph (plus any extra source). */
export function publicationDays(g: ViewGraph, extra: Iterable<readonly [string, string]> = []): Map<string, string> {
  const out = new Map<string, string>(extra);
  for (const n of g.nodes) {
    if (!isArticle(n)) continue;
    const p = articleDay(n.properties);
    const key = typeof n.properties.id === 'string' ? n.properties.id : n.key;
    if (p && key) out.set(key, p);
  }
  return out;
}

/** The article ids an edge cites as evidence: `evidence_articles`, else its primary `article`. */
export function evidenceArticles(props: Readonly<Record<string, unknown>>): string[] | null {
  const list = props.evidence_articles;
  if (Array.isArray(list)) return list.filter((x): x is string => typeof x === 'string');
  return typeof props.article === 'string' ? [props.article] : null;
}

export interface ReportedView extends ActiveSet {
  /** Per known edge, how many distinct articles published by then support it. */
  sourcesThen: Map<string, number>;
}

/**
 * The graph as known on `asOf`: an edge is known when one of its evidence articles was published
 * by then (edges without any provenance — other databases — are kept: nothing says when they
 * became known); a node is known when it is an article published by then, a claim whose article
 * was, its outlet or author (`outlet_id`, `author_ids`: an article's outlet may be loaded without
 * its PUBLISHED_BY, so the article dates it too), or an endpoint of a known edge. Articles
 * with unknown publication days count as unknown.
 */
export function reportedBy(g: ViewGraph, asOf: string, published: ReadonlyMap<string, string>): ReportedView {
  const knownArticle = (id: string) => {
    const p = published.get(id);
    return p !== undefined && p <= asOf;
  };
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const sourcesThen = new Map<string, number>();
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const bylines = new Set<string>();
  for (const n of g.nodes) {
    if (isArticle(n)) {
      const p = articleDay(n.properties);
      if (!p || p > asOf) continue;
      nodes.add(n.id);
      for (const k of [n.properties.outlet_id, n.properties.author_ids].flat())
        if (typeof k === 'string') bylines.add(k);
    } else if (isClaim(n) && typeof n.properties.article === 'string' && knownArticle(n.properties.article)) {
      nodes.add(n.id);
    }
  }
  for (const n of g.nodes) if (n.key !== null && bylines.has(n.key) && !isArticle(n) && !isClaim(n)) nodes.add(n.id);
  for (const e of g.edges) {
    const ev = evidenceArticles(e.properties);
    let known: boolean;
    if (ev === null) known = true;
    else {
      const then = new Set(ev.filter(knownArticle));
      known = then.size > 0;
      if (known) sourcesThen.set(e.id, then.size);
    }
    if (!known) continue;
    // An edge into a claim or article is known only with its end (a claim reported later stays hidden).
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (
      (s && (isClaim(s) || isArticle(s)) && !nodes.has(s.id)) ||
      (t && (isClaim(t) || isArticle(t)) && !nodes.has(t.id))
    )
      continue;
    edges.add(e.id);
    nodes.add(e.source);
    nodes.add(e.target);
  }
  return { nodes, edges, sourcesThen };
}

/** Earliest and latest day of anything dated in the graph (events' spans, publications); null when nothing is. */
export function timeExtent(g: ViewGraph): DateRange | null {
  let from: string | null = null;
  let to: string | null = null;
  const see = (a: string, b: string) => {
    if (from === null || a < from) from = a;
    if (to === null || b > to) to = b;
  };
  for (const n of g.nodes) {
    const s = nodeSpan(n);
    if (s) see(s.from, s.to);
    else if (isArticle(n)) {
      const p = articleDay(n.properties);
      if (p) see(p, p);
    }
  }
  return from && to ? { from, to } : null;
}
