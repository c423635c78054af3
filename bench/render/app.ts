/**
 * The app's own render pipeline, composed exactly as src/web/render/render-sync.ts does it (minus React
 * and the API client, which are not on the render path): the domain store (replaceWith /
 * expand) → syncView (the visible view → syncRenderGraph, or only an expansion's additions) into
 * the graphology render graph → the one
 * SigmaController (created before data arrives, as GraphCanvas does) → LayoutRunner
 * (synchronous pre-layout + ForceAtlas2 worker on a budget, started after the next frame).
 */
import './probe';
import type { GraphPayload } from '../../src/shared/graph';
import { LayoutRunner } from '../../src/web/render/layout';
import { createRenderGraph, syncRenderGraph } from '../../src/web/render/render-graph';
import { syncView } from '../../src/web/render/view-sync';
import { SigmaController } from '../../src/web/render/sigma/sigma-controller';
import { EMPTY_GRAPH, expand, replaceWith, visibleGraph, type GraphState } from '../../src/web/core/graph/graph-store';
import { afterRender, endOn, hoverTargetsOn, panStepOn, syncAll, type BenchApi } from './harness';
import { begin, snapshot, timeSync, workerMessageCount } from './probe';

const container = document.getElementById('graph')!;
const theme = 'light' as const;
const graph = createRenderGraph();
const layout = new LayoutRunner(graph);
const positions = new Map<string, { x: number; y: number }>();
const noop = () => {};
const ctrl = new SigmaController(container, graph, theme, layout, {
  onClickNode: noop,
  onDoubleClickNode: noop,
  onRightClickNode: noop,
  onClickStage: noop,
  onDragEnd: noop,
});
const sigma = ctrl.sigma;
let state: GraphState = EMPTY_GRAPH;
let t0 = 0;

/** The legend filter: none, the same set from one store update to the next (as in the app's store). */
const hiddenLabels: ReadonlySet<string> = new Set();
/** The state the render graph was last synced from (RenderSync's renderedFrom). */
let renderedFrom: GraphState | null = null;

/**
 * RenderSync.sync: store state → render graph (by the change alone when the state only added
 * data to the one last rendered, as in the app); returns the ms spent, and how it synced.
 */
function sync(): { syncMs: number; by: 'change' | 'view' } {
  const a = performance.now();
  const { by } = syncView(graph, renderedFrom, state, hiddenLabels, { theme, pinned: state.pinned, positions });
  renderedFrom = state;
  ctrl.graphChanged();
  return { syncMs: performance.now() - a, by };
}

const api: BenchApi = {
  async load(url) {
    const payload = (await (await fetch(url)).json()) as GraphPayload;
    begin();
    const start = performance.now();
    const rendered = afterRender(sigma);
    let phases = { storeMs: 0, syncMs: 0 };
    timeSync(() => {
      state = replaceWith(state, payload, { kind: 'overview', title: 'Overview' });
      phases = { storeMs: performance.now() - start, syncMs: sync().syncMs };
    });
    const built = performance.now();
    // RenderSync.runLayout(true): synchronous pre-layout, then the worker.
    timeSync(() => layout.run(LayoutRunner.budgetFor(graph.order, true), { initial: true }));
    const preLayoutMs = performance.now() - built;
    await rendered;
    const mainMs = snapshot().mainMs;
    syncAll(sigma);
    const firstFrameMs = performance.now() - start;
    layout.stop();
    // The same build again on a scratch graph no sigma listens to: warm code (the difference to
    // buildMs is mostly the first run's compilation).
    const t1 = performance.now();
    const s2 = replaceWith(EMPTY_GRAPH, payload, { kind: 'overview', title: 'Overview' });
    syncRenderGraph(createRenderGraph(), visibleGraph(s2, new Set()), {
      theme,
      pinned: s2.pinned,
      positions: new Map(),
    });
    const warmMs = performance.now() - t1;
    return {
      buildMs: built - start,
      firstFrameMs,
      firstFrameMainMs: mainMs,
      preLayoutMs,
      nodes: graph.order,
      edges: graph.size,
      profile: { ...phases, warmMs },
    };
  },
  panStep: (i) => panStepOn(sigma, i),
  hoverTargets: (k) => hoverTargetsOn(sigma, k),
  begin() {
    begin();
    t0 = performance.now();
  },
  end: () => endOn(sigma, () => ctrl.highlight.hovered, t0),
  async expand(_round, url) {
    const payload = (await (await fetch(url)).json()) as GraphPayload & { anchor: string };
    begin();
    const start = performance.now();
    const before = graph.order;
    const rendered = afterRender(sigma);
    timeSync(() => {
      state = expand(state, payload.anchor, payload, {}, 'Expanded');
      sync();
      // RenderSync.runLayout(false)
      layout.run(LayoutRunner.budgetFor(graph.order, false));
    });
    await rendered;
    const mainMs = snapshot().mainMs;
    syncAll(sigma);
    const frameMs = performance.now() - start;
    layout.stop();
    return { mainMs, frameMs, added: graph.order - before };
  },
  async fa2(ms) {
    const c0 = workerMessageCount();
    const start = performance.now();
    layout.run(ms + 60_000);
    await new Promise((r) => setTimeout(r, ms));
    const iterations = workerMessageCount() - c0;
    const elapsed = performance.now() - start;
    layout.stop();
    return { iterations, perSec: (iterations * 1000) / elapsed };
  },
  counts: () => ({ nodes: graph.order, edges: graph.size }),
};

window.__bench = api;
window.__benchReady = true;
