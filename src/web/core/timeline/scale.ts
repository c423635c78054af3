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

/** The least room between two year labels ("2024" in the axis font is ~26 px, plus its 3 px offset). */
export const YEAR_LABEL_PX = 40;
const YEAR_STEPS = [1, 2, 5, 10, 25, 50, 100];

/** The smallest 1/2/5/10/25/50/100-year step (then 250, 500, 1000, …) whose labels are YEAR_LABEL_PX apart. */
export function yearStep(perYear: number): number {
  for (const s of YEAR_STEPS) if (s * perYear >= YEAR_LABEL_PX) return s;
  for (let p = 1; p <= 1e6; p *= 10) {
    for (const s of [250 * p, 500 * p, 1000 * p]) if (s * perYear >= YEAR_LABEL_PX) return s;
  }
  return 1e9;
}

/**
 * Year ticks every yearStep years (so labels never overlap on a long range), and quarters or months
 * inside each year when there is room.
 */
export function ticks(scale: TimeScale): { iso: string; label: string; major: boolean }[] {
  const out: { iso: string; label: string; major: boolean }[] = [];
  const y0 = Number(scale.from.slice(0, 4));
  const y1 = Number(scale.to.slice(0, 4));
  const perYear = scale.width / Math.max(1, (dayMs(scale.to) - dayMs(scale.from)) / (365 * DAY));
  const step = yearStep(perYear);
  const months = perYear > 480 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : perYear > 160 ? [1, 4, 7, 10] : [1];
  const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
    for (const m of months) {
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
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
