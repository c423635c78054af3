/**
 * Owns the one Sigma instance of the page: created once (by GraphCanvas's effect), fed by the
 * render graph, never rebuilt on a state change. Reducers are installed once and read the
 * highlight state below; every change refreshes only the items it affects, without re-indexing.
 * Hover does not go through the reducers at all (see hover-layer.ts): it costs O(degree).
 */
import Sigma from 'sigma';
import type { Coordinates, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { DRAW_THEMES } from '../draw';
import { EdgeLabelLayer } from '../layers/edge-label-layer';
import { HoverLayer } from '../layers/hover-layer';
import type { LayoutRunner } from '../layout';
import { RENDER_BATCH_END, RENDER_BATCH_START, type RenderEdgeAttributes, type RenderGraph, type RenderNodeAttributes } from '../render-graph';
import { createSigmaSettings } from '../settings';
import { UI_COLORS, type Theme } from '../style';
import { NO_DECORATIONS, type ViewDecorations } from '../../core/filters/decorations';

export interface ControllerCallbacks {
  onClickNode(id: string, additive: boolean): void;
  onDoubleClickNode(id: string): void;
  onRightClickNode(id: string, at: Coordinates): void;
  onClickStage(): void;
  /** A node was dragged to a new place: pin it there. */
  onDragEnd(id: string): void;
}

/** What the reducers read (hover: the hover layer). Mutated in place; never a React state. */
interface Highlight {
  hovered: string | null;
  selected: Set<string>;
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
}

export type ExplorerSigma = Sigma<RenderNodeAttributes, RenderEdgeAttributes>;

type GraphListener = (...args: unknown[]) => void;
type LooseEmitter = {
  on(event: string, l: GraphListener): unknown;
  off(event: string, l: GraphListener): unknown;
  listeners(event: string): GraphListener[];
};
/** The graph events sigma listens to (Sigma#bindGraphHandlers). */
const SIGMA_GRAPH_EVENTS = [
  'nodeAdded',
  'nodeDropped',
  'nodeAttributesUpdated',
  'eachNodeAttributesUpdated',
  'edgeAdded',
  'edgeDropped',
  'edgeAttributesUpdated',
  'eachEdgeAttributesUpdated',
  'edgesCleared',
  'cleared',
] as const;

export class SigmaController {
  readonly sigma: ExplorerSigma;
  private readonly hl: Highlight = { hovered: null, selected: new Set(), path: null };
  private readonly hover: HoverLayer;
  private readonly edgeLabels: EdgeLabelLayer;
  /** Sigma's own graph-event handlers, detached while the render graph changes in a batch. */
  private readonly sigmaGraphListeners: Array<[string, GraphListener]>;
  /** The node sigma itself holds as hovered (follows enter/leave even while dragging). */
  private sigmaHovered: string | null = null;
  /** Sigma's graph listeners are off (a batch ran) and a full re-index is due before its next frame. */
  private detached = false;
  private resyncPending = false;
  private theme: Theme;
  /** Filters of the investigation views (time, sources…): read by the reducers, replaced whole. */
  private decorations: ViewDecorations = NO_DECORATIONS;
  private dragged: string | null = null;
  private dragMoved = false;
  /** Incremented after every frame; e2e tests wait on it instead of sleeping. */
  renders = 0;
  /** Controllers (so Sigma instances and WebGL contexts) built in this page: one is the rule. */
  static constructed = 0;

  constructor(
    container: HTMLElement,
    private readonly graph: RenderGraph,
    theme: Theme,
    private readonly layout: LayoutRunner,
    private readonly cb: ControllerCallbacks,
  ) {
    this.theme = theme;
    SigmaController.constructed++;
    const settings = createSigmaSettings(() => DRAW_THEMES[this.theme]);
    const emitter = graph as unknown as LooseEmitter;
    const before = new Map(SIGMA_GRAPH_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
    this.sigma = new Sigma(graph, container, {
      ...settings,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigmaGraphListeners = SIGMA_GRAPH_EVENTS.flatMap((e) => emitter.listeners(e).filter((l) => !before.get(e)!.has(l)).map((l): [string, GraphListener] => [e, l]));
    emitter.on(RENDER_BATCH_START, this.onBatchStart);
    emitter.on(RENDER_BATCH_END, this.onBatchEnd);
    this.sigma.on('beforeRender', this.onBeforeRender);
    this.edgeLabels = new EdgeLabelLayer(this.sigma);
    this.hover = new HoverLayer(this.sigma, graph, () => this.theme);
    this.bindEvents();
  }

  // ---------------------------------------------------------------- batched graph changes

  /**
   * A batch (render-graph sync, restyle) starts: sigma stops reacting per item. Without this,
   * sigma runs its reducers twice per added item and per bulk attribute update, and re-indexes
   * the whole graph for every dropped item.
   */
  private readonly onBatchStart = (): void => {
    if (this.detached) return;
    const emitter = this.graph as unknown as LooseEmitter;
    for (const [e, l] of this.sigmaGraphListeners) emitter.off(e, l);
    this.detached = true;
  };

  /**
   * The batch ended: sigma re-indexes everything once, just before its next frame (so several
   * batches, and the synchronous pre-layout that follows a load, in one task cost one re-index).
   * Until then sigma's listeners stay detached: the re-index covers whatever changes meanwhile.
   */
  private readonly onBatchEnd = (): void => {
    this.resyncPending = true;
    this.sigma.scheduleRender();
  };

  /** Runs first in every sigma render (before it processes and draws). */
  private readonly onBeforeRender = (): void => {
    if (this.resyncPending) this.resync();
    // Sigma keeps its hovered node across a full refresh. One that left the render graph in a
    // way sigma did not see (hidden, or replaced by a query result, while the pointer was last
    // over it) would make every frame throw in its hover drawing. O(1).
    const internal = this.sigma as unknown as { hoveredNode: string | null };
    const h = internal.hoveredNode;
    if (h && !this.graph.hasNode(h)) {
      internal.hoveredNode = null;
      if (this.sigmaHovered === h) this.sigmaHovered = null;
      if (!this.dragged) this.setHover(null);
    }
  };

  /**
   * Re-attaches sigma to the render graph and re-indexes it: reducers once per item. O(nodes +
   * edges). Called before the frame after a batch, or at once by methods that read sigma's data.
   */
  private resync(): void {
    this.resyncPending = false;
    if (this.detached) {
      const emitter = this.graph as unknown as LooseEmitter;
      for (const [e, l] of this.sigmaGraphListeners) emitter.on(e, l);
      this.detached = false;
    }
    const gone = this.sigmaHovered;
    const dropNode = this.sigmaGraphListeners.find(([e]) => e === 'nodeDropped')?.[1];
    if (gone && !this.graph.hasNode(gone) && dropNode) {
      // Sigma's drop handler forgets its hovered node (a full refresh alone would keep it and
      // then fail drawing it); it also does the full refresh.
      this.sigmaHovered = null;
      dropNode({ key: gone });
    } else {
      // Inside a render this only re-indexes: the frame being drawn processes the result.
      this.sigma.refresh({ schedule: true });
    }
  }

  /** Sigma's display data must be current before it is read or repainted. O(1) unless a batch is pending. */
  private ensureIndexed(): void {
    if (this.resyncPending) this.resync();
  }

  // ---------------------------------------------------------------- reducers (run per item)

  private reduceNode(node: string, data: RenderNodeAttributes): Partial<NodeDisplayData> {
    // `data` is sigma's shallow copy of the attributes: safe to mutate, no allocation.
    const out = data as RenderNodeAttributes & { highlighted?: boolean; forceLabel?: boolean; dimmed?: boolean; hidden?: boolean };
    const ownColor = data.color;
    const { path, selected } = this.hl;
    const deco = this.decorations;
    if (deco.hideNodes.has(node)) {
      out.hidden = true;
      return out as unknown as Partial<NodeDisplayData>;
    }
    if (deco.contested.has(node)) out.forceLabel = true;
    let bright = !deco.fadeNodes.has(node);
    if (path) bright = bright && path.nodes.has(node);
    if (!bright) {
      out.color = UI_COLORS[this.theme].dimNode;
      out.label = '';
      out.dimmed = true;
    } else if (path) {
      out.forceLabel = true;
    }
    if (selected.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.dimmed = false;
      if (!bright) out.color = ownColor;
    }
    return out as unknown as Partial<NodeDisplayData>;
  }

  private reduceEdge(edge: string, data: RenderEdgeAttributes): Partial<EdgeDisplayData> {
    const out = data as RenderEdgeAttributes & { label?: string; hidden?: boolean };
    const { path, selected } = this.hl;
    const deco = this.decorations;
    if (deco.hideEdges.has(edge)) {
      out.hidden = true;
      return out as unknown as Partial<EdgeDisplayData>;
    }
    const width = deco.edgeWidth.get(edge);
    if (width !== undefined) out.size = width;
    const s = this.graph.source(edge);
    const t = this.graph.target(edge);
    if (!path && deco.fadeEdges.has(edge)) {
      out.color = UI_COLORS[this.theme].dimEdge;
    } else if (path) {
      if (path.edges.has(edge)) {
        out.label = data.relType;
        out.size = 2.6;
        out.color = UI_COLORS[this.theme].highlightEdge;
      } else {
        out.color = UI_COLORS[this.theme].dimEdge;
      }
    } else if (selected.has(s) || selected.has(t)) {
      out.label = data.relType;
      out.size = 1.8;
    }
    return out as unknown as Partial<EdgeDisplayData>;
  }

  // ---------------------------------------------------------------- state changes

  /**
   * Re-runs the reducers on the given items (all when omitted) and repaints them, without
   * re-indexing. O(items). Falls back to a scheduled full refresh when sigma has not indexed
   * a just-added item yet.
   */
  private repaint(nodes?: string[], edges?: string[]): void {
    this.ensureIndexed();
    try {
      this.sigma.refresh({
        partialGraph: { nodes: nodes ?? this.graph.nodes(), edges: edges ?? this.graph.edges() },
        skipIndexation: true,
        schedule: true,
      });
    } catch {
      this.sigma.scheduleRefresh();
    }
  }

  /** Nodes and edges touching the given nodes (what a selection change affects). */
  private around(ids: Iterable<string>): { nodes: string[]; edges: string[] } {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const id of ids) {
      if (!this.graph.hasNode(id)) continue;
      nodes.add(id);
      this.graph.forEachEdge(id, (e) => {
        edges.add(e);
      });
    }
    return { nodes: [...nodes], edges: [...edges] };
  }

  /** Hover dims the rest with the hover layer's veil, not through the reducers. O(degree). */
  private setHover(node: string | null): void {
    if (this.hl.hovered === node) return;
    this.hl.hovered = node;
    this.hover.setHovered(node);
  }

  /** Re-runs the reducers on the nodes that left or joined the selection and their edges. O(their degree). */
  setSelection(ids: readonly string[]): void {
    const next = new Set(ids.filter((id) => this.graph.hasNode(id)));
    const prev = this.hl.selected;
    if (next.size === prev.size && [...next].every((id) => prev.has(id))) return;
    this.hl.selected = next;
    // The reducers' selection branches do not depend on other items: a partial repaint suffices.
    const { nodes, edges } = this.around([...prev, ...next]);
    this.repaint(nodes, edges);
    this.updateEdgeLabels();
  }

  /** Draws a path (dims everything else) or clears it: re-runs the reducers on everything, O(nodes + edges). */
  setPath(path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): void {
    if (this.hl.path === path) return;
    this.hl.path = path;
    this.repaint();
    this.updateEdgeLabels();
  }

  /** The edges whose relationship type is written: a path's, else the selection's. O(labelled edges). */
  private updateEdgeLabels(): void {
    const { path, selected } = this.hl;
    this.edgeLabels.setEdges(path ? new Set([...path.edges].filter((e) => this.graph.hasEdge(e))) : new Set(this.around(selected).edges));
  }

  /**
   * Whether the node is drawn dimmed now: by the reducers (path, time filter) or under the hover
   * veil. O(1). (e2e tests read it through the test hook.)
   */
  isDimmed(id: string): boolean {
    this.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return false;
    if (d.color === UI_COLORS[this.theme].dimNode) return true;
    // Highlighted (selected) nodes are drawn on sigma's hover layers, above the veil.
    return !d.highlighted && this.hover.covers(id);
  }

  /** What the hover layer drew in the last frame (tests). */
  hoverLayerState(): { veiled: boolean; nodes: string[]; edges: number; canvas: HTMLCanvasElement } {
    return { veiled: this.hover.veiled, nodes: [...this.hover.drawnNodes], edges: this.hover.drawnEdges, canvas: this.sigma.getCanvases()['newsgraph-hover']! };
  }

  /**
   * Replaces the investigation views' decorations and repaints everything once (hidden flags
   * change what sigma indexes, so this re-indexes: O(nodes + edges)). Never re-installs reducers.
   */
  setDecorations(d: ViewDecorations): void {
    if (d === this.decorations) return;
    this.decorations = d;
    // (A pending re-index reads the new decorations.)
    if (this.resyncPending) this.resync();
    else this.sigma.refresh();
  }

  getHighlight(): Readonly<Highlight> {
    return this.hl;
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    // Rare: the only place a setting changes after creation.
    this.sigma.setSetting('edgeLabelColor', { color: theme === 'dark' ? '#c7d0da' : '#4a5563' });
  }

  /** Call after the render graph changed; sigma already listens to graph events, this keeps the highlight sets coherent. O(selection's degree). */
  graphChanged(): void {
    const h = this.hl;
    if (h.hovered && !this.graph.hasNode(h.hovered)) this.setHover(null);
    for (const id of [...h.selected]) if (!this.graph.hasNode(id)) h.selected.delete(id);
    this.updateEdgeLabels();
  }

  // ---------------------------------------------------------------- camera

  /** Animates the camera to a node. */
  focusNode(id: string, ratio = 0.6): void {
    this.ensureIndexed();
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

  /** Viewport position of a node (e2e tests hover and click with it). */
  nodeViewportPosition(id: string): Coordinates | null {
    this.ensureIndexed();
    const d = this.sigma.getNodeDisplayData(id);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  // ---------------------------------------------------------------- events

  private bindEvents(): void {
    const s = this.sigma;
    s.on('enterNode', ({ node }) => {
      this.sigmaHovered = node;
      if (!this.dragged) this.setHover(node);
    });
    s.on('leaveNode', () => {
      this.sigmaHovered = null;
      if (!this.dragged) this.setHover(null);
    });
    s.on('clickNode', ({ node, event }) => {
      const e = event.original as MouseEvent;
      this.cb.onClickNode(node, !!(e.shiftKey || e.metaKey || e.ctrlKey));
    });
    s.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      this.cb.onDoubleClickNode(node);
    });
    s.on('rightClickNode', ({ node, event }) => {
      (event.original as MouseEvent).preventDefault();
      this.cb.onRightClickNode(node, { x: event.x, y: event.y });
    });
    s.on('clickStage', () => this.cb.onClickStage());
    s.on('afterRender', () => {
      this.renders++;
    });

    // Drag to move and pin (sigma's documented drag pattern).
    s.on('downNode', ({ node }) => {
      this.dragged = node;
      this.dragMoved = false;
    });
    s.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      if (!this.graph.hasNode(this.dragged)) {
        this.dragged = null;
        return;
      }
      if (!this.dragMoved) {
        // The worker would fight the drag; stop it (positions so far are kept).
        this.layout.stop();
        this.dragMoved = true;
      }
      const pos = s.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: pos.x, y: pos.y, fixed: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    const end = () => {
      const node = this.dragged;
      this.dragged = null;
      if (node && this.dragMoved && this.graph.hasNode(node)) this.cb.onDragEnd(node);
      this.dragMoved = false;
    };
    s.getMouseCaptor().on('mouseup', end);
    s.getContainer().addEventListener('contextmenu', (e) => e.preventDefault());
  }

  kill(): void {
    const emitter = this.graph as unknown as LooseEmitter;
    emitter.off(RENDER_BATCH_START, this.onBatchStart);
    emitter.off(RENDER_BATCH_END, this.onBatchEnd);
    this.sigma.off('beforeRender', this.onBeforeRender);
    this.hover.kill();
    this.edgeLabels.kill();
    this.sigma.kill();
  }
}
