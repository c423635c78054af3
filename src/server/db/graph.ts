import { isNode, isPath, isRelationship, type Node, type Path, type Relationship } from 'neo4j-driver';
import { LIST_VALUE_MAX_CHARS, type GraphEdge, type GraphNode, type GraphPayload } from '../../shared/graph';
import type { NodeRef } from '../../shared/api/nodes';
import { nodeCaptionOf, relationshipCaptionOf } from '../../shared/perspective';
import { currentPerspective } from './captions';
import { propertiesToJson, toJson } from './convert';

/** Our `id` property as a string, when the node has a usable one. */
export function nodeKey(props: Record<string, unknown>): string | null {
  const id = props.id;
  if (typeof id === 'string' && id.length > 0) return id;
  const j = toJson(id);
  return typeof j === 'number' || (typeof j === 'string' && j.length > 0) ? String(j) : null;
}

/**
 * A node's caption. With its labels: the rule of the request's perspective (db/captions.ts), else
 * the most name-like property, never a whole element id. Without (the news views' references):
 * name → title → id → elementId, whichever is first non-empty.
 */
export function nodeCaption(props: Record<string, unknown>, elementId: string, labels?: readonly string[]): string {
  if (labels) return nodeCaptionOf(currentPerspective(), labels, propertiesToJson(props), elementId);
  for (const k of ['name', 'title', 'id']) {
    const v = toJson(props[k]);
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return elementId;
}

/**
 * A node for the wire. `whole` (the node detail) keeps every value; otherwise, for payloads that
 * carry many nodes, long strings are cut to LIST_VALUE_MAX_CHARS and listed in `clipped`.
 */
export function toGraphNode(n: Node, whole = false): GraphNode {
  const props = n.properties as Record<string, unknown>;
  // The caption rule reads the JSON properties: convert them once for both (the caption sees whole values).
  const properties = propertiesToJson(props);
  const node: GraphNode = {
    id: n.elementId,
    key: nodeKey(props),
    labels: [...n.labels],
    caption: nodeCaptionOf(currentPerspective(), n.labels, properties, n.elementId),
    properties,
  };
  return whole ? node : clipLongValues(node);
}

/**
 * Cuts string properties over LIST_VALUE_MAX_CHARS (never inside a surrogate pair), noting their full
 * lengths in `clipped`: the one rule for nodes and relationships in list payloads. O(properties).
 */
export function clipLongValues<T extends GraphNode | GraphEdge>(item: T): T {
  let clipped: Record<string, number> | undefined;
  for (const [k, v] of Object.entries(item.properties)) {
    if (typeof v !== 'string' || v.length <= LIST_VALUE_MAX_CHARS) continue;
    const end = /[\uD800-\uDBFF]/.test(v[LIST_VALUE_MAX_CHARS - 1]!) ? LIST_VALUE_MAX_CHARS - 1 : LIST_VALUE_MAX_CHARS;
    item.properties[k] = v.slice(0, end);
    (clipped ??= {})[k] = v.length;
  }
  return clipped ? { ...item, clipped } : item;
}

export function toNodeRef(n: Node): NodeRef {
  const props = n.properties as Record<string, unknown>;
  return {
    id: n.elementId,
    key: nodeKey(props),
    caption: nodeCaption(props, n.elementId, n.labels),
    labels: [...n.labels],
  };
}

/** What the request's perspective writes on a relationship (a property such as `roles`, or the type). */
export function relationshipCaption(r: Relationship): string {
  return relationshipCaptionOf(currentPerspective(), r.type, propertiesToJson(r.properties as Record<string, unknown>));
}

/** A relationship for the wire: `whole` (the relationship detail) keeps every value, list payloads cut as for nodes. */
export function toGraphEdge(r: Relationship, whole = false): GraphEdge {
  const edge: GraphEdge = {
    id: r.elementId,
    type: r.type,
    source: r.startNodeElementId,
    target: r.endNodeElementId,
    properties: propertiesToJson(r.properties as Record<string, unknown>),
  };
  return whole ? edge : clipLongValues(edge);
}

/**
 * Collects the nodes and relationships found anywhere in result values (including inside lists,
 * maps and paths), de-duplicated by element id, in first-seen order. Cost: linear in the values.
 */
export class GraphCollector {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /** Elements added since the last takeAdded() (a streamed result counts their bytes). */
  private added: Array<GraphNode | GraphEdge> = [];
  /** Table cells of the elements seen, by element id: a node in many rows is captioned once. */
  private readonly cells = new Map<string, unknown>();

  addNode(n: Node): void {
    if (this.nodes.has(n.elementId)) return;
    const g = toGraphNode(n);
    this.nodes.set(n.elementId, g);
    this.added.push(g);
  }
  addEdge(r: Relationship): void {
    if (this.edges.has(r.elementId)) return;
    const g = toGraphEdge(r);
    this.edges.set(r.elementId, g);
    this.added.push(g);
  }
  /** The nodes and edges added since the previous call, in the order they were added. */
  takeAdded(): Array<GraphNode | GraphEdge> {
    const a = this.added;
    this.added = [];
    return a;
  }
  /** toCell, with each node's and relationship's cell made once and shared by every row it appears in. */
  cell(v: unknown): unknown {
    return toCell(v, 0, this);
  }
  /** An element's cell, made once: a node in many rows is captioned once. */
  elementCell(v: Node | Relationship, make: () => unknown): unknown {
    const id = `${isNode(v) ? 'n' : 'r'}${v.elementId}`;
    let c = this.cells.get(id);
    if (c === undefined) this.cells.set(id, (c = make()));
    return c;
  }
  addPath(p: Path): void {
    this.addNode(p.start);
    for (const seg of p.segments) {
      this.addNode(seg.start);
      this.addEdge(seg.relationship);
      this.addNode(seg.end);
    }
  }
  /** Walks any value; depth-limited so a pathological nesting cannot blow the stack. */
  collect(v: unknown, depth = 0): void {
    if (v === null || typeof v !== 'object' || depth > 64) return;
    if (isNode(v)) this.addNode(v);
    else if (isRelationship(v)) this.addEdge(v);
    else if (isPath(v)) this.addPath(v);
    else if (Array.isArray(v)) for (const x of v) this.collect(x, depth + 1);
    else if (Object.getPrototypeOf(v) === Object.prototype)
      for (const x of Object.values(v)) this.collect(x, depth + 1);
  }
  /** Element ids of relationship endpoints that are not (yet) in the node set. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const e of this.edges.values()) {
      if (!this.nodes.has(e.source)) missing.add(e.source);
      if (!this.nodes.has(e.target)) missing.add(e.target);
    }
    return [...missing];
  }
  /** Only edges whose both endpoints are present, so the payload is always drawable. */
  payload(): GraphPayload {
    const edges = [...this.edges.values()].filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target));
    return { nodes: [...this.nodes.values()], edges };
  }
}

/**
 * A result value as a table cell: JSON-safe, graph elements as tagged references (their
 * properties travel once, in the graph payload).
 */
export function toCell(v: unknown, depth = 0, g?: GraphCollector): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || depth > 64) return toJson(v);
  if (g && (isNode(v) || isRelationship(v))) return g.elementCell(v, () => toCell(v, depth));
  if (isNode(v)) {
    const props = v.properties as Record<string, unknown>;
    return {
      __kind: 'node',
      id: v.elementId,
      key: nodeKey(props),
      caption: nodeCaption(props, v.elementId, v.labels),
      labels: [...v.labels],
    };
  }
  if (isRelationship(v))
    return {
      __kind: 'relationship',
      id: v.elementId,
      type: v.type,
      caption: relationshipCaption(v),
      source: v.startNodeElementId,
      target: v.endNodeElementId,
    };
  if (isPath(v)) {
    return {
      __kind: 'path',
      nodes: [v.start.elementId, ...v.segments.map((s) => s.end.elementId)],
      edges: v.segments.map((s) => s.relationship.elementId),
    };
  }
  if (Array.isArray(v)) return v.map((x) => toCell(x, depth + 1, g));
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCell(x, depth + 1, g);
    return out;
  }
  return toJson(v);
}
