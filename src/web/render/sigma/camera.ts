/** The camera: centring on a node, fitting the graph, zooming, revealing new nodes. Animated. */
import type { CameraState, Coordinates } from 'sigma/types';
import { labelFont, labelText } from '../draw';
import { besidePanel, freeArea, type Rect } from '../free-area';
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
   * too, not closer than `minRatio`). Room is kept right of them for their captions. `points`
   * (graph coordinates) are brought in with them: the edges of a panel drawn under nodes.
   * `captions: false` keeps only the fixed room, not the longest caption's (a map frames its area, and
   * the room taken from its width would shrink the whole map). O(ids).
   */
  reveal(
    ids: Iterable<string>,
    opts: { fit?: boolean; minRatio?: number; points?: Coordinates[]; captions?: boolean } = {},
  ): void {
    this.host.ensureIndexed();
    const sigma = this.sigma;
    const pts: Coordinates[] = [];
    const list = [...ids];
    for (const id of list) {
      const d = sigma.getNodeDisplayData(id);
      if (d && !d.hidden) pts.push({ x: d.x, y: d.y });
    }
    if (pts.length) for (const p of opts.points ?? []) pts.push(sigma.viewportToFramedGraph(sigma.graphToViewport(p)));
    if (!pts.length) return;
    const free = this.freeRect();
    // Room for the longest caption among them (at most half the free width), so none is cut at the right edge.
    const pad = {
      ...REVEAL_PAD,
      x:
        opts.captions === false
          ? REVEAL_PAD.x
          : Math.min(Math.max(REVEAL_PAD.x, this.labelRoom(list)), (free.right - free.left) / 2),
    };
    const cam = sigma.getCamera();
    const now = cam.getState();
    const inside = pts.every((p) => {
      const v = sigma.framedGraphToViewport(p);
      return v.x >= free.left + 8 && v.x <= free.right - pad.x && v.y >= free.top + pad.y && v.y <= free.bottom - 8;
    });
    if (inside && !opts.fit) return;
    const target = this.cameraFor(pts, free, opts.fit ? { ...now, ratio: opts.minRatio ?? 0 } : now, pad);
    void cam.animate(target, { duration: 450 });
  }

  /** Width (CSS px) the captions of these nodes take right of their centres, as the label drawer writes them. */
  private labelRoom(ids: readonly string[]): number {
    // A whole large graph framed: most captions are not drawn at that zoom, and measuring them all would cost.
    if (ids.length > LABELS_MEASURED) return 0;
    const ctx = (this.measure ??= document.createElement('canvas').getContext('2d'));
    if (!ctx) return 0;
    ctx.font = labelFont(this.sigma.getSettings());
    let room = 0;
    for (const id of ids) {
      const d = this.sigma.getNodeDisplayData(id);
      if (d?.label && !d.hidden) room = Math.max(room, d.size + 4 + ctx.measureText(labelText(d.label)).width + 8);
    }
    return room;
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
