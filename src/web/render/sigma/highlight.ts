/**
 * What stands out: the selection (its edges labelled), a drawn path (the rest dimmed), the
 * investigation views' decorations, and hover. Changes the reducers' `RenderLook` in place and
 * repaints only what a change affects, without re-indexing; hover does not go through the
 * reducers at all (the hover layer draws it, O(degree)).
 */
import type { ViewDecorations } from '../../core/filters/decorations';
import type { CaptionSide } from '../../core/graph/edge-label-boxes';
import { EdgeLabelLayer, type EdgeLabelFrame } from '../layers/edge-label-layer';
import { HoverLayer, type HoverFrame } from '../layers/hover-layer';
import type { RenderLook } from './reducers';
import type { SigmaHost } from './sigma-controller';

export class HighlightController {
  private readonly hoverLayer: HoverLayer;
  private readonly edgeLabels: EdgeLabelLayer;
  private hoveredNode: string | null = null;

  constructor(
    private readonly host: SigmaHost,
    private readonly look: RenderLook,
    /** The side of its node a written caption is on (the map's declutter turns some left). */
    captionSide?: (node: string) => CaptionSide,
  ) {
    this.edgeLabels = new EdgeLabelLayer(host.sigma, captionSide);
    this.hoverLayer = new HoverLayer(host.sigma, host.graph, () => this.look.theme);
  }

  /** The node under the pointer that the hover layer highlights, if any. */
  get hovered(): string | null {
    return this.hoveredNode;
  }

  /** The relationship labels the last frame wrote and skipped (where two would overlap). */
  get edgeLabelFrame(): EdgeLabelFrame {
    return this.edgeLabels.lastFrame;
  }

  /** What the hover layer drew in the last frame. */
  get hoverFrame(): HoverFrame {
    return this.hoverLayer.lastFrame;
  }

  /** Hover dims the rest with the hover layer's veil, not through the reducers. O(degree). */
  setHover(node: string | null): void {
    if (this.hoveredNode === node) return;
    this.hoveredNode = node;
    this.hoverLayer.setHovered(node);
  }

  /** Emphasises the relationship under the pointer (its caption written): repaints two edges. O(1). */
  setEdgeHover(edge: string | null): void {
    const prev = this.look.hoveredEdge;
    if (prev === edge) return;
    this.look.hoveredEdge = edge;
    const graph = this.host.graph;
    this.repaint(
      [],
      [prev, edge].filter((e): e is string => !!e && graph.hasEdge(e)),
    );
    this.updateEdgeLabels();
  }

  /** Re-runs the reducers on the nodes that left or joined the selection and their edges. O(their degree). */
  setSelection(ids: readonly string[]): void {
    const graph = this.host.graph;
    const next = new Set(ids.filter((id) => graph.hasNode(id)));
    const prev = this.look.selected;
    if (next.size === prev.size && [...next].every((id) => prev.has(id))) return;
    this.look.selected = next;
    // The reducers' selection branches do not depend on other items: a partial repaint suffices.
    const { nodes, edges } = this.around([...prev, ...next]);
    this.repaint(nodes, edges);
    this.updateEdgeLabels();
  }

  /** Draws a path (dims everything else) or clears it: re-runs the reducers on everything, O(nodes + edges). */
  setPath(path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): void {
    if (this.look.path === path) return;
    this.look.path = path;
    this.repaint();
    this.updateEdgeLabels();
  }

  /**
   * Replaces the investigation views' decorations and repaints everything once (hidden flags
   * change what sigma indexes, so this re-indexes: O(nodes + edges)). Never re-installs reducers.
   * `onlyEdgeWidths`: the new decorations differ from the old only in these edges' widths, so
   * only they are repainted: O(those edges).
   */
  setDecorations(d: ViewDecorations, onlyEdgeWidths?: readonly string[]): void {
    if (d === this.look.decorations) return;
    this.look.decorations = d;
    if (!onlyEdgeWidths) return this.host.reindex();
    const graph = this.host.graph;
    this.repaint(
      [],
      onlyEdgeWidths.filter((e) => graph.hasEdge(e)),
    );
  }

  /** After a render-graph change: the hover and selection sets keep only nodes still there. O(selection's degree). */
  graphChanged(): void {
    const graph = this.host.graph;
    if (this.hoveredNode && !graph.hasNode(this.hoveredNode)) this.setHover(null);
    if (this.look.hoveredEdge && !graph.hasEdge(this.look.hoveredEdge)) this.look.hoveredEdge = null;
    for (const id of [...this.look.selected]) if (!graph.hasNode(id)) this.look.selected.delete(id);
    this.updateEdgeLabels();
  }

  /**
   * Re-runs the reducers on the given items (all when omitted) and repaints them, without
   * re-indexing. O(items). Falls back to a scheduled full refresh when sigma has not indexed
   * a just-added item yet.
   */
  private repaint(nodes?: string[], edges?: string[]): void {
    const { sigma, graph } = this.host;
    this.host.ensureIndexed();
    try {
      sigma.refresh({
        partialGraph: { nodes: nodes ?? graph.nodes(), edges: edges ?? graph.edges() },
        skipIndexation: true,
        schedule: true,
      });
    } catch {
      sigma.scheduleRefresh();
    }
  }

  /** Nodes and edges touching the given nodes (what a selection change affects). */
  private around(ids: Iterable<string>): { nodes: string[]; edges: string[] } {
    const graph = this.host.graph;
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const id of ids) {
      if (!graph.hasNode(id)) continue;
      nodes.add(id);
      graph.forEachEdge(id, (e) => {
        edges.add(e);
      });
    }
    return { nodes: [...nodes], edges: [...edges] };
  }

  /**
   * The edges whose relationship type is written: a path's, else the selection's. Where labels
   * collide the hovered edge's wins (over captions too), then those of edges between two selected
   * nodes. O(labelled edges).
   */
  private updateEdgeLabels(): void {
    const { path, selected, hoveredEdge } = this.look;
    const graph = this.host.graph;
    const edges = path
      ? new Set([...path.edges].filter((e) => graph.hasEdge(e)))
      : new Set(this.around(selected).edges);
    if (hoveredEdge && graph.hasEdge(hoveredEdge)) edges.add(hoveredEdge);
    this.edgeLabels.setEdges(
      edges,
      (e) =>
        e === hoveredEdge
          ? 2
          : graph.hasEdge(e) && selected.has(graph.source(e)) && selected.has(graph.target(e))
            ? 1
            : 0,
      hoveredEdge,
    );
  }

  kill(): void {
    this.hoverLayer.kill();
    this.edgeLabels.kill();
  }
}
