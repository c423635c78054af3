/**
 * A read-only window into the app for end-to-end tests (window.__newsgraph), in builds made for
 * tests only (main.tsx installs it when __NEWSGRAPH_TEST__ is set; production builds drop this
 * module). Tests check sigma's actual state — what is dimmed, hidden, drawn — instead of guessing
 * from pixels. Everything here observes the app through its public API and sigma's events.
 */
import type { NodeMergeBody } from '../../shared/api';
import type { Explorer } from '../app/explorer';
import { mergeDuplicate } from '../app/node-edit';
import { expandedAnchors, expansionOf, findNode, visibleGraph } from '../core/graph/graph-store';
import type { SigmaController } from '../render/sigma/sigma-controller';
import { remainingMore } from '../core/expansion/more';
import { UI_COLORS } from '../render/style';
import { viewsProbe, type ViewsProbe } from './views-probe';

export interface TestHook {
  explorer: Explorer;
  /** True when no request, layout, deep-link replay, camera move, play or map animation is under way. */
  idle(): boolean;
  /** Frames the current Sigma instance has rendered since it was attached (0 without WebGL). */
  renders(): number;
  /** Sigma instances this page has built (the rule: one, whatever the state changes). */
  sigmaInstances(): number;
  snapshot(): {
    nodes: number;
    edges: number;
    renderNodes: number;
    renderEdges: number;
    layers: { kind: string; title: string; anchor?: string; more?: Record<string, number> }[];
    selection: string[];
    focus: string | null;
    expanded: string[];
    hidden: string[];
    pinned: string[];
    canBack: boolean;
    canForward: boolean;
    path: { nodes: string[]; edges: string[] } | null;
    url: string;
  };
  /** Element id of a node by our `id` (or element id) — null when not loaded. */
  nodeId(ref: string): string | null;
  /** Where a node is on screen (CSS px relative to the graph container), or null. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Sigma's display data of a node after reducers: colour, label, highlighted… */
  display(id: string): Record<string, unknown> | null;
  /** Whether this node is drawn dimmed now: dimmed by the reducers (path, filters) or under the hover veil. */
  isDimmed(id: string): boolean;
  /** What the hover layer drew in the last frame, and its canvas. */
  hoverLayer(): { veiled: boolean; nodes: string[]; edges: number; canvas: HTMLCanvasElement } | null;
  neighbours(id: string): string[];
  more(anchor: string): Record<string, number>;
  /**
   * A merge as the merge dialog sends it, for a survivor that need not be on the canvas (the
   * dialog is opened on its detail, which puts it there).
   */
  merge(survivor: string, body: NodeMergeBody): Promise<unknown>;
  /** The investigation views: filters as sigma draws them, the map, the markers. */
  views: ViewsProbe;
}

declare global {
  interface Window {
    __newsgraph?: TestHook;
  }
}

export function installTestHooks(explorer: Explorer): void {
  const ctrl = () => explorer.sigmaController;
  // Sigma instances and their frames, counted from the outside: every attached controller once.
  const frames = new WeakMap<SigmaController, number>();
  let instances = 0;
  explorer.render.onSigma((c) => {
    if (!c || frames.has(c)) return;
    instances++;
    frames.set(c, 0);
    c.sigma.on('afterRender', () => frames.set(c, (frames.get(c) ?? 0) + 1));
  });
  const views = viewsProbe(explorer);

  window.__newsgraph = {
    explorer,
    idle() {
      const s = explorer.state;
      const map = s.view.map.state;
      const cameraMoving = !!ctrl()?.sigma.getCamera().isAnimated();
      return (
        explorer.api.pending === 0 &&
        !explorer.layout.isRunning() &&
        !explorer.url.replaying &&
        !s.loading &&
        !cameraMoving &&
        !s.timeline.playing &&
        map !== 'loading' &&
        map !== 'animating'
      );
    },
    renders: () => {
      const c = ctrl();
      return c ? (frames.get(c) ?? 0) : 0;
    },
    sigmaInstances: () => instances,
    snapshot() {
      const s = explorer.state;
      const g = s.history.present.state;
      const v = visibleGraph(g, s.hiddenLabels);
      return {
        nodes: v.nodes.length,
        edges: v.edges.length,
        renderNodes: explorer.graph.order,
        renderEdges: explorer.graph.size,
        layers: g.layers.map((l) => ({
          kind: l.kind,
          title: l.title,
          ...(l.anchor ? { anchor: l.anchor } : {}),
          ...(l.more ? { more: { ...l.more } } : {}),
        })),
        selection: [...s.selection],
        focus: s.focus,
        expanded: expandedAnchors(g),
        hidden: [...g.hidden],
        pinned: [...g.pinned],
        canBack: s.history.past.length > 0,
        canForward: s.history.future.length > 0,
        path: s.path ? { nodes: [...s.path.nodes], edges: [...s.path.edges] } : null,
        url: location.search,
      };
    },
    nodeId: (ref) => findNode(explorer.graphState, ref)?.id ?? null,
    nodePosition: (id) => ctrl()?.camera.nodeViewportPosition(id) ?? null,
    display(id) {
      const d = ctrl()?.sigma.getNodeDisplayData(id);
      return d ? { ...d } : null;
    },
    isDimmed(id) {
      const c = ctrl();
      if (!c) return false;
      c.ensureIndexed();
      const d = c.sigma.getNodeDisplayData(id);
      if (!d || d.hidden) return false;
      if (d.color === UI_COLORS[explorer.state.theme].dimNode) return true;
      // Highlighted (selected) nodes are drawn on sigma's hover layers, above the veil.
      const f = c.highlight.hoverFrame;
      return !d.highlighted && f.veiled && id !== f.hovered && !f.nodes.has(id);
    },
    hoverLayer() {
      const c = ctrl();
      if (!c) return null;
      const f = c.highlight.hoverFrame;
      return {
        veiled: f.veiled,
        nodes: [...f.nodes],
        edges: f.edges,
        canvas: c.sigma.getCanvases()['newsgraph-hover']!,
      };
    },
    neighbours: (id) => (explorer.graph.hasNode(id) ? explorer.graph.neighbors(id) : []),
    more: (anchor) => remainingMore(explorer.graphState, expansionOf(explorer.graphState, anchor)),
    merge: (survivor, body) => mergeDuplicate(explorer, survivor, body),
    views,
  };
}
