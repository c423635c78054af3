/**
 * Map mode positions, as a pure function of the graph (no DOM, no sigma; unit-tested in Node):
 * places at their coordinates, events at the place they occurred in, everything else near what it
 * connects to, and what connects to nothing located parked in a row under the map.
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

export type Placement = 'located' | 'event' | 'near' | 'parked';

export interface GeoPosition {
  x: number;
  y: number;
  placement: Placement;
}

export interface GeoLayout {
  positions: Map<string, GeoPosition>;
  /** Where the events are (graph coordinates, padded): the initial map view. Null without located nodes. */
  focus: { x: [number, number]; y: [number, number] } | null;
}

/** Relationships that place an event on the map, best first. */
const EVENT_PLACE_TYPES = ['OCCURRED_IN', 'HIT', 'TARGETED', 'NEAR'];
/** Links ignored when placing "near": articles mention everything, which would pull all to the middle. */
const IGNORED_FOR_NEARNESS = new Set(['MENTIONS']);

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
 * Computes every node's map position. O((nodes + edges) × passes); passes ≤ 4.
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
    positions.set(n.id, { x: q.x, y: q.y, placement: 'located' });
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
    positions.set(ev, { x: q.x, y: q.y, placement: 'event' });
  }

  // 3. Everything else near the mean of its placed neighbours, a few rings out.
  const neighbours = new Map<string, string[]>();
  for (const e of g.edges) {
    if (IGNORED_FOR_NEARNESS.has(e.type) || e.source === e.target) continue;
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  for (let pass = 0; pass < 4; pass++) {
    const placedNow: [string, GeoPosition][] = [];
    for (const n of g.nodes) {
      if (positions.has(n.id)) continue;
      const anchors = (neighbours.get(n.id) ?? []).map((id) => positions.get(id)).filter((p): p is GeoPosition => !!p);
      if (anchors.length === 0) continue;
      // Prefer real places and events over other "near" nodes when there are any.
      const solid = anchors.filter((p) => p.placement !== 'near');
      const use = solid.length ? solid : anchors;
      const x = use.reduce((s, p) => s + p.x, 0) / use.length;
      const y = use.reduce((s, p) => s + p.y, 0) / use.length;
      const q = around(x, y, slot(`near@${x.toFixed(1)},${y.toFixed(1)}`) + 2, n.id);
      placedNow.push([n.id, { x: q.x, y: q.y, placement: 'near' }]);
    }
    // Assign after the pass so a pass does not depend on node order.
    for (const [id, p] of placedNow) positions.set(id, p);
    if (placedNow.length === 0) break;
  }

  // 4. The focus: events' positions (else all located), outliers dropped, padded.
  const eventPts = [...positions.values()].filter((p) => p.placement === 'event');
  const basis = eventPts.length >= 2 ? eventPts : [...positions.values()].filter((p) => p.placement === 'located');
  const focus = focusBox(basis);

  // 5. Parked: a row under the focus (or the origin), sorted for stable screenshots.
  const rest = g.nodes.filter((n) => !positions.has(n.id)).sort((a, b) => a.caption.localeCompare(b.caption));
  if (rest.length) {
    const box = focus ?? { x: [-50, 50] as [number, number], y: [-50, 50] as [number, number] };
    const width = box.x[1] - box.x[0];
    const perRow = Math.max(1, Math.ceil(Math.sqrt(rest.length * 3)));
    const step = width / perRow;
    rest.forEach((n, i) => {
      const row = Math.floor(i / perRow);
      const col = i % perRow;
      positions.set(n.id, { x: box.x[0] + step * (col + 0.5), y: box.y[0] - step * (row + 1), placement: 'parked' });
    });
  }
  return { positions, focus };
}

/**
 * A padded box around the points, ignoring outliers (farther from the median point than 3× the
 * median distance), so one event in Washington does not zoom the map out to the whole world.
 */
export function focusBox(
  points: readonly { x: number; y: number }[],
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
  const kept = points.filter((_, i) => dist[i]! <= 3 * md);
  let x0 = Math.min(...kept.map((p) => p.x));
  let x1 = Math.max(...kept.map((p) => p.x));
  let y0 = Math.min(...kept.map((p) => p.y));
  let y1 = Math.max(...kept.map((p) => p.y));
  const pad = Math.max(x1 - x0, y1 - y0, 20) * 0.18;
  x0 -= pad;
  x1 += pad;
  y0 -= pad;
  y1 += pad;
  return { x: [x0, x1], y: [y0, y1] };
}
