/**
 * A node's property values "as reported by" a day, from the per-value sources the seed loader
 * stores on the node (parallel `reported_*` lists, oldest article first; see seed/README.md,
 * "Values learned later"): each sourced property takes the value of the last source published by
 * then, or is dropped while there is none. Pure; O(properties) per node.
 */
import type { GraphNode } from '../../../shared/graph';

const list = (props: Readonly<Record<string, unknown>>, k: string): unknown[] =>
  Array.isArray(props[k]) ? (props[k] as unknown[]) : [];

/** The properties as known on `asOf`; `published` maps article ids to ISO publication days. */
export function valuesAsOf(
  props: Readonly<Record<string, unknown>>,
  asOf: string,
  published: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const names = list(props, 'reported_properties');
  if (!names.length) return { ...props };
  const values = list(props, 'reported_values');
  const articles = list(props, 'reported_articles');
  const out: Record<string, unknown> = { ...props };
  for (const name of new Set(names)) if (typeof name === 'string') delete out[name];
  names.forEach((name, i) => {
    const day = published.get(String(articles[i]));
    // Oldest first: a later known source overwrites an earlier one. Numbers stay numbers.
    if (typeof name === 'string' && day !== undefined && day <= asOf)
      out[name] = typeof props[name] === 'number' ? Number(values[i]) : values[i];
  });
  return out;
}

/** The node with its values as of the day (the same node when it has no per-value sources). */
export function nodeAsOf(n: GraphNode, asOf: string, published: ReadonlyMap<string, string>): GraphNode {
  return Array.isArray(n.properties.reported_properties)
    ? { ...n, properties: valuesAsOf(n.properties, asOf, published) }
    : n;
}
