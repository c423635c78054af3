/**
 * ForceAtlas2 in its web worker, always on a time budget: the supervisor never stops by itself.
 * A fresh supervisor per run (adding/removing nodes would make it respawn anyway); `fixed` nodes
 * (pinned by a drag) are not moved.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { RenderGraph } from './render-graph';

export interface LayoutRun {
  /** Resolves when the run stopped (budget spent, stopped, or replaced by a new run). */
  done: Promise<void>;
}

/** Synchronous pre-layout of a fresh graph: at most this long, this many iterations, this big a graph. */
const PRELAYOUT_BUDGET_MS = 250;
const PRELAYOUT_MAX_ITERATIONS = 400;
const PRELAYOUT_MAX_NODES = 3000;

export class LayoutRunner {
  private supervisor: FA2LayoutSupervisor | null = null;
  /** Cancels a run whose worker has not started yet (it starts after the next frame). */
  private pending: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private finish: (() => void) | null = null;
  private listeners = new Set<(running: boolean) => void>();

  constructor(private readonly graph: RenderGraph) {}

  /**
   * Runs the layout for at most `budgetMs` (scaled down for tiny graphs). Costs a worker spawn
   * plus one position exchange per round trip; sigma re-renders on each exchange. The worker
   * starts once the next frame is drawn: handing it the graph is O(graph) on the main thread,
   * and new nodes should show at their seed positions at once, not after that.
   */
  run(budgetMs: number, opts: { initial?: boolean } = {}): LayoutRun {
    this.stop();
    if (this.graph.order < 2) return { done: Promise.resolve() };
    const settings = this.settings();
    // A fresh graph starts from scattered positions: a short synchronous pass on the main
    // thread untangles it before the first frames, then the worker refines it visibly.
    if (opts.initial && this.graph.order <= PRELAYOUT_MAX_NODES) {
      const t0 = performance.now();
      let i = 0;
      while (i < PRELAYOUT_MAX_ITERATIONS && performance.now() - t0 < PRELAYOUT_BUDGET_MS) {
        forceAtlas2.assign(this.graph, { iterations: 10, settings, getEdgeWeight: 'weight' });
        i += 10;
      }
    }
    this.pending = afterNextFrame(() => {
      // (Emptied meanwhile: nothing to lay out; stopping while pending reports the end.)
      if (this.graph.order < 2) return this.stop();
      this.pending = null;
      const supervisor = new FA2LayoutSupervisor(this.graph, { settings, getEdgeWeight: 'weight' });
      this.supervisor = supervisor;
      supervisor.start();
      this.timer = setTimeout(() => this.stop(), budgetMs);
    });
    this.emit(true);
    const done = new Promise<void>((resolve) => {
      this.finish = resolve;
    });
    return { done };
  }

  /** ForceAtlas2 settings for news graphs: hubs (an article, a war) pull less; Barnes–Hut when big. */
  private settings() {
    return {
      ...forceAtlas2.inferSettings(this.graph),
      outboundAttractionDistribution: true,
      edgeWeightInfluence: 1,
      adjustSizes: false,
      scalingRatio: 12,
      gravity: 1,
      slowDown: 3,
    };
  }

  /** Default budget: longer for bigger graphs, bounded so the view settles quickly. */
  static budgetFor(order: number, initial: boolean): number {
    const base = initial ? 2500 : 1200;
    return Math.min(initial ? 6000 : 3000, base + order * 4);
  }

  /** A run is under way (its worker may not have started yet). */
  isRunning(): boolean {
    return this.supervisor !== null || this.pending !== null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const running = this.isRunning();
    this.pending?.();
    this.pending = null;
    this.supervisor?.kill();
    this.supervisor = null;
    if (running) this.emit(false);
    const f = this.finish;
    this.finish = null;
    f?.();
  }

  onChange(l: (running: boolean) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(running: boolean): void {
    for (const l of this.listeners) l(running);
  }
}

/**
 * Calls `fn` after the next frame is drawn (a task queued from that frame's animation callback,
 * so it runs after sigma's render of the frame); at once-ish where there are no frames (Node).
 * Returns a cancel function.
 */
function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
