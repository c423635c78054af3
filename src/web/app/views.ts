/**
 * The main area's view: the graph, the map (nodes at their places over country outlines) or the
 * claims board; and the distance card on hover. Switching to the map loads the outlines once (a
 * bundled chunk), then animates nodes there; the map owns positions until switched back.
 */
import { describeError } from '../api/client';
import { setContestedOnly } from '../core/claims/actions';
import { closeReader } from '../core/evidence/reader';
import type { UrlState } from '../core/history/url-state';
import { visibleGraph } from '../core/graph/graph-store';
import { graphOf } from '../core/history/actions';
import { loadAtlas, type Atlas } from '../core/map/atlas';
import { hoverInfo } from '../core/map/distances';
import { primaryLabel } from '../core/graph/graph-store';
import { geoLayout, type GeoLayout } from '../core/map/geo-layout';
import { trayRows } from '../core/map/tray-list';
import { mapOn, setHover, setMapStatus, setTrayRows, setViewMode, type ViewMode } from '../core/map/view';
import { MapView } from '../render/map-view';
import type { Explorer } from './explorer';

export class ViewsController {
  readonly map: MapView;
  private atlas: Atlas | null = null;
  /** The view graph last placed on the map (re-placed when it changes). */
  private placedFrom: readonly unknown[] = [];
  /** The layout on the map, and the hidden nodes its list was last given (none off the map). */
  private layout: GeoLayout | null = null;
  private trayHidden: ReadonlySet<string> | null = null;

  constructor(private readonly app: Explorer) {
    this.map = new MapView(app.render.graph, () => app.state.theme);
  }

  async setMode(mode: ViewMode): Promise<void> {
    const { app } = this;
    if (mode === app.state.view.mode) return;
    if (mode === 'claims') {
      app.store.set(setViewMode(mode));
      await app.claims.load();
      return;
    }
    app.store.set(setViewMode(mode));
    if (mode === 'map') await this.enterMap();
    else this.exitMap();
  }

  /**
   * The view, the claims board's filter and the quote a URL names. `all`: back/forward, where
   * what the URL does not name goes (the graph, no reader); a link only adds what it names.
   */
  async fromUrl(url: UrlState, all: boolean): Promise<void> {
    const { app } = this;
    if (url.mode === 'claims') app.store.set(setContestedOnly(!!url.contested));
    if (url.mode || all) await this.setMode(url.mode ?? 'graph');
    const q = url.quote;
    const open = app.state.reader?.request;
    if (q && !(open && open.article === q.article && open.start === q.start && open.end === q.end))
      await app.reader.open(q.article, q.start, q.end);
    else if (!q && all) app.store.set(closeReader());
  }

  private async enterMap(): Promise<void> {
    const { app } = this;
    if (!this.map.attached) {
      app.store.set(setMapStatus({ state: 'error', message: 'The map needs the graph view (WebGL).' }));
      return;
    }
    app.render.layout.stop();
    app.store.set(setMapStatus({ state: 'loading' }));
    try {
      this.atlas ??= await loadAtlas();
    } catch (e) {
      app.store.set(setMapStatus({ state: 'error', message: describeError(e) }));
      return;
    }
    if (app.state.view.canvasMode !== 'map') return; // switched back while loading
    this.map.enter(this.atlas, this.countriesWithPlaces(this.atlas));
    this.place(true);
  }

  /** Names of atlas countries that hold a located node (their land is tinted and labelled). */
  private countriesWithPlaces(atlas: Atlas): Set<string> {
    const out = new Set<string>();
    for (const n of this.view().nodes) {
      if (!n.labels.includes('Place')) continue;
      if (n.properties.kind === 'country' && atlas.countries.some((c) => c.name === n.caption)) out.add(n.caption);
    }
    return out;
  }

  private view() {
    const s = this.app.state;
    return visibleGraph(graphOf(s), s.hiddenLabels);
  }

  /** Computes geo positions and moves nodes there (animated on entering the map). */
  private place(animate: boolean): void {
    const { app } = this;
    const s = app.state;
    this.placedFrom = [graphOf(s), s.hiddenLabels];
    if (animate) app.store.set(setMapStatus({ state: 'animating' }));
    const layout = geoLayout(this.view(), this.map.projection);
    this.layout = layout;
    // The list beside the map before the nodes move: the first view frames the map beside it.
    this.listTray();
    this.map.place(layout, animate, () => {
      if (!animate || app.state.view.canvasMode === 'map') app.store.set(setMapStatus({ state: 'on' }));
    });
  }

  /**
   * The "Not on the map" list's rows: the layout's tray less what the filters hide, with each
   * node's degree in the render graph (what its size shows). O(t log t) for t tray nodes,
   * whatever the graph's size.
   */
  private listTray(): void {
    const layout = this.layout;
    if (!layout) return;
    const nodes = graphOf(this.app.state).nodes;
    const graph = this.app.render.graph;
    const hidden = this.app.decorations.decorations.hideNodes;
    this.trayHidden = hidden;
    this.app.store.set(
      setTrayRows(
        trayRows(
          layout.trayNodes,
          (id) => nodes.get(id),
          (n) => primaryLabel(n.labels),
          (id) => (graph.hasNode(id) ? graph.degree(id) : 0),
          hidden,
        ),
      ),
    );
  }

  private exitMap(): void {
    const { app } = this;
    const state = app.state.view.map.state;
    this.layout = null;
    app.store.set(setTrayRows([]));
    if (!this.map.attached || state === 'off' || state === 'error') {
      app.store.set(setMapStatus({ state: 'off' }));
      return;
    }
    app.store.set(setMapStatus({ state: 'animating' }));
    this.map.exit((fresh) => {
      app.store.set(setMapStatus({ state: 'off' }));
      // Nodes added while on the map have no force position yet: let the layout place them.
      if (fresh > 0) app.render.runLayout(false);
    });
  }

  /**
   * Store listener: on the map, a changed view graph is placed at once; nodes the filters hide
   * or show again (decorations, synced before this) leave or rejoin the list, not the layout.
   */
  sync(): void {
    const s = this.app.state;
    if (graphOf(s) !== this.placedFrom[0] || s.hiddenLabels !== this.placedFrom[1]) {
      if (mapOn(s)) return this.place(false);
      this.placedFrom = [graphOf(s), s.hiddenLabels];
    }
    if (this.layout && this.app.decorations.decorations.hideNodes !== this.trayHidden) this.listTray();
  }

  /** The pointer is on a node (null: left it): its distance statements, if the data has any. */
  hover(node: string | null): void {
    const s = this.app.state;
    if (node === null) {
      this.app.store.set(setHover(null));
      return;
    }
    if (!graphOf(s).nodes.has(node)) return;
    this.app.store.set(setHover(hoverInfo(graphOf(s), node, s.view.canvasMode === 'map')));
  }
}
