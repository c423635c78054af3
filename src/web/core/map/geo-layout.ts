/**
 * Map mode positions, as a pure function of the graph (no DOM, no sigma; unit-tested in Node):
 * places at their coordinates, events at the place they occurred in, and everything without
 * coordinates in a tray beside the map — never at a place it is not known to be.
 *
 * Graph coordinates are Mercator-projected with north up: x = px, y = -py (sigma's y axis points
 * up). The outline layer draws with the same projection, so nodes and countries line up.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { GraphNode } from '../../../shared/graph';
import { hashString } from '../graph/hash';
import { activePerspective } from '../perspective/active';
import { isEvent, type ViewGraph } from '../timeline/time-filter';

/** Projection scale: graph units per radian (1 unit ≈ 6.4 km at the equator, ≈ 4 km at 50°N). */
export const MAP_SCALE = 1000;

export function createProjection(): GeoProjection {
  return geoMercator().scale(MAP_SCALE).translate([0, 0]).precision(0.1);
}

export interface LonLat {
  lon: number;
  lat: number;
}

const valid = (lat: unknown, lon: unknown): lat is number =>
  typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

/** A {lat, lon} value (the graph payload form of a WGS-84 point), or null. */
function pointOf(v: unknown): LonLat | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const { lat, lon } = v as { lat?: unknown; lon?: unknown };
  return valid(lat, lon) ? { lat, lon: lon as number } : null;
}

/**
 * A node's coordinates: the perspective's point properties (news: `location`), then its lat/lon
 * pairs (news: `latitude`/`longitude`), then any other WGS-84 point property it has.
 */
export function nodeLocation(n: GraphNode): LonLat | null {
  const map = activePerspective()?.views.map;
  const points = map?.points ?? ['location'];
  const pairs = map?.latLon ?? [{ lat: 'latitude', lon: 'longitude' }];
  for (const k of points) {
    const p = pointOf(n.properties[k]);
    if (p) return p;
  }
  for (const { lat: la, lon: lo } of pairs) {
    const lat = n.properties[la];
    const lon = n.properties[lo];
    if (valid(lat, lon)) return { lat, lon: lon as number };
  }
  for (const v of Object.values(n.properties)) {
    const p = pointOf(v);
    if (p) return p;
  }
  return null;
}

/** Projected graph coordinates (north up). */
export function toGraph(projection: GeoProjection, p: LonLat): { x: number; y: number } {
  const xy = projection([p.lon, p.lat])!;
  return { x: xy[0], y: -xy[1] };
}

export type Placement = 'located' | 'event' | 'tray';

export interface GeoPosition {
  x: number;
  y: number;
  placement: Placement;
  /** Nodes fanned out around a shared spot: the spot's key and position. */
  anchor?: string;
  ax?: number;
  ay?: number;
}

export interface Box {
  x: [number, number];
  y: [number, number];
}

export interface GeoLayout {
  positions: Map<string, GeoPosition>;
  /** Where the events are (graph coordinates, padded): the initial map view. Null without located nodes. */
  focus: Box | null;
  /** The tray of nodes without coordinates, beside the focus (graph coordinates). Null when all are located. */
  tray: Box | null;
  /** The tray's nodes, in its order (by label, then caption). */
  trayNodes: string[];
}

/** Relationships that place an event on the map, best first. */
const EVENT_PLACE_TYPES = ['OCCURRED_IN', 'HIT', 'TARGETED', 'NEAR'];

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
/** Spacing of nodes sharing an anchor (graph units ≈ 4 km each at 50°N). */
const SPREAD = 2.2;

/** The k-th point of a sunflower spiral around (x, y): distinct, deterministic, compact. */
function around(x: number, y: number, k: number, seed: string, spacing = SPREAD): { x: number; y: number } {
  const r = spacing * Math.sqrt(k + 1);
  const a = k * GOLDEN + ((hashString(seed) % 360) * Math.PI) / 180;
  return { x: x + r * Math.cos(a), y: y + r * Math.sin(a) };
}

/**
 * Computes every node's map position. O(nodes log nodes + edges).
 */
export function geoLayout(g: ViewGraph, projection: GeoProjection = createProjection()): GeoLayout {
  const positions = new Map<string, GeoPosition>();
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const occupancy = new Map<string, number>();
  const slot = (key: string) => {
    const k = occupancy.get(key) ?? 0;
    occupancy.set(key, k + 1);
    return k;
  };

  // 1. Located nodes. Several at the same spot (a street and its building) fan out.
  for (const n of g.nodes) {
    const loc = nodeLocation(n);
    if (!loc) continue;
    const p = toGraph(projection, loc);
    const key = `${p.x.toFixed(2)},${p.y.toFixed(2)}`;
    const k = slot(key);
    const q = k === 0 ? p : around(p.x, p.y, k - 1, n.id, SPREAD * 0.6);
    positions.set(n.id, { x: q.x, y: q.y, placement: 'located', ...(k ? { anchor: key, ax: p.x, ay: p.y } : {}) });
  }

  // 2. Events at their place (the first located OCCURRED_IN, else HIT, TARGETED, NEAR).
  const placeOf = new Map<string, string>();
  for (const type of EVENT_PLACE_TYPES) {
    for (const e of g.edges) {
      if (e.type !== type || placeOf.has(e.source)) continue;
      const ev = byId.get(e.source);
      if (!ev || !isEvent(ev) || positions.has(ev.id)) continue;
      if (positions.get(e.target)?.placement === 'located') placeOf.set(ev.id, e.target);
    }
  }
  for (const [ev, place] of placeOf) {
    const p = positions.get(place)!;
    const q = around(p.x, p.y, slot(`event@${place}`), ev);
    positions.set(ev, { x: q.x, y: q.y, placement: 'event', anchor: place, ax: p.x, ay: p.y });
  }

  // 3. The focus: where the events are, with the located places around them (far outliers,
  // a capital on another continent, left out), padded.
  const eventPts = [...positions.values()].filter((p) => p.placement === 'event');
  const located = [...positions.values()].filter((p) => p.placement === 'located');
  const focus = focusBox(eventPts.length >= 2 ? [...eventPts, ...located] : located, eventPts.length >= 2 ? 2 : 3);

  // 4. Nodes sharing a spot fan out by a share of the view, not a fixed distance, so their
  // labels do not pile up however wide the map is.
  if (focus) spreadCrowds(positions, Math.max(focus.x[1] - focus.x[0], focus.y[1] - focus.y[0]));

  // 5. Everything without coordinates of its own (people, organizations, claims, events with
  // no located place…) goes to a tray beside the map, grouped by label, never onto the map.
  const rest = g.nodes
    .filter((n) => !positions.has(n.id))
    .sort((a, b) => a.labels.join().localeCompare(b.labels.join()) || a.caption.localeCompare(b.caption));
  let tray: Box | null = null;
  if (rest.length) {
    const box = focus ?? { x: [-50, 50] as [number, number], y: [-50, 50] as [number, number] };
    const fw = box.x[1] - box.x[0];
    const fh = box.y[1] - box.y[0];
    const { rows, widths, step } = trayGrid(
      rest.map((n) => n.caption),
      fw * TRAY_SHARE,
      fh,
    );
    const x0 = box.x[1] + fw * TRAY_GAP;
    const lefts = widths.map((_, j) => x0 + step * widths.slice(0, j).reduce((a, b) => a + b, 0));
    const width = step * widths.reduce((a, b) => a + b, 0);
    tray = { x: [x0, x0 + width], y: [box.y[1] - rows * step - step * 0.6, box.y[1]] };
    rest.forEach((n, i) => {
      const col = Math.floor(i / rows);
      const row = i % rows;
      positions.set(n.id, { x: lefts[col]! + step * 0.5, y: box.y[1] - step * (row + 0.9), placement: 'tray' });
    });
  }
  return { positions, focus, tray, trayNodes: rest.map((n) => n.id) };
}

/** The tray's width, and the gap before it, as shares of the focus width. */
const TRAY_SHARE = 0.45;
const TRAY_GAP = 0.06;

/**
 * Caption geometry in rows (a row is one caption line when the tray is zoomed to read): a
 * character is about 0.6 of the 12 px label font and a row 15 px; the node, its gap and room
 * before the next column take about 1.5 rows. Captions are cut at 34 characters on the canvas.
 */
const CHAR_ROWS = 0.48;
const NODE_ROWS = 1.5;
const MAX_CAPTION = 34;

/** A tray column's width in rows: its longest caption's. */
function trayColumnWidth(captions: readonly string[]): number {
  return NODE_ROWS + CHAR_ROWS * captions.reduce((m, c) => Math.max(m, Math.min(c.length, MAX_CAPTION)), 0);
}

/**
 * The tray's grid for captions in column order: the rows per column, each column's width (in
 * rows) and the row step (graph units), the largest step that fits `maxWidth` × `height`. Columns
 * are as wide as their captions, so when rows are a line apart no caption reaches the next
 * column. O(captions × columns tried).
 */
export function trayGrid(
  captions: readonly string[],
  maxWidth: number,
  height: number,
): { rows: number; widths: number[]; step: number } {
  let best = { rows: captions.length, widths: [trayColumnWidth(captions)], step: 0 };
  for (let cols = 1; cols <= captions.length; cols++) {
    const rows = Math.ceil(captions.length / cols);
    // Each column is at least NODE_ROWS wide: from here on, more columns cannot do better.
    if (maxWidth / (NODE_ROWS * cols) <= best.step) break;
    if (cols > 1 && Math.ceil(captions.length / (cols - 1)) === rows) continue;
    const widths: number[] = [];
    for (let i = 0; i < captions.length; i += rows) widths.push(trayColumnWidth(captions.slice(i, i + rows)));
    const step = Math.min(maxWidth / widths.reduce((a, b) => a + b, 0), height / rows);
    if (step > best.step) best = { rows, widths, step };
  }
  return best;
}

/** Co-located nodes (a city, its street, its events) spread around their spot by ~1.5 % of the view. O(nodes). */
function spreadCrowds(positions: Map<string, GeoPosition>, span: number): void {
  const spacing = Math.max(SPREAD, span * 0.015);
  if (spacing === SPREAD) return;
  const k = spacing / SPREAD;
  // Positions were laid out with SPREAD around their anchors: scale each offset from its anchor.
  const anchors = new Map<string, { x: number; y: number }>();
  for (const p of positions.values()) if (p.anchor) anchors.set(p.anchor, { x: p.ax!, y: p.ay! });
  for (const [id, p] of positions) {
    if (!p.anchor) continue;
    const a = anchors.get(p.anchor)!;
    positions.set(id, { ...p, x: a.x + (p.x - a.x) * k, y: a.y + (p.y - a.y) * k });
  }
}

/** The smallest focus, in graph units (1 unit ≈ 4 km at 50°N). */
const MIN_FOCUS = 60;

/**
 * A padded box around the points, ignoring outliers (farther from the median point than 3× the
 * median distance), so one event in Washington does not zoom the map out to the whole world.
 */
export function focusBox(
  points: readonly { x: number; y: number }[],
  outlierFactor = 3,
): { x: [number, number]; y: [number, number] } | null {
  if (points.length === 0) return null;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  const mx = median(points.map((p) => p.x));
  const my = median(points.map((p) => p.y));
  const dist = points.map((p) => Math.hypot(p.x - mx, p.y - my));
  const md = Math.max(median(dist), 5);
  const kept = points.filter((_, i) => dist[i]! <= outlierFactor * md);
  const x0 = Math.min(...kept.map((p) => p.x));
  const x1 = Math.max(...kept.map((p) => p.x));
  const y0 = Math.min(...kept.map((p) => p.y));
  const y1 = Math.max(...kept.map((p) => p.y));
  const pad = Math.max(x1 - x0, y1 - y0, 20) * 0.12;
  // At least MIN_FOCUS across (~240 km at 50°N): one place alone (a scene grown from one node)
  // would otherwise fill the view with a few km of land and no outline to read it by.
  const grow = (a: number, b: number) => Math.max(pad, (MIN_FOCUS - (b - a)) / 2);
  const gx = grow(x0, x1);
  const gy = grow(y0, y1);
  return { x: [x0 - gx, x1 + gx], y: [y0 - gy, y1 + gy] };
}
