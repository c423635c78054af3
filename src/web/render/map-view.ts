/**
 * Map mode on the canvas: the country outlines under the graph, and nodes moved between their
 * force-layout positions and their places on the map (animated). Sigma's normalisation is frozen
 * on the force layout's extent while the map shows, so the map is fitted into it and nothing jumps.
 */
import { animateNodes } from 'sigma/utils';
import type { Atlas } from '../core/map/atlas';
import { fitFocus, placeAt, type Box, type GeoToGraph } from '../core/map/fit';
import { mapFrame } from '../core/map/frame';
import { createProjection, type GeoLayout } from '../core/map/geo-layout';
import type { Theme } from '../core/shell/actions';
import { MapLayer } from './layers/map-layer';
import type { RenderGraph } from './render-graph';
import type { SigmaController } from './sigma/sigma-controller';

const MAP_ANIMATION_MS = 900;

export interface MapPlacement {
  layout: GeoLayout;
  toGraph: GeoToGraph;
}

export class MapView {
  readonly projection = createProjection();
  private ctrl: SigmaController | null = null;
  private layer: MapLayer | null = null;
  private forcePositions = new Map<string, { x: number; y: number }>();
  private placed: MapPlacement | null = null;
  private cancelAnimation: (() => void) | null = null;
  /** The "Not on the map" list over the view, if shown. */
  private list: HTMLElement | null = null;

  constructor(
    private readonly graph: RenderGraph,
    private readonly theme: () => Theme,
  ) {}

  /** Graph coordinates of the map (the layout and its fit), while the map shows. */
  get placement(): MapPlacement | null {
    return this.placed;
  }

  /** A new Sigma instance (or none): the outline layer goes with it. */
  attach(ctrl: SigmaController | null): void {
    this.layer?.kill();
    this.layer = null;
    this.ctrl = ctrl;
    if (!ctrl) return;
    this.layer = new MapLayer(ctrl.sigma, this.projection, this.theme, (id) => ctrl.labels.captionBox(id));
    this.layer.show(false);
    this.keepCaptionsOut();
  }

  /**
   * The "Not on the map" list laid over the view (null: none), or its size changed: no caption is
   * written under it — one that would be is turned left of its node or left out (label-declutter.ts).
   */
  setList(el: HTMLElement | null): void {
    this.list = el;
    this.keepCaptionsOut();
  }

  private keepCaptionsOut(): void {
    const ctrl = this.ctrl;
    const el = this.list;
    if (!ctrl) return;
    // Read at each frame: one box read while the list shows, and it is where it is drawn.
    ctrl.labels.keepOut(
      el
        ? () => {
            const r = el.getBoundingClientRect();
            if (!r.width || !r.height) return null;
            const c = ctrl.sigma.getContainer().getBoundingClientRect();
            return { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
          }
        : null,
    );
  }

  get attached(): boolean {
    return this.ctrl !== null;
  }

  /** Remembers the force positions, freezes sigma's frame and shows the outlines (`countries` tinted). */
  enter(atlas: Atlas, countries: ReadonlySet<string>): void {
    const ctrl = this.ctrl;
    if (!ctrl) return;
    this.forcePositions = new Map();
    this.graph.forEachNode((id, a) => this.forcePositions.set(id, { x: a.x, y: a.y }));
    // Freeze sigma's normalization on the current extent: the map is fitted into it, so nothing jumps.
    ctrl.sigma.setCustomBBox(ctrl.sigma.getBBox());
    this.layer?.setAtlas(atlas, countries);
    this.layer?.show(true);
    // Map places pile up around a town: captions there must avoid each other.
    ctrl.setDeclutter(true);
  }

  /** Moves nodes to their places on the map (animated on entering it; `done` when they are there). O(nodes). */
  place(layout: GeoLayout, animate: boolean, done: () => void): void {
    const ctrl = this.ctrl;
    if (!ctrl) return;
    const toGraph = fitFocus(union(layout.focus, layout.tray), ctrl.sigma.getCustomBBox() ?? ctrl.sigma.getBBox());
    this.placed = { layout, toGraph };
    this.layer?.setGeoToGraph(toGraph);
    // In a crowd around a town, the town's caption is the one to keep.
    ctrl.labels.prefer(new Set([...layout.positions].flatMap(([id, p]) => (p.placement === 'located' ? [id] : []))));
    const trayIds = layout.trayNodes;
    this.layer?.setTray(layout.tray, trayIds);
    // A tray caption turned left of its node (at the view's right edge) stays inside the tray.
    const inTray = new Set(trayIds);
    const tray = layout.tray;
    ctrl.labels.confine(
      tray
        ? (id) =>
            inTray.has(id) ? ctrl.sigma.graphToViewport(placeAt(toGraph, { x: tray.x[0], y: tray.y[1] })).x : undefined
        : null,
    );
    const finish = () => {
      if (animate) this.reframe();
      done();
    };
    const targets: Record<string, { x: number; y: number }> = {};
    for (const [id, p] of layout.positions) if (this.graph.hasNode(id)) targets[id] = placeAt(toGraph, p);
    this.cancelAnimation?.();
    if (!animate) {
      for (const [id, p] of Object.entries(targets)) this.graph.mergeNodeAttributes(id, p);
      finish();
      return;
    }
    this.cancelAnimation = animateNodes(
      this.graph,
      targets,
      { duration: MAP_ANIMATION_MS, easing: 'quadraticInOut' },
      () => {
        this.cancelAnimation = null;
        finish();
      },
    );
  }

  /**
   * The map's first view: the located nodes and the tray, whole, in the area no panel covers;
   * again when a panel over the map opens or folds. O(located and tray nodes).
   */
  reframe(): void {
    const ctrl = this.ctrl;
    const placed = this.placed;
    if (!ctrl || !placed) return;
    const framed = mapFrame(placed.layout);
    const points = framed.points.map((p) => placeAt(placed.toGraph, p));
    ctrl.camera.reveal(framed.ids, { fit: true, points, captions: false });
  }

  /**
   * Moves nodes back to their force positions, then hides the outlines and unfreezes the frame;
   * `done` gets the number of nodes that came while on the map (they have no force position yet).
   */
  exit(done: (fresh: number) => void): void {
    const ctrl = this.ctrl;
    if (!ctrl) return;
    this.cancelAnimation?.();
    const targets: Record<string, { x: number; y: number }> = {};
    let fresh = 0;
    this.graph.forEachNode((id) => {
      const p = this.forcePositions.get(id);
      if (p) targets[id] = p;
      else fresh++;
    });
    this.cancelAnimation = animateNodes(
      this.graph,
      targets,
      { duration: MAP_ANIMATION_MS, easing: 'quadraticInOut' },
      () => {
        this.cancelAnimation = null;
        this.layer?.show(false);
        ctrl.setDeclutter(false);
        ctrl.labels.confine(null);
        ctrl.sigma.setCustomBBox(null);
        ctrl.camera.fit();
        this.placed = null;
        done(fresh);
      },
    );
  }
}

/** The smallest box holding both (either may be missing). */
function union(a: Box | null, b: Box | null): Box | null {
  if (!a || !b) return a ?? b;
  return {
    x: [Math.min(a.x[0], b.x[0]), Math.max(a.x[1], b.x[1])],
    y: [Math.min(a.y[0], b.y[0]), Math.max(a.y[1], b.y[1])],
  };
}
