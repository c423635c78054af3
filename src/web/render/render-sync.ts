/**
 * The pipeline from the app state to the screen: domain graph → visible graph (legend filters)
 * → render graph (graphology) → the one Sigma instance. Keeps the render graph in line with the
 * store, hands selection, path and theme to the sigma controller, runs ForceAtlas2, and tells
 * whoever needs sigma (map, markers, test hooks) when it is attached.
 */
import { graphOf } from '../core/history/actions';
import type { GraphState } from '../core/graph/graph-store';
import { mapOwnsLayout } from '../core/map/view';
import { drawnPath } from '../core/paths/actions';
import { keepSelected } from '../core/selection/actions';
import type { Theme } from '../core/shell/actions';
import type { Perspective } from '../../shared/api/perspectives';
import { shownPerspective } from '../core/perspective/actions';
import type { AppState } from '../core/state';
import type { Store } from '../core/store';
import { LayoutRunner } from './layout';
import { createRenderGraph, type RenderGraph } from './render-graph';
import { restyle } from './restyle';
import type { SigmaController } from './sigma/sigma-controller';
import { syncView } from './view-sync';

export type SigmaListener = (ctrl: SigmaController | null) => void;

export class RenderSync {
  readonly graph: RenderGraph = createRenderGraph();
  readonly layout: LayoutRunner = new LayoutRunner(this.graph);
  private sigma: SigmaController | null = null;
  private readonly listeners = new Set<SigmaListener>();
  /** Where nodes that left the view were last drawn (they come back there). */
  private readonly positions = new Map<string, { x: number; y: number }>();
  private renderedFrom: {
    graph: GraphState;
    hiddenLabels: ReadonlySet<string>;
    theme: Theme;
    perspective: Perspective | null;
  } | null = null;
  private pushed: { selection: readonly string[]; path: unknown } | null = null;
  /** Layout runs started (the latest one reveals its nodes). */
  private runs = 0;
  /** The latest layout run's end. */
  private lastRun: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store<AppState>) {
    this.layout.onChange((running) => this.store.set({ layoutRunning: running }));
  }

  get controller(): SigmaController | null {
    return this.sigma;
  }

  /** Called with the controller when sigma is attached, and with null when it goes. */
  onSigma(listener: SigmaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  attach(ctrl: SigmaController | null): void {
    this.sigma = ctrl;
    this.pushed = null;
    if (ctrl) this.push(this.store.get());
    for (const l of [...this.listeners]) l(ctrl);
  }

  /**
   * Store listener: brings the render graph in line with the store when the graph, the legend
   * filters or the theme changed (O(view); O(change) when the graph only gained data), then hands
   * selection and path to sigma when they changed (O(their degree), a drawn path O(view)).
   */
  sync(): void {
    const s = this.store.get();
    const g = graphOf(s);
    const prev = this.renderedFrom;
    const perspective = shownPerspective(s);
    if (
      !prev ||
      prev.graph !== g ||
      prev.hiddenLabels !== s.hiddenLabels ||
      prev.theme !== s.theme ||
      prev.perspective !== perspective
    ) {
      this.renderedFrom = { graph: g, hiddenLabels: s.hiddenLabels, theme: s.theme, perspective };
      // A new perspective re-captions and recolours from the node data (the full sync below).
      if (prev && prev.graph === g && prev.hiddenLabels === s.hiddenLabels && prev.perspective === perspective) {
        restyle(this.graph, { theme: s.theme, pinned: g.pinned });
        this.sigma?.setTheme(s.theme);
      } else {
        syncView(this.graph, prev?.graph ?? null, g, s.hiddenLabels, {
          theme: s.theme,
          pinned: g.pinned,
          positions: this.positions,
        });
        this.placePins(g);
        this.sigma?.graphChanged();
        // Selected nodes may have left the view: dropped once this update is through.
        if (s.selection.some((id) => !this.graph.hasNode(id)))
          queueMicrotask(() => this.store.set(keepSelected((id) => this.graph.hasNode(id))));
      }
    }
    this.push(s);
  }

  /**
   * Node `id`, when it joins the view and is not drawn yet, is drawn where node `from` is now (a
   * merge's survivor taking its duplicate's place) or was last drawn (an undone merge's duplicate,
   * back with a new id, where the old one left the view). O(1).
   */
  takePlace(id: string, from: string): void {
    if (this.graph.hasNode(id)) return;
    const at = this.graph.hasNode(from) ? this.graph.getNodeAttributes(from) : this.positions.get(from);
    if (at) this.positions.set(id, { x: at.x, y: at.y });
  }

  /** Pinned nodes with a known place (a link's pins) are put there. O(pins). */
  private placePins(g: GraphState): void {
    if (!g.pinnedAt) return;
    for (const [id, at] of g.pinnedAt) {
      if (!this.graph.hasNode(id)) continue;
      const a = this.graph.getNodeAttributes(id);
      if (a.x !== at.x || a.y !== at.y) this.graph.mergeNodeAttributes(id, { x: at.x, y: at.y, fixed: true });
    }
  }

  private push(s: AppState): void {
    const ctrl = this.sigma;
    if (!ctrl) return;
    const path = drawnPath(s);
    if (this.pushed?.selection !== s.selection) ctrl.highlight.setSelection(s.selection);
    if (!this.pushed || this.pushed.path !== path) ctrl.highlight.setPath(path);
    this.pushed = { selection: s.selection, path };
  }

  /**
   * Runs ForceAtlas2 on its budget; a new run replaces a running one. Not on the map (it owns
   * positions). `reveal`: nodes the camera brings into the free part of the view once the run
   * is over (new neighbours), unless another run replaced this one.
   */
  runLayout(initial: boolean, reveal?: readonly string[]): void {
    if (mapOwnsLayout(this.store.get())) return;
    // The store update that added the nodes has already synced the render graph.
    const run = this.layout.run(LayoutRunner.budgetFor(this.graph.order, initial), { initial });
    const ticket = ++this.runs;
    this.lastRun = run.done;
    if (reveal?.length)
      void run.done.then(() => {
        if (ticket === this.runs && !mapOwnsLayout(this.store.get())) this.sigma?.camera.reveal(reveal);
      });
  }

  /**
   * Once the layout under way is over, frames every drawn node in the free part of the view: a
   * reopened link shows its whole view, not one node at the edge. Not on the map (it frames
   * itself), nor when another layout run started meanwhile.
   */
  frameView(): void {
    const ticket = this.runs;
    const frame = () => {
      if (ticket !== this.runs || mapOwnsLayout(this.store.get())) return;
      // A graph just replaced (a query's result) may not be processed by sigma yet, whose next frame would
      // rescale it to its new extent: the camera would aim at where the nodes were drawn before.
      this.sigma?.reindex();
      this.sigma?.camera.reveal(this.graph.nodes(), { fit: true, minRatio: FRAME_MIN_RATIO });
    };
    if (this.layout.isRunning()) void this.lastRun.then(frame);
    else frame();
  }

  /**
   * Once the layout under way is over, frames these nodes (a selection of two, for paths) in the
   * free part of the view: after any reveal of that run, which may have moved the view off one.
   */
  revealWhenSettled(ids: readonly string[]): void {
    const ticket = this.runs;
    const frame = () => {
      if (ticket !== this.runs || mapOwnsLayout(this.store.get())) return;
      this.sigma?.camera.reveal(ids, { fit: true, minRatio: FRAME_MIN_RATIO });
    };
    if (this.layout.isRunning()) void this.lastRun.then(frame);
    else frame();
  }
}

/** A framed view of one or two nodes is not zoomed closer than this (sigma camera ratio). */
const FRAME_MIN_RATIO = 0.4;
