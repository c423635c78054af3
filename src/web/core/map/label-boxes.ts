/**
 * Which labels to write when many nodes share a few screen pixels (places and events fanned out
 * around one town on the map): the most important first, and no label over one already kept.
 * Pure geometry (unit-tested in Node).
 */

export interface LabelBox {
  key: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Higher wins a contested spot (selected first, then larger and better connected nodes). */
  priority: number;
}

/** Side of the buckets boxes are filed in (CSS px): about one short label. */
const CELL = 64;

/**
 * The keys of the labels to draw: greedily, by priority (ties by key, so a frame is stable),
 * every box that overlaps no kept box by more than `gap` px. O(n log n + n·k), k the kept
 * boxes sharing a bucket.
 */
export function declutterLabels(boxes: readonly LabelBox[], gap = 1): Set<string> {
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const kept = new Set<string>();
  const buckets = new Map<string, LabelBox[]>();
  const cells = (b: LabelBox): string[] => {
    const out: string[] = [];
    for (let cx = Math.floor(b.left / CELL); cx <= Math.floor(b.right / CELL); cx++)
      for (let cy = Math.floor(b.top / CELL); cy <= Math.floor(b.bottom / CELL); cy++) out.push(`${cx},${cy}`);
    return out;
  };
  const hits = (a: LabelBox, b: LabelBox) =>
    a.left < b.right - gap && b.left < a.right - gap && a.top < b.bottom - gap && b.top < a.bottom - gap;
  for (const box of order) {
    const mine = cells(box);
    if (mine.some((c) => buckets.get(c)?.some((other) => hits(box, other)))) continue;
    kept.add(box.key);
    for (const c of mine) {
      const list = buckets.get(c);
      if (list) list.push(box);
      else buckets.set(c, [box]);
    }
  }
  return kept;
}
