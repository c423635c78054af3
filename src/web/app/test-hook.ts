/**
 * A small read-only window into the explorer for end-to-end tests (window.__newsgraph): they
 * check sigma's actual state (what is dimmed, highlighted, drawn) instead of guessing from pixels.
 */
import { expandedAnchors, expansionOf, findNode, visibleGraph } from '../core/graph/graph-store';
import { SigmaController } from '../render/sigma/sigma-controller';
import type { Explorer } from './explorer';

export interface TestHook {
  explorer: Explorer;
  /** True when no request, layout or deep-link replay is under way. */
  idle(): boolean;
  /** Frames sigma has rendered so far (0 without WebGL). */
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
  neighbours(id: string): string[];
  more(anchor: string): Record<string, number>;
}

declare global {
  interface Window {
    __newsgraph?: TestHook;
  }
}

export function installTestHook(explorer: Explorer): void {
  const sigma = () => explorer.sigmaController?.sigma ?? null;
  window.__newsgraph = {
    explorer,
    idle: () => explorer.isIdle(),
    renders: () => explorer.sigmaController?.renders ?? 0,
    sigmaInstances: () => SigmaController.constructed,
    snapshot() {
      const s = explorer.state;
      const g = s.history.present.state;
      const v = visibleGraph(g, s.hiddenLabels);
      return {
        nodes: v.nodes.length,
        edges: v.edges.length,
        renderNodes: explorer.graph.order,
        renderEdges: explorer.graph.size,
        layers: g.layers.map((l) => ({ kind: l.kind, title: l.title, ...(l.anchor ? { anchor: l.anchor } : {}), ...(l.more ? { more: { ...l.more } } : {}) })),
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
    nodePosition: (id) => explorer.sigmaController?.nodeViewportPosition(id) ?? null,
    display(id) {
      const d = sigma()?.getNodeDisplayData(id);
      return d ? { ...d } : null;
    },
    isDimmed: (id) => explorer.sigmaController?.isDimmed(id) ?? false,
    neighbours: (id) => (explorer.graph.hasNode(id) ? explorer.graph.neighbors(id) : []),
    more: (anchor) => ({ ...(expansionOf(explorer.graphState, anchor)?.more ?? {}) }),
  };
}
