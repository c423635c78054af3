/**
 * Time ↔ pixels for the timeline strip, and lane packing for event bars. Pure; unit-tested.
 */
const DAY = 86_400_000;
export const dayMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
export const isoOf = (ms: number) => new Date(Math.round(ms / DAY) * DAY).toISOString().slice(0, 10);

export interface TimeScale {
  from: string;
  to: string;
  width: number;
  x(iso: string): number;
  /** Pixel → ISO day (clamped to the domain). */
  day(x: number): string;
}

/** A linear scale over [from − pad, to + pad] days onto [0, width] px. */
export function timeScale(from: string, to: string, width: number, padDays = 20): TimeScale {
  const a = dayMs(from) - padDays * DAY;
  const b = Math.max(dayMs(to) + padDays * DAY, a + DAY);
  const k = width / (b - a);
  return {
    from: isoOf(a),
    to: isoOf(b),
    width,
    x: (iso) => (dayMs(iso) - a) * k,
    day: (x) => isoOf(Math.min(b, Math.max(a, a + x / k))),
  };
}

/** Year (and, when there is room, quarter) ticks inside the scale's domain. */
export function ticks(scale: TimeScale): { iso: string; label: string; major: boolean }[] {
  const out: { iso: string; label: string; major: boolean }[] = [];
  const y0 = Number(scale.from.slice(0, 4));
  const y1 = Number(scale.to.slice(0, 4));
  const perYear = scale.width / Math.max(1, (dayMs(scale.to) - dayMs(scale.from)) / (365 * DAY));
  const months = perYear > 480 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : perYear > 160 ? [1, 4, 7, 10] : [1];
  const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let y = y0; y <= y1; y++) {
    for (const m of months) {
      const iso = `${y}-${String(m).padStart(2, '0')}-01`;
      if (iso < scale.from || iso > scale.to) continue;
      out.push({ iso, label: m === 1 ? String(y) : NAMES[m - 1]!, major: m === 1 });
    }
  }
  return out;
}

/**
 * Greedy lane packing: items sorted by start go to the first lane whose last item ends (plus a
 * gap) before they start. Returns each item's lane; O(items × lanes).
 */
export function packLanes(items: readonly { x0: number; x1: number }[], gap = 4, maxLanes = 6): number[] {
  const ends: number[] = [];
  return items.map((it) => {
    let lane = ends.findIndex((e) => e + gap <= it.x0);
    if (lane === -1) {
      if (ends.length < maxLanes) lane = ends.push(-Infinity) - 1;
      else lane = ends.indexOf(Math.min(...ends));
    }
    ends[lane] = Math.max(ends[lane]!, it.x1);
    return lane;
  });
}
