/**
 * A read-only window into the investigation views for end-to-end tests
 * (window.__newsgraphInvestigation): what the filters hide or fade as sigma draws it, where
 * nodes are on the map, whether the outline layer really draws.
 */
import type { Investigation, InvestigationState } from './investigation';
import { borderBetween } from '../core/map/atlas';
import { nodeLocation } from '../core/map/geo-layout';

export interface InvestigationTestHook {
  investigation: Investigation;
  idle(): boolean;
  state(): Pick<InvestigationState, 'mode' | 'timeMode' | 'filters' | 'mapStatus' | 'shown'>;
  /** Nodes and edges sigma draws (its display data after the reducers: not hidden). */
  drawn(): { nodes: number; edges: number; fadedNodes: number };
  /** Sigma's hidden flag for a node or edge after reducers. */
  isHidden(id: string, kind?: 'node' | 'edge'): boolean;
  /** Frames the map outline layer has drawn; rings the contested marker drew last frame. */
  mapFrames(): number;
  markers(): number;
  contested(): string[];
  /** A located node's recorded coordinates. */
  location(id: string): { lat: number; lon: number } | null;
  /**
   * On-screen map geometry: each node's drawn position, where its recorded coordinates project
   * under the outline layer's transform, and its screen distance to the border between two
   * countries as drawn. Null outside map mode.
   */
  mapProbe(ids: string[], countryA: string, countryB: string): { id: string; screen: { x: number; y: number }; projected: { x: number; y: number } | null; borderPx: number }[] | null;
}

declare global {
  interface Window {
    __newsgraphInvestigation?: InvestigationTestHook;
  }
}

export function installInvestigationTestHook(inv: Investigation): void {
  const sigma = () => inv.explorer.sigmaController?.sigma ?? null;
  window.__newsgraphInvestigation = {
    investigation: inv,
    idle: () => inv.isIdle(),
    state: () => {
      const s = inv.state;
      return { mode: s.mode, timeMode: s.timeMode, filters: s.filters, mapStatus: s.mapStatus, shown: s.shown };
    },
    drawn() {
      const s = sigma();
      if (!s) return { nodes: 0, edges: 0, fadedNodes: 0 };
      const g = s.getGraph();
      let nodes = 0;
      let edges = 0;
      g.forEachNode((id) => {
        if (!s.getNodeDisplayData(id)?.hidden) nodes++;
      });
      g.forEachEdge((id) => {
        if (!s.getEdgeDisplayData(id)?.hidden) edges++;
      });
      return { nodes, edges, fadedNodes: inv.getDecorations().fadeNodes.size };
    },
    isHidden(id, kind = 'node') {
      const s = sigma();
      const d = kind === 'node' ? s?.getNodeDisplayData(id) : s?.getEdgeDisplayData(id);
      return !!d?.hidden;
    },
    mapFrames: () => inv.mapFrames(),
    markers: () => inv.markersDrawn(),
    contested: () => [...inv.getDecorations().contested],
    mapProbe(ids, countryA, countryB) {
      const s = sigma();
      const atlas = inv.getAtlas();
      const geo = inv.geoInfo();
      if (!s || !atlas || !geo) return null;
      const border = borderBetween(atlas, countryA, countryB);
      if (!border) return null;
      const t = geo.toGraph;
      const toScreen = (lon: number, lat: number) => {
        const p = inv.projection([lon, lat])!;
        return s.graphToViewport({ x: t.s * p[0] + t.tx, y: -t.s * p[1] + t.ty });
      };
      const segments = border.coordinates.map((line) => line.map(([lon, lat]) => toScreen(lon!, lat!)));
      const distance = (q: { x: number; y: number }) => {
        let best = Infinity;
        for (const line of segments) {
          for (let i = 0; i + 1 < line.length; i++) {
            const a = line[i]!;
            const b = line[i + 1]!;
            const dx = b.x - a.x;
            const dy = b.y - a.y;
            const len = dx * dx + dy * dy;
            const u = len ? Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / len)) : 0;
            best = Math.min(best, Math.hypot(q.x - (a.x + u * dx), q.y - (a.y + u * dy)));
          }
        }
        return best;
      };
      return ids.map((id) => {
        const d = s.getNodeDisplayData(id);
        const screen = d ? s.framedGraphToViewport(d) : { x: NaN, y: NaN };
        const n = inv.explorer.graphState.nodes.get(id);
        const loc = n ? nodeLocation(n) : null;
        return { id, screen, projected: loc ? toScreen(loc.lon, loc.lat) : null, borderPx: distance(screen) };
      });
    },
    location(id) {
      const n = inv.explorer.graphState.nodes.get(id);
      return n ? nodeLocation(n) : null;
    },
  };
}
