/** The camera: centring on a node, fitting the graph, zooming, revealing new nodes. Animated. */
import type { CameraState, Coordinates } from 'sigma/types';
import { labelFont, labelText } from '../draw';
import { besidePanel, captionRoom, freeArea, type Rect } from '../free-area';
import type { ExplorerSigma, SigmaHost } from './sigma-controller';

/** Zoom of the camera when it centres on a node (sigma camera ratio). */
const FOCUS_RATIO = 0.6;
/** Room kept around revealed nodes (CSS px): their labels sit to their right. */
const REVEAL_PAD = { x: 70, y: 28 };
/** Above this many nodes revealed at once, their captions are not measured (REVEAL_PAD's room only). */
const LABELS_MEASURED = 500;

export class CameraController {
  /** A 2D context to measure captions with (made on first need). */
  private measure: CanvasRenderingContext2D | null | undefined;

  constructor(private readonly host: SigmaHost) {}

  private get sigma(): ExplorerSigma {
    return this.host.sigma;
  }

  /** Animates the camera to a node. */
  focusNode(id: string, ratio = FOCUS_RATIO): void {
    this.host.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 350 });
  }

  zoom(by: number): void {
    const cam = this.sigma.getCamera();
    if (by > 1) void cam.animatedZoom({ duration: 200, factor: by });
    else void cam.animatedUnzoom({ duration: 200, factor: 1 / by });
  }

  /**
   * Brings these nodes into the part of the view no panel covers (legend, status line, view
   * switch, zoom buttons): pans when they fit at the current zoom, zooms out when they do not,
   * and does nothing when they are all in it already. `fit`: frames them exactly (zooming in
   * too, not closer than `minRatio`). Room is kept right of them for their captions: as much as
   * the captions of the nodes near the right edge run past it (at most half the free width), not
   * the longest caption anywhere, which would shrink the whole frame. `points` (graph coordinates)
   * are brought in with them: the edges of a panel drawn under nodes. `captions: false` keeps only
   * the fixed room (a map frames its area, and the room taken from its width would shrink the whole
   * map). O(ids).
   */
  reveal(
    ids: Iterable<string>,
    opts: { fit?: boolean; minRatio?: number; points?: Coordinates[]; captions?: boolean } = {},
  ): void {
    this.host.ensureIndexed();
    const sigma = this.sigma;
    const pts: Coordinates[] = [];
    // Per point, the room its caption takes right of it (CSS px), the fixed room at least.
    const widths: number[] = [];
    const list = [...ids];
    const width = opts.captions === false ? null : this.captionWidth(list.length);
    for (const id of list) {
      const d = sigma.getNodeDisplayData(id);
      if (!d || d.hidden) continue;
      pts.push({ x: d.x, y: d.y });
      widths.push(Math.max(REVEAL_PAD.x, width?.(d) ?? 0));
    }
    if (pts.length)
      for (const p of opts.points ?? []) {
        pts.push(sigma.viewportToFramedGraph(sigma.graphToViewport(p)));
        widths.push(REVEAL_PAD.x);
      }
    if (!pts.length) return;
    const free = this.freeRect();
    const half = (free.right - free.left) / 2;
    const cam = sigma.getCamera();
    const now = cam.getState();
    const inside = pts.every((p, i) => {
      const v = sigma.framedGraphToViewport(p);
      const right = free.right - Math.min(widths[i]!, half);
      return v.x >= free.left + 8 && v.x <= right && v.y >= free.top + REVEAL_PAD.y && v.y <= free.bottom - 8;
    });
    if (inside && !opts.fit) return;
    const start = opts.fit ? { ...now, ratio: opts.minRatio ?? 0 } : now;
    const padded = (x: number) => ({ ...REVEAL_PAD, x });
    const room = captionRoom(
      pts.map((p) => p.x),
      widths,
      (x) => this.scaleOf(this.cameraFor(pts, free, start, padded(x))),
      REVEAL_PAD.x,
      half,
    );
    void cam.animate(this.cameraFor(pts, free, start, padded(room)), { duration: 450 });
  }

  /**
   * How wide (CSS px) a node's caption is right of its centre, as the label drawer writes it; null
   * for a large graph framed whole: most captions are not drawn at that zoom, and measuring them all
   * would cost.
   */
  private captionWidth(count: number): ((d: { label?: string | null; size: number }) => number) | null {
    if (count > LABELS_MEASURED) return null;
    const ctx = (this.measure ??= document.createElement('canvas').getContext('2d'));
    if (!ctx) return null;
    ctx.font = labelFont(this.sigma.getSettings());
    return (d) => (d.label ? d.size + 4 + ctx.measureText(labelText(d.label)).width + 8 : 0);
  }

  /** Viewport px per framed-graph unit along x under camera state `c`. */
  private scaleOf(c: CameraState): number {
    const at = (p: Coordinates) => this.sigma.framedGraphToViewport(p, { cameraState: c }).x;
    return Math.abs(at({ x: 1, y: 0 }) - at({ x: 0, y: 0 }));
  }

  /** The camera state that puts the framed points' box in the middle of `free`, zooming out only if needed. */
  private cameraFor(pts: Coordinates[], free: Rect, now: CameraState, pad = REVEAL_PAD): CameraState {
    const sigma = this.sigma;
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    const centre = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
    // Viewport px per framed unit at ratio 1 (sigma's conversion, linear in 1/ratio).
    const at = (c: CameraState, p: Coordinates) => sigma.framedGraphToViewport(p, { cameraState: c });
    const unit = { x: 0, y: 0, ratio: 1, angle: 0 };
    const o = at(unit, { x: 0, y: 0 });
    const kx = Math.abs(at(unit, { x: 1, y: 0 }).x - o.x);
    const ky = Math.abs(at(unit, { x: 0, y: 1 }).y - o.y);
    const room = {
      w: Math.max(40, free.right - free.left - pad.x - 8),
      h: Math.max(40, free.bottom - free.top - pad.y - 8),
    };
    const needed = Math.max(((box.x1 - box.x0) * kx) / room.w, ((box.y1 - box.y0) * ky) / room.h);
    const { minCameraRatio, maxCameraRatio } = sigma.getSettings();
    const ratio = Math.min(maxCameraRatio ?? Infinity, Math.max(now.ratio, needed, minCameraRatio ?? 0));
    // Where the box centre lands with the camera at the origin, and how a camera step moves it.
    const c0 = { x: 0, y: 0, ratio, angle: now.angle };
    const v0 = at(c0, centre);
    const dx = at({ ...c0, x: 1 }, centre).x - v0.x;
    const dy = at({ ...c0, y: 1 }, centre).y - v0.y;
    const want = {
      x: (free.left + 8 + free.right - pad.x) / 2,
      y: (free.top + pad.y + free.bottom - 8) / 2,
    };
    return { ...c0, x: (want.x - v0.x) / dx, y: (want.y - v0.y) / dy };
  }

  /** The container's area that the panels over the canvas leave free (CSS px in the container). */
  freeRect(): Rect {
    const container = this.sigma.getContainer();
    const origin = container.getBoundingClientRect();
    let box: Rect = { left: origin.left, top: origin.top, right: origin.right, bottom: origin.bottom };
    // A side panel laid over the graph (narrow windows) takes its whole side.
    for (const el of document.querySelectorAll<HTMLElement>('.app > aside.panel')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) box = besidePanel(box, r);
    }
    const covers: Rect[] = [];
    for (const el of container.parentElement?.querySelectorAll<HTMLElement>(':scope > .overlay') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) covers.push(r);
    }
    const f = freeArea(box, covers);
    return {
      left: f.left - origin.left,
      top: f.top - origin.top,
      right: f.right - origin.left,
      bottom: f.bottom - origin.top,
    };
  }

  /** Viewport position of a node (CSS px in the graph container), or null when it is not drawn. */
  nodeViewportPosition(id: string): Coordinates | null {
    this.host.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }
}
