/**
 * Where an edge's relationship-type label lands on screen, as sigma's drawers write it (straight:
 * `drawStraightEdgeLabel`; curved: @sigma/edge-curve's `createDrawCurvedEdgeLabel`), as a rotated
 * rectangle; whether two such rectangles overlap (separating axes); and which labels to write so
 * none covers another or a node's caption. Pure geometry (unit-tested in Node); text widths come
 * from a `measure` function (the canvas's `measureText` in the app).
 */

/** A node as drawn: viewport position (CSS px, y down) and radius (px). */
export interface LabelEnd {
  x: number;
  y: number;
  size: number;
}

/** A rotated rectangle: centre, unit vector along the text (u), half extents along u and its normal. */
export interface OrientedBox {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  hw: number;
  hh: number;
}

export interface EdgeLabelInput {
  key: string;
  label: string;
  s: LabelEnd;
  t: LabelEnd;
  /** The edge's drawn thickness (px). */
  thickness: number;
  /** A curved edge's curvature (sigma's `curvedArrow`); unset or 0 for an edge drawn straight. */
  curvature?: number;
}

/** A label as it would be written: the text after sigma's ellipsis, its box, and how much of the edge it fills. */
export interface PlacedLabel {
  key: string;
  text: string;
  box: OrientedBox;
  /** Text width over the room the edge gives it (≤ 1; cut labels are close to 1). */
  fill: number;
}

export type Measure = (text: string) => number;

/** @sigma/edge-curve's default curvature, used (by its label drawer) when an edge's is 0 or unset. */
export const DEFAULT_CURVATURE = 0.25;
/** How far glyphs reach above and below the baseline, per px of font size (Latin captions). */
const ASCENT = 0.8;
const DESCENT = 0.25;
/** Side of the cells `pickLabels` files boxes in (CSS px): about one short label. */
const CELL = 64;

/**
 * The text sigma writes in `room` px: whole, or cut with "…" until it fits; null when fewer than
 * four characters would remain (sigma then writes nothing). O(label length) measures.
 */
export function fitText(label: string, room: number, measure: Measure): string | null {
  if (measure(label) <= room) return label;
  let text = `${label}…`;
  while (measure(text) > room && text.length > 1) text = `${text.slice(0, -2)}…`;
  return text.length < 4 ? null : text;
}

/** The box of a straight edge's label: centred on the part of the edge between the discs, under it. O(label). */
export function straightLabelBox(e: EdgeLabelInput, fontSize: number, measure: Measure): PlacedLabel | null {
  let dx = e.t.x - e.s.x;
  let dy = e.t.y - e.s.y;
  let d = Math.hypot(dx, dy);
  if (d < e.s.size + e.t.size) return null;
  const sx = e.s.x + (dx * e.s.size) / d;
  const sy = e.s.y + (dy * e.s.size) / d;
  const tx = e.t.x - (dx * e.t.size) / d;
  const ty = e.t.y - (dy * e.t.size) / d;
  dx = tx - sx;
  dy = ty - sy;
  d = Math.hypot(dx, dy);
  if (d === 0) return null;
  const text = fitText(e.label, d, measure);
  if (text === null) return null;
  const width = measure(text);
  // Sigma turns the text to read left to right and writes its baseline thickness/2 + fontSize below the edge.
  const flip = dx > 0 || (dx === 0 && dy <= 0) ? 1 : -1;
  const ux = (flip * dx) / d;
  const uy = (flip * dy) / d;
  const below = e.thickness / 2 + fontSize + ((DESCENT - ASCENT) / 2) * fontSize;
  return {
    key: e.key,
    text,
    fill: width / d,
    box: {
      cx: (sx + tx) / 2 - uy * below,
      cy: (sy + ty) / 2 + ux * below,
      ux,
      uy,
      hw: width / 2,
      hh: ((ASCENT + DESCENT) / 2) * fontSize,
    },
  };
}

interface Pt {
  x: number;
  y: number;
}

function curvePoint(t: number, a: Pt, b: Pt, c: Pt): Pt {
  const m = 1 - t;
  return { x: m * m * a.x + 2 * m * t * b.x + t * t * c.x, y: m * m * a.y + 2 * m * t * b.y + t * t * c.y };
}

/** The curve's length as @sigma/edge-curve measures it (20 chords). */
function curveLength(a: Pt, b: Pt, c: Pt): number {
  let length = 0;
  let last = a;
  for (let i = 1; i <= 20; i++) {
    const p = curvePoint(i / 20, a, b, c);
    length += Math.hypot(p.x - last.x, p.y - last.y);
    last = p;
  }
  return length;
}

/** Baseline points sampled along the text (besides its two ends) for a curved label's box. */
const CURVE_SAMPLES = 6;

/**
 * The box of a curved edge's label: the rectangle along the chord of the stretch of curve the
 * characters sit on, holding every sampled glyph column (baseline ± ascent/descent, turned with
 * the curve's tangent). O(label).
 */
export function curvedLabelBox(e: EdgeLabelInput, fontSize: number, measure: Measure): PlacedLabel | null {
  // The drawer's own fallback (`||`): a curvature of 0 reaches it only when called directly.
  const curvature = e.curvature || DEFAULT_CURVATURE;
  const ltr = e.s.x < e.t.x;
  const [s, t] = ltr ? [e.s, e.t] : [e.t, e.s];
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const diff = Math.hypot(dx, dy);
  if (diff === 0) return null;
  const o = ltr ? 1 : -1;
  const ax = (s.x + t.x) / 2 + dy * curvature * o;
  const ay = (s.y + t.y) / 2 - dx * curvature * o;
  const offset = e.thickness * 0.7 + 5;
  const shift = (x: number, y: number) => {
    const l = Math.hypot(x, y) || 1;
    return { x: (offset * x) / l, y: (offset * y) / l };
  };
  const so = shift(ay - s.y, -(ax - s.x));
  const to = shift(t.y - ay, -(t.x - ax));
  const p0 = { x: s.x + so.x, y: s.y + so.y };
  const p2 = { x: t.x + to.x, y: t.y + to.y };
  const p1 = { x: ax + (offset * dy) / diff, y: ay - (offset * dx) / diff };
  const length = curveLength(p0, p1, p2);
  if (length < s.size + t.size) return null;
  const text = fitText(e.label, length - s.size - t.size, measure);
  if (text === null) return null;
  const width = measure(text);
  // The drawer starts the text so that its unstretched width is centred, then advances each
  // character by its width × (1 + 0.35·curvature).
  const t0 = 0.5 - width / length / 2;
  const t1 = t0 + (width * (1 + curvature * 0.35)) / length;
  const start = curvePoint(t0, p0, p1, p2);
  const end = curvePoint(t1, p0, p1, p2);
  const chord = Math.hypot(end.x - start.x, end.y - start.y);
  const tan0 = {
    x: 2 * (1 - t0) * (p1.x - p0.x) + 2 * t0 * (p2.x - p1.x),
    y: 2 * (1 - t0) * (p1.y - p0.y) + 2 * t0 * (p2.y - p1.y),
  };
  const tl = Math.hypot(tan0.x, tan0.y) || 1;
  const ux = chord > 1e-9 ? (end.x - start.x) / chord : tan0.x / tl;
  const uy = chord > 1e-9 ? (end.y - start.y) / chord : tan0.y / tl;
  let minU = Infinity;
  let maxU = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (let i = 0; i <= CURVE_SAMPLES + 1; i++) {
    const tt = t0 + ((t1 - t0) * i) / (CURVE_SAMPLES + 1);
    const p = curvePoint(tt, p0, p1, p2);
    const gx = 2 * (1 - tt) * (p1.x - p0.x) + 2 * tt * (p2.x - p1.x);
    const gy = 2 * (1 - tt) * (p1.y - p0.y) + 2 * tt * (p2.y - p1.y);
    const gl = Math.hypot(gx, gy) || 1;
    // The glyph's "down" is the tangent turned a quarter clockwise (y down).
    const nx = -gy / gl;
    const ny = gx / gl;
    for (const k of [-ASCENT * fontSize, DESCENT * fontSize]) {
      const qx = p.x + nx * k - start.x;
      const qy = p.y + ny * k - start.y;
      const along = qx * ux + qy * uy;
      const across = -qx * uy + qy * ux;
      minU = Math.min(minU, along);
      maxU = Math.max(maxU, along);
      minN = Math.min(minN, across);
      maxN = Math.max(maxN, across);
    }
  }
  const mu = (minU + maxU) / 2;
  const mn = (minN + maxN) / 2;
  return {
    key: e.key,
    text,
    fill: width / (length - s.size - t.size),
    box: {
      cx: start.x + ux * mu - uy * mn,
      cy: start.y + uy * mu + ux * mn,
      ux,
      uy,
      hw: (maxU - minU) / 2,
      hh: (maxN - minN) / 2,
    },
  };
}

/** The label's box as the drawer for its edge writes it (curved when the edge has a curvature). */
export function labelBox(e: EdgeLabelInput, fontSize: number, measure: Measure): PlacedLabel | null {
  return e.curvature ? curvedLabelBox(e, fontSize, measure) : straightLabelBox(e, fontSize, measure);
}

/** The curvature @sigma/edge-curve draws an edge of `type` with: unset means its default, 0 straight. */
export const drawnCurvature = (type: string | undefined, curvature: number | undefined): number | undefined =>
  type === 'curvedArrow' ? (curvature ?? DEFAULT_CURVATURE) : undefined;

/** Room between a node's disc and its caption, as render/draw.ts writes it. */
const CAPTION_OFFSET = 4;

/** Which side of its node a caption is written on: the right (render/draw.ts), or the left where the map's declutter turned it. */
export type CaptionSide = 'right' | 'left';

/**
 * The box a node's caption of `width` px is written in (render/draw.ts: beside the disc, on the
 * node's line; right of it unless `side` says the map's declutter turned it left), as the
 * declutter also measures it. O(1).
 */
export function captionBox(
  n: { x: number; y: number; size: number },
  labelSize: number,
  width: number,
  side: CaptionSide = 'right',
): OrientedBox {
  const left = side === 'right' ? n.x + n.size + CAPTION_OFFSET : n.x - n.size - CAPTION_OFFSET - width;
  return rectBox({ left, right: left + width, top: n.y - labelSize * 0.75, bottom: n.y + labelSize * 0.4 });
}

/**
 * Whether a box lies wholly outside the view (0…width × 0…height, CSS px): such a label is never
 * seen, so it is neither written nor made to give way. O(1).
 */
export function outsideView(b: OrientedBox, width: number, height: number): boolean {
  const r = boundsOf(b);
  return r.right <= 0 || r.bottom <= 0 || r.left >= width || r.top >= height;
}

/** An axis-aligned rectangle (a node's caption) as an oriented box. */
export function rectBox(r: { left: number; top: number; right: number; bottom: number }): OrientedBox {
  return {
    cx: (r.left + r.right) / 2,
    cy: (r.top + r.bottom) / 2,
    ux: 1,
    uy: 0,
    hw: (r.right - r.left) / 2,
    hh: (r.bottom - r.top) / 2,
  };
}

/** Half the box's extent along a unit axis. */
function radius(b: OrientedBox, ax: number, ay: number): number {
  return b.hw * Math.abs(b.ux * ax + b.uy * ay) + b.hh * Math.abs(-b.uy * ax + b.ux * ay);
}

/**
 * Whether two rotated rectangles overlap, or come closer than `gap` px: separating axes (the
 * two boxes' sides; rectangles need no other). Boxes that only touch do not overlap. O(1).
 */
export function boxesOverlap(a: OrientedBox, b: OrientedBox, gap = 0): boolean {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  for (const [ax, ay] of [
    [a.ux, a.uy],
    [-a.uy, a.ux],
    [b.ux, b.uy],
    [-b.uy, b.ux],
  ] as const) {
    if (Math.abs(dx * ax + dy * ay) >= radius(a, ax, ay) + radius(b, ax, ay) + gap) return false;
  }
  return true;
}

/** The axis-aligned rectangle around a box. O(1). */
export function boundsOf(b: OrientedBox): { left: number; top: number; right: number; bottom: number } {
  const rx = b.hw * Math.abs(b.ux) + b.hh * Math.abs(b.uy);
  const ry = b.hw * Math.abs(b.uy) + b.hh * Math.abs(b.ux);
  return { left: b.cx - rx, top: b.cy - ry, right: b.cx + rx, bottom: b.cy + ry };
}

/** A label competing for its place; higher `rank` first (the layer: hovered edge, then edges between selected nodes). */
export interface LabelCandidate extends PlacedLabel {
  rank: number;
  /** The edge's drawn thickness: a thicker (better corroborated) edge wins over a thinner one. */
  weight: number;
  /** Written over captions too, before any other label (the edge under the pointer: the one being read). */
  always?: boolean;
}

export interface LabelPick {
  drawn: LabelCandidate[];
  /** Each skipped label with what it would have covered: a drawn label's key, or `caption:<node>`. */
  skipped: { label: LabelCandidate; by: string }[];
}

/**
 * Which labels to write: by importance — `always` first, then rank, then weight, then the smaller
 * share of its edge (a label with room to spare reads better than one cut to fit), then key — every
 * label that comes within `gap` px of no label already kept and of no caption (an `always` label
 * minds only labels: it is written over captions). The order depends on the
 * labels' geometry and keys only, never on the order they are listed in, so a pan (which moves
 * every box alike) keeps the same labels and nothing flickers. Cost: O(k log k + (k + c)·m) with
 * k labels, c captions and m the boxes sharing a 64-px cell (O(k²) at worst, k bounded by the
 * selection's or path's edges).
 */
export function pickLabels(
  candidates: readonly LabelCandidate[],
  captions: readonly { key: string; box: OrientedBox }[] = [],
  gap = 2,
): LabelPick {
  const order = [...candidates].sort(
    (a, b) =>
      Number(!!b.always) - Number(!!a.always) ||
      b.rank - a.rank ||
      b.weight - a.weight ||
      a.fill - b.fill ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const buckets = new Map<string, { key: string; box: OrientedBox; caption?: true }[]>();
  const cellsOf = (box: OrientedBox): string[] => {
    const r = boundsOf(box);
    const out: string[] = [];
    for (let x = Math.floor((r.left - gap) / CELL); x <= Math.floor((r.right + gap) / CELL); x++)
      for (let y = Math.floor((r.top - gap) / CELL); y <= Math.floor((r.bottom + gap) / CELL); y++)
        out.push(`${x},${y}`);
    return out;
  };
  const file = (item: { key: string; box: OrientedBox; caption?: true }, cells = cellsOf(item.box)) => {
    for (const c of cells) {
      const list = buckets.get(c);
      if (list) list.push(item);
      else buckets.set(c, [item]);
    }
  };
  for (const c of captions) file({ key: `caption:${c.key}`, box: c.box, caption: true });
  const drawn: LabelCandidate[] = [];
  const skipped: LabelPick['skipped'] = [];
  for (const label of order) {
    const cells = cellsOf(label.box);
    let by: string | null = null;
    for (const c of cells) {
      const hit = buckets.get(c)?.find((o) => !(label.always && o.caption) && boxesOverlap(label.box, o.box, gap));
      if (hit) {
        by = hit.key;
        break;
      }
    }
    if (by !== null) skipped.push({ label, by });
    else {
      drawn.push(label);
      file({ key: label.key, box: label.box }, cells);
    }
  }
  return { drawn, skipped };
}
