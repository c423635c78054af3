/**
 * The "Not on the map" list: the tray's nodes (those without coordinates, placed beside the map)
 * as rows a person can read, since the tray's captions on the canvas are mostly dropped for room.
 * Pure (unit-tested in Node): the rows come from the map layout's tray, in the order a reader
 * looks for them — the best connected first, then by name.
 */
import type { GraphNode } from '../../../shared/graph';

export interface TrayRow {
  id: string;
  caption: string;
  /** The node's main label (its type), as the legend names it. */
  label: string;
  degree: number;
}

/** From this many rows on, the list gets a filter box. */
export const TRAY_FILTER_FROM = 10;

/**
 * The rows of the tray's nodes (`ids`, from the layout): nodes not in `nodeOf`, and those the
 * filters hide (`hidden`: the timeline's "Hide the rest", "as reported by"; the layout keeps their
 * slots, so they come back where they were), are left out. O(t log t) for t tray nodes —
 * `nodeOf`, `labelOf`, `degreeOf` and `hidden` are O(1) lookups.
 */
export function trayRows(
  ids: readonly string[],
  nodeOf: (id: string) => GraphNode | undefined,
  labelOf: (n: GraphNode) => string,
  degreeOf: (id: string) => number,
  hidden: ReadonlySet<string> = new Set(),
): TrayRow[] {
  const rows: TrayRow[] = [];
  for (const id of ids) {
    if (hidden.has(id)) continue;
    const n = nodeOf(id);
    if (n) rows.push({ id, caption: n.caption, label: labelOf(n), degree: degreeOf(id) });
  }
  return rows.sort(
    (a, b) =>
      b.degree - a.degree ||
      a.caption.localeCompare(b.caption, 'en', { sensitivity: 'base' }) ||
      a.id.localeCompare(b.id),
  );
}

/** Folds case and accents, so "zelensky" finds "Zelenskyy" and "kyiv" finds "Kyïv". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The rows whose caption or label holds every word of `query` (case and accents folded), in
 * their order; all of them for a blank query. O(rows × words).
 */
export function filterTrayRows(rows: readonly TrayRow[], query: string): readonly TrayRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((r) => {
    const text = `${fold(r.caption)} ${fold(r.label)}`;
    return words.every((w) => text.includes(w));
  });
}
