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
  type ViewDecorations,
} from '../core/filters/decorations';
import { countedLabels, visibleGraph } from '../core/graph/graph-store';
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

  /** Store listener: recomputes when the graph, the legend, a filter, the canvas mode or the timeline changed. O(view) then. */
  sync(): void {
    const s = this.store.get();
    const from = [graphOf(s), s.hiddenLabels, s.filters, s.view.canvasMode, s.timeline.data, s.perspective];
    if (from.every((x, i) => x === this.from[i])) return;
    this.from = from;
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

  private push(): void {
    this.ctrl?.highlight.setDecorations(this.current);
    this.markers?.setNodes(this.current.contested);
  }
}
