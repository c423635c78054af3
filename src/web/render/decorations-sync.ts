/**
 * The investigation views' filters on the canvas: recomputes the decorations (what to fade,
 * hide, ring, thicken; core/filters/decorations.ts) when the graph or a filter changed, hands
 * them to sigma in one call (reducers are never re-installed) and rings contested events on the
 * marker layer. Keeps `shown` (what is left on screen) in the store.
 */
import {
  computeDecorations,
  NO_DECORATIONS,
  sameDecorations,
  sameShown,
  shownCounts,
  withAddedItems,
  type ViewDecorations,
} from '../core/filters/decorations';
import { isEmptyFilter } from '../core/filters/filter';
import { countedLabels, isShown, visibleGraph, type GraphState } from '../core/graph/graph-store';
import { viewChange } from '../core/graph/view-change';
import { graphOf } from '../core/history/actions';
import { publicationDays } from '../core/timeline/time-filter';
import type { AppState } from '../core/state';
import type { Store } from '../core/store';
import { MarkerLayer } from './layers/marker-layer';
import type { SigmaController } from './sigma/sigma-controller';
import { EDGE_SIZE } from './style';

export class DecorationsSync {
  private current: ViewDecorations = NO_DECORATIONS;
  /** The state slices the decorations were computed from (recomputed when one changes). */
  private from: readonly unknown[] = [];
  private ctrl: SigmaController | null = null;
  private markers: MarkerLayer | null = null;

  constructor(private readonly store: Store<AppState>) {}

  get decorations(): ViewDecorations {
    return this.current;
  }

  /** A new Sigma instance (or none): the marker layer goes with it; the decorations are handed over. */
  attach(ctrl: SigmaController | null): void {
    this.markers?.kill();
    this.markers = null;
    this.ctrl = ctrl;
    if (!ctrl) return;
    this.markers = new MarkerLayer(
      ctrl.sigma,
      () => this.store.get().theme,
      (id) => this.current.fadeNodes.has(id),
    );
    this.push();
  }

  /**
   * Store listener: recomputes when the graph, the legend, a filter, the canvas mode or the
   * timeline changed. O(view) then, except for the usual expansion (only the graph gained items,
   * no filter, not on the map): O(its items).
   */
  sync(): void {
    const s = this.store.get();
    const from = [graphOf(s), s.hiddenLabels, s.filters, s.view.canvasMode, s.timeline.data, s.perspective];
    if (from.every((x, i) => x === this.from[i])) return;
    const prev = this.from;
    this.from = from;
    if (this.byChange(prev, from, s)) return;
    const g = visibleGraph(graphOf(s), s.hiddenLabels);
    const articles = s.timeline.data?.articles ?? [];
    const next = computeDecorations(g, {
      filters: s.filters,
      published: publicationDays(
        g,
        articles.filter((a) => a.key).map((a): [string, string] => [a.key!, a.published]),
      ),
      flagged: (s.timeline.data?.events ?? []).filter((e) => e.contested).map((e) => e.id),
      map: s.view.canvasMode === 'map',
      baseEdgeSize: EDGE_SIZE,
    });
    const shown = shownCounts(g, next, (n) => countedLabels(n.labels));
    if (!sameShown(shown, s.shown)) this.store.set({ shown });
    if (sameDecorations(next, this.current)) return;
    this.current = next;
    this.push();
  }

  /** The update for a graph that only gained items since `prev`, when that is all that changed. */
  private byChange(prev: readonly unknown[], from: readonly unknown[], s: AppState): boolean {
    if (!prev.length || !from.every((x, i) => i === 0 || x === prev[i])) return false;
    if (!isEmptyFilter(s.filters) || s.view.canvasMode === 'map') return false;
    const before = prev[0] as GraphState;
    const after = from[0] as GraphState;
    const change = viewChange(before, after, s.hiddenLabels);
    if (!change) return false;
    // (viewChange: a node it lists that the old view had was drawn there; an edge, when both ends were.)
    const drawnBefore = (id: string) => {
      const n = before.nodes.get(id);
      return n && isShown(before, n, s.hiddenLabels) ? n : undefined;
    };
    const next = withAddedItems(
      this.current,
      s.shown,
      {
        nodes: change.nodes.map((node) => ({ node, was: drawnBefore(node.id) })),
        edges: change.edges.map((edge) => ({
          edge,
          drawn: before.edges.has(edge.id) && !!drawnBefore(edge.source) && !!drawnBefore(edge.target),
        })),
      },
      (n) => countedLabels(n.labels),
      EDGE_SIZE,
    );
    if (!next) return false;
    if (!sameShown(next.shown, s.shown)) this.store.set({ shown: next.shown });
    if (next.decorations === this.current) return true;
    this.current = next.decorations;
    // Only the widths of the listed edges changed: those are repainted, nothing re-indexed.
    this.ctrl?.highlight.setDecorations(this.current, next.widened);
    return true;
  }

  private push(): void {
    this.ctrl?.highlight.setDecorations(this.current);
    this.markers?.setNodes(this.current.contested);
  }
}
