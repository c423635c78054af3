/**
 * Relationship-type labels of the few edges that carry one (those of the selection, or of a
 * drawn path), on a Canvas 2D layer where sigma's own edge-label canvas sits. Sigma's built-in
 * edge labels are off (`renderEdgeLabels: false`) because sigma picks them by scanning every
 * edge on every frame; this layer draws the listed edges only. Cost per frame: O(listed edges).
 */
import type Sigma from 'sigma';
import { CanvasLayer } from './canvas-layer';
import { drawEdgeLabel, screenNode } from '../edge-draw';

export class EdgeLabelLayer {
  private readonly layer: CanvasLayer;
  private edges: ReadonlySet<string> = new Set();

  constructor(private readonly sigma: Sigma) {
    this.layer = new CanvasLayer(sigma, 'newsgraph-edge-labels', { afterLayer: 'edgeLabels' });
    sigma.on('afterRender', this.draw);
  }

  /** The edges whose label (set by the reducer) is drawn from the next frame on. O(1). */
  setEdges(ids: ReadonlySet<string>): void {
    this.edges = ids;
  }

  private readonly draw = (): void => {
    this.layer.begin();
    const graph = this.sigma.getGraph();
    const settings = this.sigma.getSettings();
    const ctx = this.layer.ctx;
    for (const e of this.edges) {
      if (!graph.hasEdge(e)) continue;
      const d = this.sigma.getEdgeDisplayData(e) as
        (ReturnType<Sigma['getEdgeDisplayData']> & { curvature?: number }) | undefined;
      if (!d || d.hidden || !d.label) continue;
      const s = screenNode(this.sigma, graph.source(e));
      const t = screenNode(this.sigma, graph.target(e));
      if (!s || !t) continue;
      this.layer.touched();
      drawEdgeLabel(
        ctx,
        { key: e, label: d.label, size: this.sigma.scaleSize(d.size), type: d.type, curvature: d.curvature },
        s,
        t,
        settings,
      );
    }
  };

  kill(): void {
    this.sigma.off('afterRender', this.draw);
    this.layer.kill();
  }
}
