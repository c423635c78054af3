/**
 * The country outlines under sigma's graph in map mode: a Canvas 2D layer inserted below the
 * edges, redrawn after every sigma frame with the same transform sigma uses for the nodes, so
 * pan, zoom and the force↔map animation keep outlines and nodes together.
 *
 * The outlines are projected once into Path2D objects (in projection space); a frame only sets a
 * canvas transform and strokes/fills them. Cost per frame: one native path fill + stroke per
 * layer (no JavaScript per vertex).
 */
import {
  geoCentroid,
  geoGraticule10,
  geoPath,
  type GeoContext,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type Sigma from 'sigma';
import type { Theme } from '../../core/shell/actions';
import type { Atlas } from '../../core/map/atlas';
import type { Box, GeoToGraph } from '../../core/map/fit';

interface Prepared {
  land: Path2D;
  borders: Path2D;
  coasts: Path2D;
  graticule: Path2D;
  highlighted: Path2D;
  labels: { name: string; px: number; py: number }[];
}

const COLORS: Record<
  Theme,
  { sea: string; land: string; highlight: string; border: string; coast: string; grid: string; label: string }
> = {
  light: {
    sea: '#e6edf5',
    land: '#fbfaf6',
    highlight: '#f3efe3',
    border: '#9aa5b3',
    coast: '#b7c4d2',
    grid: 'rgba(120,140,165,0.16)',
    label: 'rgba(70,80,95,0.55)',
  },
  dark: {
    sea: '#0e141a',
    land: '#1a2128',
    highlight: '#222a31',
    border: '#5b6876',
    coast: '#3a4a5a',
    grid: 'rgba(150,170,190,0.10)',
    label: 'rgba(200,210,225,0.45)',
  },
};

export class MapLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private prepared: Prepared | null = null;
  private visible = false;
  private toGraph: GeoToGraph = { s: 1, tx: 0, ty: 0 };
  private tray: Box | null = null;
  private trayNodes: readonly string[] = [];

  constructor(
    private readonly sigma: Sigma,
    private readonly projection: GeoProjection,
    private readonly theme: () => Theme,
    /** Where a node's caption was written in the last frame (CSS px in the view), if it was. */
    private readonly captionBox: (id: string) => { left: number; right: number } | undefined,
  ) {
    this.canvas = sigma.createCanvas('newsgraph-map', { beforeLayer: 'edges', style: { pointerEvents: 'none' } });
    this.canvas.dataset.testid = 'map-layer';
    this.ctx = this.canvas.getContext('2d')!;
    sigma.on('afterRender', this.draw);
    sigma.on('resize', this.draw);
  }

  /** Projects the atlas once (O(vertices)); `highlight` names the countries to tint (those holding graph places). */
  setAtlas(atlas: Atlas, highlight: ReadonlySet<string>): void {
    const make = (obj: GeoJSON.GeoJsonObject | GeoJSON.Geometry) => {
      const p = new Path2D();
      geoPath(this.projection, p as unknown as GeoContext)(obj as GeoPermissibleObjects);
      return p;
    };
    const land = new Path2D();
    const highlighted = new Path2D();
    const labels: Prepared['labels'] = [];
    for (const c of atlas.countries) {
      const p = make(c.geometry);
      land.addPath(p);
      if (highlight.has(c.name)) {
        highlighted.addPath(p);
        const xy = this.projection(geoCentroid(c.geometry as GeoPermissibleObjects));
        if (xy) labels.push({ name: c.name, px: xy[0], py: xy[1] });
      }
    }
    this.prepared = {
      land,
      highlighted,
      borders: make(atlas.borders),
      coasts: make(atlas.coasts),
      graticule: make(geoGraticule10()),
      labels,
    };
    this.sigma.scheduleRender();
  }

  /** The tray of nodes without coordinates (graph coordinates of the layout, north up) and its nodes, or none. */
  setTray(tray: Box | null, nodes: readonly string[] = []): void {
    this.tray = tray;
    this.trayNodes = nodes;
    // How many nodes the drawn tray holds (what the "Not on the map" list must show, all of them).
    this.canvas.dataset.trayCount = String(tray ? nodes.length : 0);
    this.sigma.scheduleRender();
  }

  setGeoToGraph(t: GeoToGraph): void {
    this.toGraph = t;
    this.sigma.scheduleRender();
  }

  show(on: boolean): void {
    this.visible = on;
    this.canvas.style.display = on ? 'block' : 'none';
    this.sigma.scheduleRender();
  }

  get shown(): boolean {
    return this.visible;
  }

  private fitCanvas(): { w: number; h: number; ratio: number } {
    const { width: w, height: h } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const W = Math.round(w * ratio);
    const H = Math.round(h * ratio);
    if (this.canvas.width !== W || this.canvas.height !== H) {
      this.canvas.width = W;
      this.canvas.height = H;
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    return { w, h, ratio };
  }

  /**
   * Projection space → viewport: sigma's graph→viewport map is affine (camera pan, zoom, rotation
   * and its normalization), so three probe points give it exactly.
   */
  private viewportMatrix(): [number, number, number, number, number, number] {
    const { s, tx, ty } = this.toGraph;
    const o = this.sigma.graphToViewport({ x: tx, y: ty });
    const ex = this.sigma.graphToViewport({ x: tx + s, y: ty });
    const ey = this.sigma.graphToViewport({ x: tx, y: ty - s });
    return [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y];
  }

  private readonly draw = (): void => {
    const { w, h, ratio } = this.fitCanvas();
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.visible || !this.prepared) return;
    const c = COLORS[this.theme()];
    const p = this.prepared;
    ctx.fillStyle = c.sea;
    ctx.fillRect(0, 0, w * ratio, h * ratio);
    const [a, b, cc, d, e, f] = this.viewportMatrix();
    ctx.setTransform(a * ratio, b * ratio, cc * ratio, d * ratio, e * ratio, f * ratio);
    // Line widths are in projection units under this transform: divide by its scale.
    const scale = Math.hypot(a, b) || 1;
    ctx.lineJoin = 'round';
    ctx.fillStyle = c.land;
    ctx.fill(p.land);
    ctx.fillStyle = c.highlight;
    ctx.fill(p.highlighted);
    ctx.strokeStyle = c.grid;
    ctx.lineWidth = 0.8 / scale;
    ctx.stroke(p.graticule);
    ctx.strokeStyle = c.coast;
    ctx.lineWidth = 1 / scale;
    ctx.stroke(p.coasts);
    ctx.strokeStyle = c.border;
    ctx.lineWidth = 1.4 / scale;
    ctx.setLineDash([5 / scale, 3 / scale]);
    ctx.stroke(p.borders);
    ctx.setLineDash([]);
    // Country names in screen space, for countries holding places of the graph.
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (this.tray) this.drawTray(this.tray, [a, b, cc, d, e, f], c);
    ctx.fillStyle = c.label;
    ctx.font = '600 12px Inter, "Segoe UI", system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (const l of p.labels) {
      const x = a * l.px + cc * l.py + e;
      const y = b * l.px + d * l.py + f;
      if (x < 20 || y < 14 || x > w - 20 || y > h - 8) continue;
      ctx.fillText(l.name.toUpperCase(), x, y);
    }
  };

  /** A panel under the tray's nodes, titled, so nobody reads them as placed on the map. */
  private drawTray(t: Box, m: [number, number, number, number, number, number], c: (typeof COLORS)['light']): void {
    const ctx = this.ctx;
    // Layout coordinates are north up (y = -projection y): the matrix takes projection space.
    const at = (x: number, y: number) => ({ x: m[0] * x + m[2] * -y + m[4], y: m[1] * x + m[3] * -y + m[5] });
    const p0 = at(t.x[0], t.y[1]);
    const p1 = at(t.x[1], t.y[0]);
    const pad = 14;
    const x = Math.min(p0.x, p1.x) - pad;
    const y = Math.min(p0.y, p1.y) - pad - 16;
    // Wide enough for the captions written beside its nodes (they are not cut at its edge). Those
    // end at most at the view's edge (they turn left there): so does the panel, its border seen.
    const edge = this.sigma.getDimensions().width - 1;
    const right = Math.max(Math.max(p0.x, p1.x) + pad, Math.min(this.trayLabelsRight() + 8, edge));
    const w = right - x;
    const h = Math.abs(p1.y - p0.y) + pad * 2 + 16;
    this.canvas.dataset.tray = [x, y, x + w, y + h].map((v) => Math.round(v)).join(',');
    ctx.fillStyle = c.land;
    ctx.strokeStyle = c.border;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 10);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = c.label;
    ctx.font = '600 11px Inter, "Segoe UI", system-ui, sans-serif';
    ctx.textAlign = 'left';
    // A tray narrower than the long title (a small view) gets the short one, not a cut one.
    const title = 'NOT ON THE MAP · no coordinates';
    const shown = Math.min(right, this.sigma.getDimensions().width) - x;
    ctx.fillText(ctx.measureText(title).width <= shown - 20 ? title : 'NOT ON THE MAP', x + 10, y + 16);
  }

  /** The right end of the tray's nodes and written captions (CSS px in the viewport). O(tray nodes). */
  private trayLabelsRight(): number {
    let right = -Infinity;
    for (const id of this.trayNodes) {
      const d = this.sigma.getNodeDisplayData(id);
      if (!d || d.hidden) continue;
      const v = this.sigma.framedGraphToViewport(d);
      right = Math.max(right, v.x + this.sigma.scaleSize(d.size), this.captionBox(id)?.right ?? -Infinity);
    }
    return right;
  }

  kill(): void {
    this.sigma.off('afterRender', this.draw);
    this.sigma.off('resize', this.draw);
    try {
      this.sigma.killLayer('newsgraph-map');
    } catch {
      /* sigma already killed */
    }
  }
}
