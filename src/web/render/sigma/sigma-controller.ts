/**
 * Owns the one Sigma instance of the page: created once (by GraphCanvas's effect), fed by the
 * render graph, never rebuilt on a state change. Reducers are installed once and read the
 * mutable `RenderLook` (reducers.ts); small controllers each own one concern of it — what stands
 * out (highlight.ts), the camera (camera.ts), pointer interaction (interaction.ts). This class
 * keeps sigma's indexation cheap across batched render-graph changes.
 */
import Sigma from 'sigma';
import { NO_DECORATIONS } from '../../core/filters/decorations';
import type { Theme } from '../../core/shell/actions';
import { DRAW_THEMES } from '../draw';
import type { LayoutRunner } from '../layout';
import { RENDER_BATCH_END, RENDER_BATCH_START } from '../render-batch';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../render-graph';
import { createSigmaSettings } from '../settings';
import { CameraController } from './camera';
import { HighlightController } from './highlight';
import { LabelDeclutter } from './label-declutter';
import { InteractionController, type ControllerCallbacks, type PointerState } from './interaction';
import { GraphDelta } from './graph-delta';
import { AppendIndex, type SigmaIndex } from './append-index';
import { createReducers, LABEL_ALL_MAX_NODES, type RenderLook } from './reducers';

export type { ControllerCallbacks } from './interaction';

export type ExplorerSigma = Sigma<RenderNodeAttributes, RenderEdgeAttributes>;

/** What the small controllers need of the Sigma instance. */
export interface SigmaHost {
  readonly sigma: ExplorerSigma;
  readonly graph: RenderGraph;
  /** Sigma's display data is current before it is read or repainted. O(1) unless a batch is pending. */
  ensureIndexed(): void;
  /** Re-indexes and redraws everything now (or with the pending batch re-index). O(nodes + edges). */
  reindex(): void;
}

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

export class SigmaController implements SigmaHost {
  readonly sigma: ExplorerSigma;
  readonly highlight: HighlightController;
  readonly camera: CameraController;
  /** Captions that avoid each other (on while the map shows). */
  readonly labels = new LabelDeclutter();
  private readonly look: RenderLook;
  private readonly pointer: PointerState = { sigmaHovered: null, dragged: null };
  /** Sigma's own graph-event handlers, detached while the render graph changes in a batch. */
  private readonly sigmaGraphListeners: Array<[string, GraphListener]>;
  /** Sigma's graph listeners are off (a batch ran) and a re-index is due before its next frame. */
  private detached = false;
  private resyncPending = false;
  /** What changed while sigma's listeners were off (recorded by `recorders`, applied by resync). */
  private delta = new GraphDelta();
  private readonly recorders: Array<[string, GraphListener]>;
  /** Indexes a batch that only added items (an expansion) without sigma's full pass. */
  private readonly appendIndex: AppendIndex;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    container: HTMLElement,
    readonly graph: RenderGraph,
    theme: Theme,
    layout: LayoutRunner,
    cb: ControllerCallbacks,
  ) {
    const labelAll = graph.order <= LABEL_ALL_MAX_NODES;
    this.look = {
      selected: new Set(),
      path: null,
      decorations: NO_DECORATIONS,
      theme,
      labelAll,
      declutter: false,
      hoveredEdge: null,
    };
    const settings = createSigmaSettings(
      () => DRAW_THEMES[this.look.theme],
      (draw) => this.labels.wrap(draw),
    );
    const emitter = graph as unknown as LooseEmitter;
    const before = new Map(SIGMA_GRAPH_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
    this.sigma = new Sigma(graph, container, { ...settings, ...createReducers(this.look, graph) });
    this.sigmaGraphListeners = SIGMA_GRAPH_EVENTS.flatMap((e) =>
      emitter
        .listeners(e)
        .filter((l) => !before.get(e)!.has(l))
        .map((l): [string, GraphListener] => [e, l]),
    );
    this.recorders = GraphDelta.listeners(() => this.delta, graph);
    this.appendIndex = new AppendIndex(this.sigma as unknown as SigmaIndex, () => graph.order + graph.size);
    emitter.on(RENDER_BATCH_START, this.onBatchStart);
    emitter.on(RENDER_BATCH_END, this.onBatchEnd);
    this.sigma.on('beforeRender', this.onBeforeRender);
    this.labels.attach(this.sigma);
    this.guardHighlightDrawing();
    // Sigma only follows the window's size; the graph area also changes when the drawer, the
    // timeline or a panel opens. A frame re-reads the container's size (O(view) re-index).
    this.resizeObserver = new ResizeObserver(() => this.sigma.scheduleRefresh());
    this.resizeObserver.observe(container);
    this.highlight = new HighlightController(this, this.look, (id) => this.labels.captionSide(id));
    this.camera = new CameraController(this);
    new InteractionController(
      this,
      this.pointer,
      layout,
      cb,
      (node) => this.highlight.setHover(node),
      (edge) => this.highlight.setEdgeHover(edge),
    );
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
    for (const [e, l] of this.recorders) emitter.on(e, l);
    this.detached = true;
  };

  /**
   * The batch ended: sigma re-indexes once, just before its next frame (so several batches, and
   * the synchronous pre-layout that follows a load, in one task cost one re-index). Until then
   * sigma's listeners stay detached and the delta records whatever changes meanwhile.
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
      if (this.pointer.sigmaHovered === h) this.pointer.sigmaHovered = null;
      if (!this.pointer.dragged) this.highlight.setHover(null);
    }
  };

  /**
   * Sigma draws its hovered and highlighted nodes on their own frames too (pointer moves), not
   * only inside a full render. A node that left the render graph while sigma's graph listeners
   * were detached (hidden, collapsed, replaced) is still in those sets then, and its missing
   * display data would make that drawing throw: such nodes are dropped before it. O(highlighted).
   */
  private guardHighlightDrawing(): void {
    const internal = this.sigma as unknown as {
      hoveredNode: string | null;
      highlightedNodes: Set<string>;
      nodeDataCache: Record<string, unknown>;
      renderHighlightedNodes: () => void;
    };
    const draw = internal.renderHighlightedNodes.bind(this.sigma);
    internal.renderHighlightedNodes = () => {
      const cache = internal.nodeDataCache;
      const h = internal.hoveredNode;
      if (h && !cache[h]) {
        internal.hoveredNode = null;
        if (this.pointer.sigmaHovered === h) this.pointer.sigmaHovered = null;
        if (!this.pointer.dragged) this.highlight?.setHover(null);
      }
      for (const n of internal.highlightedNodes) if (!cache[n]) internal.highlightedNodes.delete(n);
      draw();
    };
  }

  /**
   * Re-attaches sigma to the render graph and brings its index up to date: when the batch only
   * added items (append-index.ts), those alone; else the items that changed meanwhile (reducers
   * once each) when they are few, or everything, and sigma's next frame re-processes the whole
   * graph. Called before the frame after a batch, or at once by methods that read sigma's data.
   */
  private resync(): void {
    this.resyncPending = false;
    const delta = this.delta;
    this.delta = new GraphDelta();
    if (this.detached) {
      const emitter = this.graph as unknown as LooseEmitter;
      for (const [e, l] of this.recorders) emitter.off(e, l);
      for (const [e, l] of this.sigmaGraphListeners) emitter.on(e, l);
      this.detached = false;
    }
    const gone = this.pointer.sigmaHovered;
    if (gone && !this.graph.hasNode(gone)) this.pointer.sigmaHovered = null;
    const internal = this.sigma as unknown as {
      hoveredNode: string | null;
      removeNode(key: string): void;
      removeEdge(key: string): void;
    };
    if (!delta.full && delta.size() <= (this.graph.order + this.graph.size) / 2) {
      // Only added items (and a few restyled in place): indexed as they are, no full pass.
      if (this.appendIndex.apply(delta)) {
        this.sigma.scheduleRender();
        return;
      }
      const graph = this.graph;
      // Sigma's own drop handlers do these and then re-index everything, which is not needed:
      // its next process() rebuilds the programs from the graph.
      for (const e of delta.droppedEdges) if (!graph.hasEdge(e)) internal.removeEdge(e);
      for (const n of delta.droppedNodes) if (!graph.hasNode(n)) internal.removeNode(n);
      const nodes = delta.nodesAll ? graph.nodes() : [...delta.nodes].filter((n) => graph.hasNode(n));
      const edges = [...delta.edges].filter((e) => graph.hasEdge(e));
      this.sigma.refresh({ partialGraph: { nodes, edges }, schedule: true });
      return;
    }
    // Sigma keeps its hovered node across a full refresh (and would fail drawing it).
    if (internal.hoveredNode && !this.graph.hasNode(internal.hoveredNode)) internal.removeNode(internal.hoveredNode);
    // Inside a render this only re-indexes: the frame being drawn processes the result.
    this.sigma.refresh({ schedule: true });
  }

  ensureIndexed(): void {
    if (this.resyncPending) this.resync();
  }

  reindex(): void {
    // (A pending re-index reads the new state; everything, as the caller changed what all reducers read.)
    this.delta.full = true;
    if (this.resyncPending) this.resync();
    else this.sigma.refresh();
  }

  // ---------------------------------------------------------------- state changes

  setTheme(theme: Theme): void {
    if (theme === this.look.theme) return;
    this.look.theme = theme;
    // Rare: the only place a setting changes after creation.
    this.sigma.setSetting('edgeLabelColor', { color: theme === 'dark' ? '#c7d0da' : '#4a5563' });
  }

  /**
   * Captions that avoid each other, chosen among every node's (the map, where places and events
   * pile up around a town), or sigma's label grid (the force layout). Re-runs the reducers: O(view).
   */
  setDeclutter(on: boolean): void {
    if (on === this.look.declutter) return;
    this.look.declutter = on;
    this.labels.setActive(on);
    this.sigma.refresh({ schedule: true });
  }

  /** Call after the render graph changed; sigma already listens to graph events, this keeps the highlight sets coherent. */
  graphChanged(): void {
    // (Read by the reducers at the re-index the change already schedules: every node's, when it flips.)
    const labelAll = this.graph.order <= LABEL_ALL_MAX_NODES;
    if (labelAll !== this.look.labelAll) {
      this.look.labelAll = labelAll;
      if (this.resyncPending) this.delta.full = true;
      else this.sigma.refresh({ schedule: true });
    }
    this.highlight.graphChanged();
  }

  kill(): void {
    const emitter = this.graph as unknown as LooseEmitter;
    emitter.off(RENDER_BATCH_START, this.onBatchStart);
    emitter.off(RENDER_BATCH_END, this.onBatchEnd);
    this.sigma.off('beforeRender', this.onBeforeRender);
    this.resizeObserver.disconnect();
    this.highlight.kill();
    this.labels.kill();
    this.sigma.kill();
  }
}
