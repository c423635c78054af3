/**
 * Relationship-type labels of the few edges that carry one (those of the selection, or of a
 * drawn path), on a Canvas 2D layer where sigma's own edge-label canvas sits. Sigma's built-in
 * edge labels are off (`renderEdgeLabels: false`) because sigma picks them by scanning every
 * edge on every frame; this layer draws the listed edges only.
 *
 * No label is written over another or over a node's caption: each frame every listed label's
 * rotated box is computed (for a curved edge, where its characters sit along the curve) and
 * `pickLabels` keeps the most important ones (the hovered edge, then edges between two selected
 * nodes, then thicker edges, then labels with room to spare; ties by key, so panning keeps the
 * same labels). The hovered edge's label is written even over captions: it is the one being read.
 * Captions are sigma's written node labels (`displayedNodeLabels`) at the place draw.ts writes
 * them, right of the disc, or left of it where the map's declutter turned them (`side`). A label
 * wholly outside the view is dropped before any of this: it is neither written nor skipped.
 * Counts of written labels and of those skipped for a collision are on the canvas (`data-drawn`,
 * `data-skipped`); the last frame's boxes are `lastFrame`.
 * Cost per frame: O(k log k + k·m + c) for k listed edges (bounded by the selection's or path's
 * edges), m labels sharing a 64-px cell (k at worst) and c captions near the labels.
 */
import type Sigma from 'sigma';
import {
  boundsOf,
  captionBox,
  drawnCurvature,
  labelBox,
  outsideView,
  pickLabels,
  type CaptionSide,
  type LabelCandidate,
  type OrientedBox,
} from '../../core/graph/edge-label-boxes';
import { labelFont, labelText } from '../draw';
import { CanvasLayer } from './canvas-layer';
import { drawEdgeLabel, screenNode, type ScreenNode } from '../edge-draw';

/** What the last frame wrote: each label's key, text and box, and the keys it skipped with what they would have covered. */
export interface EdgeLabelFrame {
  drawn: { key: string; text: string; box: OrientedBox }[];
  skipped: { key: string; by: string; box: OrientedBox }[];
}

export class EdgeLabelLayer {
  private readonly layer: CanvasLayer;
  private edges: ReadonlySet<string> = new Set();
  private rank: (edge: string) => number = () => 0;
  private always: string | null = null;
  private frame: EdgeLabelFrame = { drawn: [], skipped: [] };

  constructor(
    private readonly sigma: Sigma,
    /** The side of its node a written caption is on (the map's declutter turns some left). */
    private readonly side: (node: string) => CaptionSide = () => 'right',
  ) {
    this.layer = new CanvasLayer(sigma, 'newsgraph-edge-labels', { afterLayer: 'edgeLabels' });
    this.layer.canvas.dataset.testid = 'edge-label-layer';
    this.count(0, 0);
    sigma.on('afterRender', this.draw);
  }

  /**
   * The edges whose label (set by the reducer) is drawn from the next frame on, how much each
   * matters when two labels collide (higher wins; default all alike), and the one written even
   * over captions (`always`: the hovered edge). O(1).
   */
  setEdges(ids: ReadonlySet<string>, rank?: (edge: string) => number, always: string | null = null): void {
    this.edges = ids;
    this.rank = rank ?? (() => 0);
    this.always = always;
  }

  /** The labels the last frame wrote and skipped. */
  get lastFrame(): EdgeLabelFrame {
    return this.frame;
  }

  private readonly draw = (): void => {
    this.layer.begin();
    const graph = this.sigma.getGraph();
    const settings = this.sigma.getSettings();
    const ctx = this.layer.ctx;
    const candidates: LabelCandidate[] = [];
    const ends = new Map<string, { s: ScreenNode; t: ScreenNode; size: number; type?: string; curvature?: number }>();
    if (this.edges.size) ctx.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
    const measure = (text: string) => ctx.measureText(text).width;
    const { width, height } = this.sigma.getDimensions();
    for (const e of this.edges) {
      if (!graph.hasEdge(e)) continue;
      const d = this.sigma.getEdgeDisplayData(e) as
        (ReturnType<Sigma['getEdgeDisplayData']> & { curvature?: number }) | undefined;
      if (!d || d.hidden || !d.label) continue;
      const s = screenNode(this.sigma, graph.source(e));
      const t = screenNode(this.sigma, graph.target(e));
      if (!s || !t) continue;
      const size = this.sigma.scaleSize(d.size);
      const curvature = drawnCurvature(d.type, d.curvature);
      const placed = labelBox(
        { key: e, label: d.label, s, t, thickness: size, curvature },
        settings.edgeLabelSize,
        measure,
      );
      if (!placed || outsideView(placed.box, width, height)) continue;
      candidates.push({ ...placed, rank: this.rank(e), weight: size, always: e === this.always });
      ends.set(e, { s, t, size, type: d.type, curvature });
    }
    const pick = pickLabels(candidates, candidates.length ? this.captions(candidates) : []);
    for (const label of pick.drawn) {
      const end = ends.get(label.key)!;
      this.layer.touched();
      drawEdgeLabel(
        ctx,
        { key: label.key, label: label.text, size: end.size, type: end.type, curvature: end.curvature },
        end.s,
        end.t,
        settings,
      );
    }
    this.frame = {
      drawn: pick.drawn.map(({ key, text, box }) => ({ key, text, box })),
      skipped: pick.skipped.map(({ label, by }) => ({ key: label.key, by, box: label.box })),
    };
    this.count(pick.drawn.length, pick.skipped.length);
  };

  /** The written node captions that could meet a label (within the labels' bounds). O(captions). */
  private captions(labels: readonly LabelCandidate[]): { key: string; box: OrientedBox }[] {
    const displayed = (this.sigma as unknown as { displayedNodeLabels?: Set<string> }).displayedNodeLabels;
    if (!displayed?.size) return [];
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const l of labels) {
      const b = boundsOf(l.box);
      left = Math.min(left, b.left);
      top = Math.min(top, b.top);
      right = Math.max(right, b.right);
      bottom = Math.max(bottom, b.bottom);
    }
    const settings = this.sigma.getSettings();
    const ctx = this.layer.ctx;
    const edgeFont = ctx.font;
    ctx.font = labelFont(settings);
    const out: { key: string; box: OrientedBox }[] = [];
    for (const key of displayed) {
      const d = this.sigma.getNodeDisplayData(key);
      if (!d?.label) continue;
      const n = screenNode(this.sigma, key, d);
      if (!n) continue;
      // Cheap rejections first: measuring the caption's text is the dear part. Without its width,
      // the caption's end at its node is known: its left end (right side) or its right end.
      const side = this.side(key);
      const near = boundsOf(captionBox(n, settings.labelSize, 0, side));
      if (near.top > bottom || near.bottom < top || (side === 'right' ? near.left > right : near.right < left))
        continue;
      const box = captionBox(n, settings.labelSize, ctx.measureText(labelText(d.label)).width, side);
      const far = boundsOf(box);
      if (far.right < left || far.left > right) continue;
      out.push({ key, box });
    }
    ctx.font = edgeFont;
    return out;
  }

  /** The counts on the canvas, for tests and for a look in the inspector; written only when changed. */
  private count(drawn: number, skipped: number): void {
    const data = this.layer.canvas.dataset;
    if (data.drawn !== String(drawn)) data.drawn = String(drawn);
    if (data.skipped !== String(skipped)) data.skipped = String(skipped);
  }

  kill(): void {
    this.sigma.off('afterRender', this.draw);
    this.layer.kill();
  }
}
