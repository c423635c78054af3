/**
 * Hover highlighting in O(degree): a Canvas 2D layer placed just below sigma's `hovers` layer.
 * While a node is hovered it paints a translucent veil in the background colour over everything
 * sigma drew (edges, nodes, labels — "dim the rest"), then the hovered node's edges with their
 * relationship types, its neighbours and their labels above the veil. Sigma itself draws the
 * hovered node (and selected, `highlighted` nodes) on its hover layers, above this one. A
 * relationship type that would cover another or a neighbour's caption is left out (`pickLabels`,
 * as on the edge-label layer; O(d log d + d·m) for d edges, m labels sharing a cell), and so is one
 * wholly outside the view. The neighbours' captions are this layer's own, right of their discs.
 *
 * Nothing in sigma is re-processed on a hover change: no reducer runs, no buffer is uploaded,
 * no full frame is rendered. Redrawn after every sigma frame while hovered (pan, zoom, layout).
 */
import type Sigma from 'sigma';
import {
  captionBox,
  drawnCurvature,
  labelBox,
  outsideView,
  pickLabels,
  type LabelCandidate,
  type OrientedBox,
} from '../../core/graph/edge-label-boxes';
import { CanvasLayer } from './canvas-layer';
import { createDrawNodeLabel, DRAW_THEMES, labelFont, labelText } from '../draw';
import { drawEdgeLabel, drawEdgeShape, screenNode, type ScreenNode } from '../edge-draw';
import type { RenderGraph } from '../render-graph';
import { UI_COLORS } from '../style';
import type { Theme } from '../../core/shell/actions';

/** How much of the background colour covers what is not highlighted (1 = hidden). */
const VEIL_ALPHA: Record<Theme, number> = { light: 0.86, dark: 0.8 };
/** Hovered edges are drawn at least this thick (sigma size units) so they read above the veil. */
const HOVER_EDGE_SIZE = 2;

function veilColor(theme: Theme): string {
  const hex = UI_COLORS[theme].background;
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${VEIL_ALPHA[theme]})`;
}

/** What the hover layer drew in its last frame. */
export interface HoverFrame {
  readonly hovered: string | null;
  /** The veil covers the view. */
  readonly veiled: boolean;
  /** Neighbours of the hovered node drawn above the veil. */
  readonly nodes: ReadonlySet<string>;
  /** Edges of the hovered node drawn above the veil. */
  readonly edges: number;
}

export class HoverLayer {
  private readonly layer: CanvasLayer;
  private readonly drawLabel;
  private hovered: string | null = null;
  private veiled = false;
  private readonly drawnNodes = new Set<string>();
  private drawnEdges = 0;

  constructor(
    private readonly sigma: Sigma,
    private readonly graph: RenderGraph,
    private readonly theme: () => Theme,
  ) {
    this.layer = new CanvasLayer(sigma, 'newsgraph-hover', { beforeLayer: 'hovers' });
    this.drawLabel = createDrawNodeLabel(() => DRAW_THEMES[this.theme()]);
    sigma.on('afterRender', this.onRender);
  }

  /** Sets (or clears, with null) the hovered node and redraws at once. O(degree of the node). */
  setHovered(node: string | null): void {
    this.hovered = node;
    this.draw();
  }

  get lastFrame(): HoverFrame {
    return { hovered: this.hovered, veiled: this.veiled, nodes: this.drawnNodes, edges: this.drawnEdges };
  }

  private readonly onRender = (): void => {
    if (this.hovered || this.veiled) this.draw();
  };

  private draw(): void {
    this.layer.begin();
    this.veiled = false;
    this.drawnNodes.clear();
    this.drawnEdges = 0;
    const h = this.hovered;
    const graph = this.graph;
    if (!h || !graph.hasNode(h)) return;
    const center = screenNode(this.sigma, h);
    if (!center) return;
    const { width, height } = this.sigma.getDimensions();
    const ctx = this.layer.ctx;
    const theme = this.theme();
    this.layer.touched();
    ctx.fillStyle = veilColor(theme);
    ctx.fillRect(0, 0, width, height);
    this.veiled = true;

    // Neighbours as drawn now (hidden ones stay hidden), then the edges between them and h.
    const around = new Map<string, ScreenNode>([[h, center]]);
    graph.forEachNeighbor(h, (n) => {
      const p = screenNode(this.sigma, n);
      if (p) around.set(n, p);
    });
    const settings = this.sigma.getSettings();
    const edgeWidth = Math.max(settings.minEdgeThickness, this.sigma.scaleSize(HOVER_EDGE_SIZE));
    const labels: Array<{
      key: string;
      label: string;
      size: number;
      type: string;
      curvature: number;
      s: ScreenNode;
      t: ScreenNode;
    }> = [];
    const weights = new Map<string, number>();
    graph.forEachEdge(h, (e, a, src, tgt) => {
      const s = around.get(src);
      const t = around.get(tgt);
      if (!s || !t || src === tgt) return;
      const d = this.sigma.getEdgeDisplayData(e);
      if (!d || d.hidden) return;
      // The edge's own colour: a path or a time filter may have dimmed it; hover shows it whole.
      drawEdgeShape(ctx, s, t, {
        curved: a.type === 'curvedArrow',
        curvature: a.curvature,
        color: a.color,
        width: edgeWidth,
      });
      labels.push({ key: e, label: a.caption, size: edgeWidth, type: a.type, curvature: a.curvature, s, t });
      weights.set(e, d.size);
      this.drawnEdges++;
    });

    const captions: { key: string; box: OrientedBox }[] = [];
    ctx.font = labelFont(settings);
    for (const [n, p] of around) {
      if (n === h) continue;
      const a = graph.getNodeAttributes(n);
      if (a.label) {
        captions.push({ key: n, box: captionBox(p, settings.labelSize, ctx.measureText(labelText(a.label)).width) });
      }
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.size, 0, Math.PI * 2);
      ctx.fillStyle = a.color;
      ctx.fill();
      this.drawLabel(
        ctx,
        { x: p.x, y: p.y, size: p.size, label: a.label, color: a.color, nodeLabel: a.nodeLabel },
        settings,
      );
      this.drawnNodes.add(n);
    }
    ctx.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
    const measure = (text: string) => ctx.measureText(text).width;
    const byKey = new Map(labels.map((l) => [l.key, l]));
    const candidates: LabelCandidate[] = [];
    for (const l of labels) {
      if (!l.label) continue;
      const curvature = drawnCurvature(l.type, l.curvature);
      const placed = labelBox({ ...l, thickness: l.size, curvature }, settings.edgeLabelSize, measure);
      if (placed && !outsideView(placed.box, width, height))
        candidates.push({ ...placed, rank: 0, weight: weights.get(l.key) ?? 0 });
    }
    for (const { key, text } of pickLabels(candidates, captions).drawn) {
      const l = byKey.get(key)!;
      drawEdgeLabel(ctx, { ...l, label: text }, l.s, l.t, settings);
    }
  }

  kill(): void {
    this.sigma.off('afterRender', this.onRender);
    this.layer.kill();
  }
}
