/**
 * The distance card: the distance statements of the data around a node ("18 miles from the
 * Ukrainian border — NEAR Ukraine"), and on the map its coordinates. Pure; O(edges).
 */
import type { GraphState } from '../graph/graph-store';
import type { HoverInfo } from './view';
import { nodeLocation } from './geo-layout';

const KM_PER_MILE = 1.609;

export function hoverInfo(g: GraphState, node: string, onMap: boolean): HoverInfo | null {
  const n = g.nodes.get(node);
  if (!n) return null;
  const lines: string[] = [];
  for (const e of g.edges.values()) {
    if (e.source !== node && e.target !== node) continue;
    const text = typeof e.properties.distance_text === 'string' ? e.properties.distance_text : null;
    const miles = typeof e.properties.distance_miles === 'number' ? e.properties.distance_miles : null;
    if (!text && miles === null) continue;
    const from = g.nodes.get(e.source)?.caption ?? '?';
    const to = g.nodes.get(e.target)?.caption ?? '?';
    const km = miles !== null ? ` (≈ ${Math.round(miles * KM_PER_MILE)} km)` : '';
    lines.push(`${from}: ${text ?? `${miles} miles`}${km} — ${e.type} ${to}`);
  }
  const loc = nodeLocation(n);
  if (loc && onMap) {
    const source = typeof n.properties.location_source === 'string' ? ` · ${n.properties.location_source}` : '';
    lines.push(`${loc.lat.toFixed(3)}° N, ${loc.lon.toFixed(3)}° E${source}`);
  }
  return lines.length ? { node, caption: n.caption, lines } : null;
}
