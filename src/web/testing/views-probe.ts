/**
 * The investigation views as end-to-end tests see them (window.__newsgraph.views): what the
 * filters hide or fade as sigma draws it, where nodes are on the map, whether the outline and
 * marker layers really draw. Test builds only (see hooks.ts).
 */
import type { Explorer } from '../app/explorer';
import type { InvestigationFilters } from '../core/filters/filter';
import { borderBetween, loadAtlas } from '../core/map/atlas';
import { nodeLocation } from '../core/map/geo-layout';
import type { MapStatus, ViewMode } from '../core/map/view';
import type { ShownCounts } from '../core/filters/decorations';
import type { TimeMode } from '../core/timeline/actions';
import type { SigmaController } from '../render/sigma/sigma-controller';

type Point = { x: number; y: number };

export interface ViewsProbe {
  state(): {
    mode: ViewMode;
    timeMode: TimeMode;
    filters: InvestigationFilters;
    mapStatus: MapStatus;
    shown: ShownCounts;
    playing: boolean;
  };
  /** Nodes and edges sigma draws (its display data after the reducers: not hidden). */
  drawn(): { nodes: number; edges: number; fadedNodes: number };
  /** Sigma's hidden flag for a node or edge after reducers. */
  isHidden(id: string, kind?: 'node' | 'edge'): boolean;
  /** Frames sigma rendered with the map's outline layer showing. */
  mapFrames(): number;
  /** Pixels the contested markers cover in the last frame (0: no ring drawn). */
  markers(): number;
  contested(): string[];
  /** A located node's recorded coordinates. */
  location(id: string): { lat: number; lon: number } | null;
  /**
   * On-screen map geometry: each node's drawn position, where its recorded coordinates project
   * under the outline layer's transform, and its screen distance to the border between two
   * countries as drawn. Null outside map mode.
   */
  mapProbe(
    ids: string[],
    countryA: string,
    countryB: string,
  ): Promise<{ id: string; screen: Point; projected: Point | null; borderPx: number }[] | null>;
}

/** Distance from a point to a polyline set, in the same (screen) units. */
function distanceTo(segments: Point[][], q: Point): number {
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
}

export function viewsProbe(explorer: Explorer): ViewsProbe {
  const sigma = () => explorer.sigmaController?.sigma ?? null;
  let mapFrames = 0;
  const counted = new WeakSet<SigmaController>();
  explorer.render.onSigma((c) => {
    if (!c || counted.has(c)) return;
    counted.add(c);
    // Runs after the map layer's own frame listener (attached first): counts frames it drew in.
    c.sigma.on('afterRender', () => {
      if (c.sigma.getCanvases()['newsgraph-map']?.style.display === 'block') mapFrames++;
    });
  });
  return {
    state: () => {
      const s = explorer.state;
      return {
        mode: s.view.mode,
        timeMode: s.timeline.mode,
        filters: s.filters,
        mapStatus: s.view.map,
        shown: s.shown,
        playing: s.timeline.playing,
      };
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
      return { nodes, edges, fadedNodes: explorer.decorations.decorations.fadeNodes.size };
    },
    isHidden(id, kind = 'node') {
      const s = sigma();
      const d = kind === 'node' ? s?.getNodeDisplayData(id) : s?.getEdgeDisplayData(id);
      return !!d?.hidden;
    },
    mapFrames: () => mapFrames,
    markers() {
      const c = sigma()?.getCanvases()['newsgraph-markers'];
      if (!c || !c.width || !c.height) return 0;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
      return n;
    },
    contested: () => [...explorer.decorations.decorations.contested],
    location(id) {
      const n = explorer.graphState.nodes.get(id);
      return n ? nodeLocation(n) : null;
    },
    async mapProbe(ids, countryA, countryB) {
      const s = sigma();
      const placed = explorer.views.map.placement;
      if (!s || !placed) return null;
      const border = borderBetween(await loadAtlas(), countryA, countryB);
      if (!border) return null;
      const t = placed.toGraph;
      const projection = explorer.views.map.projection;
      const toScreen = (lon: number, lat: number) => {
        const p = projection([lon, lat])!;
        return s.graphToViewport({ x: t.s * p[0] + t.tx, y: -t.s * p[1] + t.ty });
      };
      const segments = border.coordinates.map((line) => line.map(([lon, lat]) => toScreen(lon!, lat!)));
      return ids.map((id) => {
        const d = s.getNodeDisplayData(id);
        const screen = d ? s.framedGraphToViewport(d) : { x: NaN, y: NaN };
        const n = explorer.graphState.nodes.get(id);
        const loc = n ? nodeLocation(n) : null;
        return {
          id,
          screen,
          projected: loc ? toScreen(loc.lon, loc.lat) : null,
          borderPx: distanceTo(segments, screen),
        };
      });
    },
  };
}
