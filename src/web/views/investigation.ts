/**
 * The investigation views' controller: timeline filters, "as reported by", single-source filter,
 * map mode, the claims board and the evidence reader. Created once per page beside the Explorer;
 * it reads the explorer's store, computes decorations with pure functions (views/filter.ts) and
 * hands them to the sigma controller in one call per change — reducers are never re-installed.
 */
import { animateNodes } from 'sigma/utils';
import type { ArticleEvidenceResponse, ClaimsResponse, TimelineResponse } from '../../shared/api';
import type { GraphEdge } from '../../shared/graph';
import { describeError, type ApiClient } from '../api/client';
import type { Explorer } from '../app/explorer';
import type { SigmaController } from '../render/sigma/sigma-controller';
import { EDGE_SIZE } from '../render/style';
import { visibleGraph } from '../core/graph/graph-store';
import { createStore, type Store } from '../core/store';
import { MarkerLayer } from '../render/layers/marker-layer';
import { corroboration, corroborationWidth } from '../core/evidence/corroboration';
import { NO_DECORATIONS, type ViewDecorations } from '../core/filters/decorations';
import { computeViewFilter, contestedEvents, NO_FILTERS, type InvestigationFilters } from '../core/filters/filter';
import { loadAtlas, type Atlas } from '../core/map/atlas';
import { createProjection, geoLayout, nodeLocation, type GeoLayout } from '../core/map/geo-layout';
import { MapLayer, type GeoToGraph } from '../render/layers/map-layer';
import { publicationDays, type DateRange, type ViewGraph } from '../core/timeline/time-filter';

export type ViewMode = 'graph' | 'map' | 'claims';
export type TimeMode = 'happened' | 'reported';

export interface ReaderState {
  request: { article: string; start: number; end: number };
  status: 'loading' | 'ok' | 'error';
  data: ArticleEvidenceResponse | null;
  error: string | null;
}

export interface HoverInfo {
  node: string;
  caption: string;
  lines: string[];
}

export interface InvestigationState {
  mode: ViewMode;
  /** The last graph-like mode (what the claims board returns to). */
  canvasMode: 'graph' | 'map';
  timeMode: TimeMode;
  filters: InvestigationFilters;
  timeline: TimelineResponse | null;
  timelineError: string | null;
  claims: ClaimsResponse | null;
  claimsFor: string | null;
  claimsLoading: boolean;
  claimsError: string | null;
  contestedOnly: boolean;
  reader: ReaderState | null;
  playing: boolean;
  mapStatus: { state: 'off' | 'loading' | 'animating' | 'on' | 'error'; message?: string };
  hover: HoverInfo | null;
  /** What the filters leave on screen (nodes/edges drawn, i.e. not hidden). */
  shown: { nodes: number; edges: number; hiddenEdges: number; fadedNodes: number };
}

const MAP_ANIMATION_MS = 900;
const PLAY_STEP_MS = 1100;

export class Investigation {
  readonly store: Store<InvestigationState>;
  readonly api: ApiClient;
  private sigma: SigmaController | null = null;
  private mapLayer: MapLayer | null = null;
  private markers: MarkerLayer | null = null;
  private atlas: Atlas | null = null;
  readonly projection = createProjection();
  private forcePositions = new Map<string, { x: number; y: number }>();
  private geo: { layout: GeoLayout; toGraph: GeoToGraph } | null = null;
  private cancelAnimation: (() => void) | null = null;
  private decorations: ViewDecorations = NO_DECORATIONS;
  private lastGraph: unknown = null;
  private lastHiddenLabels: unknown = null;
  private playTimer: ReturnType<typeof setInterval> | null = null;

  constructor(readonly explorer: Explorer) {
    this.api = explorer.api;
    this.store = createStore<InvestigationState>({
      mode: 'graph',
      canvasMode: 'graph',
      timeMode: 'happened',
      filters: NO_FILTERS,
      timeline: null,
      timelineError: null,
      claims: null,
      claimsFor: null,
      claimsLoading: false,
      claimsError: null,
      contestedOnly: false,
      reader: null,
      playing: false,
      mapStatus: { state: 'off' },
      hover: null,
      shown: { nodes: 0, edges: 0, hiddenEdges: 0, fadedNodes: 0 },
    });
    explorer.store.subscribe(() => this.onExplorerChange());
    explorer.layoutOwner = this;
  }

  get state(): InvestigationState {
    return this.store.get();
  }

  /** Nothing loading, animating or playing (e2e tests wait on this). */
  isIdle(): boolean {
    const s = this.state;
    return this.api.pending === 0 && !s.playing && s.mapStatus.state !== 'loading' && s.mapStatus.state !== 'animating';
  }

  async start(): Promise<void> {
    await this.loadTimeline();
  }

  async loadTimeline(): Promise<void> {
    try {
      const timeline = await this.api.timeline({ granularity: 'month' });
      this.store.set({ timeline, timelineError: null });
      this.recompute(true);
    } catch (e) {
      this.store.set({ timelineError: describeError(e) });
    }
  }

  // ------------------------------------------------------------------ sigma attachment

  private onExplorerChange(): void {
    const ctrl = this.explorer.sigmaController;
    if (ctrl !== this.sigma) this.attach(ctrl);
    const s = this.explorer.state;
    const g = s.history.present.state;
    if (g !== this.lastGraph || s.hiddenLabels !== this.lastHiddenLabels) {
      this.lastGraph = g;
      this.lastHiddenLabels = s.hiddenLabels;
      this.recompute(false);
      if (this.state.canvasMode === 'map' && this.state.mapStatus.state === 'on') this.placeOnMap(false);
    }
  }

  private attach(ctrl: SigmaController | null): void {
    this.mapLayer?.kill();
    this.markers?.kill();
    this.mapLayer = null;
    this.markers = null;
    this.sigma = ctrl;
    if (!ctrl) return;
    const theme = () => this.explorer.state.theme;
    this.mapLayer = new MapLayer(ctrl.sigma, this.projection, theme);
    this.mapLayer.show(false);
    this.markers = new MarkerLayer(ctrl.sigma, theme, (id) => this.decorations.fadeNodes.has(id));
    ctrl.sigma.on('enterNode', ({ node }) => this.setHover(node));
    ctrl.sigma.on('leaveNode', () => this.setHover(null));
    this.push();
  }

  // ------------------------------------------------------------------ decorations

  private view(): ViewGraph {
    const s = this.explorer.state;
    return visibleGraph(s.history.present.state, s.hiddenLabels);
  }

  /** Article key → publication day: from the graph, completed by the timeline's article list. */
  private published(g: ViewGraph): Map<string, string> {
    const extra: [string, string][] = (this.state.timeline?.articles ?? []).filter((a) => a.key).map((a) => [a.key!, a.published]);
    return publicationDays(g, extra);
  }

  /** Recomputes the decorations from the graph and the filters, and repaints once. O(nodes + edges). */
  private recompute(force: boolean): void {
    const g = this.view();
    const f = this.state.filters;
    const filter = computeViewFilter(g, f, this.published(g));
    const flagged = (this.state.timeline?.events ?? []).filter((e) => e.contested).map((e) => e.id);
    const contested = contestedEvents(g, flagged);
    const edgeWidth = new Map<string, number>();
    for (const e of g.edges) {
      const w = this.widthOf(e, filter.sourcesThen);
      if (w !== EDGE_SIZE) edgeWidth.set(e.id, w);
    }
    let { fadeNodes, fadeEdges, hideEdges } = filter;
    if (this.state.canvasMode === 'map') {
      // On the map, geography leads: mentions (article → everything) are not drawn, and claims
      // and articles recede (hover still shows them).
      const fn = new Set(fadeNodes);
      const fe = new Set(fadeEdges);
      const he = new Set(hideEdges);
      for (const n of g.nodes) if (n.labels.includes('Claim') || n.labels.includes('Article')) fn.add(n.id);
      for (const e of g.edges) {
        if (e.type === 'MENTIONS') he.add(e.id);
        else if (fn.has(e.source) || fn.has(e.target)) fe.add(e.id);
      }
      fadeNodes = fn;
      fadeEdges = fe;
      hideEdges = he;
    }
    const next: ViewDecorations = {
      fadeNodes,
      fadeEdges,
      hideNodes: filter.hideNodes,
      hideEdges,
      contested,
      edgeWidth,
    };
    if (!force && sameDecorations(next, this.decorations)) return;
    this.decorations = next;
    let hiddenEdges = 0;
    for (const e of g.edges) if (next.hideEdges.has(e.id)) hiddenEdges++;
    let hiddenNodes = 0;
    for (const n of g.nodes) if (next.hideNodes.has(n.id)) hiddenNodes++;
    this.store.set({
      shown: { nodes: g.nodes.length - hiddenNodes, edges: g.edges.length - hiddenEdges, hiddenEdges, fadedNodes: next.fadeNodes.size },
    });
    this.push();
  }

  private widthOf(e: GraphEdge, then: ReadonlyMap<string, number> | null): number {
    if (e.type === 'CONTRADICTS') return EDGE_SIZE * 2.4;
    const sources = then?.get(e.id) ?? corroboration(e.properties).sources;
    return corroborationWidth(EDGE_SIZE, sources);
  }

  private push(): void {
    this.sigma?.setDecorations(this.decorations);
    this.markers?.setNodes(this.decorations.contested);
  }

  getDecorations(): ViewDecorations {
    return this.decorations;
  }

  // ------------------------------------------------------------------ filters

  private setFilters(patch: Partial<InvestigationFilters>): void {
    this.store.set((s) => ({ ...s, filters: { ...s.filters, ...patch } }));
    this.recompute(false);
  }

  setRange(range: DateRange | null): void {
    if (range && range.from > range.to) range = { from: range.to, to: range.from };
    this.setFilters({ range });
  }

  setAsOf(asOf: string | null): void {
    this.setFilters({ asOf });
    if (this.state.mode === 'claims') void this.loadClaims();
  }

  setTimeMode(timeMode: TimeMode): void {
    this.pause();
    const last = this.state.timeline?.articles.at(-1)?.published ?? null;
    this.store.set({ timeMode });
    if (timeMode === 'reported') this.setFilters({ range: null, asOf: this.state.filters.asOf ?? last });
    else this.setFilters({ asOf: null });
    if (this.state.mode === 'claims') void this.loadClaims();
  }

  setHideOutside(hideOutside: boolean): void {
    this.setFilters({ hideOutside });
  }

  setHideSingleSource(hideSingleSource: boolean): void {
    this.setFilters({ hideSingleSource });
  }

  clearTime(): void {
    this.pause();
    this.setFilters({ range: null, asOf: null });
    this.store.set({ timeMode: 'happened' });
  }

  /** Steps through time: the brush window moves a month per step; "as reported by" walks the publication days. */
  play(): void {
    const t = this.state.timeline;
    if (!t || this.state.playing) return;
    const days = [...t.events.map((e) => e.start), ...t.articles.map((a) => a.published)].sort();
    if (!days.length) return;
    const first = days[0]!;
    const last = days[days.length - 1]!;
    this.store.set({ playing: true });
    const step = () => {
      const s = this.state;
      if (s.timeMode === 'reported') {
        const pubs = [...new Set(t.articles.map((a) => a.published))].sort();
        const cur = s.filters.asOf;
        const next = cur === null || cur >= pubs[pubs.length - 1]! ? pubs[0] : pubs.find((p) => p > cur);
        if (!next) return this.pause();
        this.setAsOf(next);
        if (next === pubs[pubs.length - 1]) this.pause();
      } else {
        const r = s.filters.range;
        const width = r ? daysBetween(r.from, r.to) : 91;
        const from = r && r.to < last ? addMonths(r.from, 1) : first;
        const to = addDays(from, width);
        this.setRange({ from, to });
        if (to >= last) this.pause();
      }
    };
    step();
    if (this.state.playing) this.playTimer = setInterval(step, PLAY_STEP_MS);
  }

  pause(): void {
    if (this.playTimer) clearInterval(this.playTimer);
    this.playTimer = null;
    if (this.state.playing) this.store.set({ playing: false });
  }

  // ------------------------------------------------------------------ modes

  async setMode(mode: ViewMode): Promise<void> {
    const s = this.state;
    if (mode === s.mode) return;
    if (mode === 'claims') {
      this.store.set({ mode });
      await this.loadClaims();
      return;
    }
    this.store.set({ mode, canvasMode: mode });
    this.recompute(false);
    if (mode === 'map') await this.enterMap();
    else this.exitMap();
  }

  private async enterMap(): Promise<void> {
    const ctrl = this.sigma;
    if (!ctrl) {
      this.store.set({ mapStatus: { state: 'error', message: 'The map needs the graph view (WebGL).' } });
      return;
    }
    this.explorer.layout.stop();
    this.store.set({ mapStatus: { state: 'loading' } });
    try {
      this.atlas ??= await loadAtlas();
    } catch (e) {
      this.store.set({ mapStatus: { state: 'error', message: describeError(e) } });
      return;
    }
    if (this.state.canvasMode !== 'map') return; // switched back while loading
    const graph = this.explorer.graph;
    this.forcePositions = new Map();
    graph.forEachNode((id, a) => this.forcePositions.set(id, { x: a.x, y: a.y }));
    // Freeze sigma's normalization on the current extent: the map is fitted into it, so nothing jumps.
    ctrl.sigma.setCustomBBox(ctrl.sigma.getBBox());
    this.mapLayer?.setAtlas(this.atlas, this.countriesWithPlaces());
    this.placeOnMap(true);
    this.mapLayer?.show(true);
  }

  /** Names of atlas countries that hold a located node (their land is tinted and labelled). */
  private countriesWithPlaces(): Set<string> {
    const out = new Set<string>();
    if (!this.atlas) return out;
    for (const n of this.view().nodes) {
      if (!n.labels.includes('Place')) continue;
      if (n.properties.kind === 'country' && this.atlas.countries.some((c) => c.name === n.caption)) out.add(n.caption);
    }
    return out;
  }

  /** Computes geo positions and moves nodes there (animated on entering the map). */
  private placeOnMap(animate: boolean): void {
    const ctrl = this.sigma;
    if (!ctrl) return;
    const layout = geoLayout(this.view(), this.projection);
    const bbox = ctrl.sigma.getCustomBBox() ?? ctrl.sigma.getBBox();
    const focus = layout.focus ?? { x: [-50, 50] as [number, number], y: [-50, 50] as [number, number] };
    const fw = Math.max(1e-6, focus.x[1] - focus.x[0]);
    const fh = Math.max(1e-6, focus.y[1] - focus.y[0]);
    const bw = Math.max(1e-6, bbox.x[1] - bbox.x[0]);
    const bh = Math.max(1e-6, bbox.y[1] - bbox.y[0]);
    const s = Math.min(bw / fw, bh / fh);
    const toGraph: GeoToGraph = {
      s,
      tx: (bbox.x[0] + bbox.x[1]) / 2 - s * ((focus.x[0] + focus.x[1]) / 2),
      ty: (bbox.y[0] + bbox.y[1]) / 2 - s * ((focus.y[0] + focus.y[1]) / 2),
    };
    this.geo = { layout, toGraph };
    this.mapLayer?.setGeoToGraph(toGraph);
    const targets: Record<string, { x: number; y: number }> = {};
    const graph = this.explorer.graph;
    for (const [id, p] of layout.positions) {
      if (graph.hasNode(id)) targets[id] = { x: toGraph.s * p.x + toGraph.tx, y: toGraph.s * p.y + toGraph.ty };
    }
    this.cancelAnimation?.();
    if (!animate) {
      for (const [id, p] of Object.entries(targets)) graph.mergeNodeAttributes(id, p);
      this.store.set({ mapStatus: { state: 'on' } });
      return;
    }
    this.store.set({ mapStatus: { state: 'animating' } });
    this.cancelAnimation = animateNodes(graph, targets, { duration: MAP_ANIMATION_MS, easing: 'quadraticInOut' }, () => {
      this.cancelAnimation = null;
      if (this.state.canvasMode === 'map') this.store.set({ mapStatus: { state: 'on' } });
    });
  }

  private exitMap(): void {
    const ctrl = this.sigma;
    if (!ctrl || this.state.mapStatus.state === 'off' || this.state.mapStatus.state === 'error') {
      this.store.set({ mapStatus: { state: 'off' } });
      return;
    }
    this.cancelAnimation?.();
    const graph = this.explorer.graph;
    const targets: Record<string, { x: number; y: number }> = {};
    let fresh = 0;
    graph.forEachNode((id) => {
      const p = this.forcePositions.get(id);
      if (p) targets[id] = p;
      else fresh++;
    });
    this.store.set({ mapStatus: { state: 'animating' } });
    this.cancelAnimation = animateNodes(graph, targets, { duration: MAP_ANIMATION_MS, easing: 'quadraticInOut' }, () => {
      this.cancelAnimation = null;
      this.mapLayer?.show(false);
      ctrl.sigma.setCustomBBox(null);
      this.geo = null;
      this.store.set({ mapStatus: { state: 'off' } });
      // Nodes added while on the map have no force position yet: let the layout place them.
      if (fresh > 0) this.explorer.runLayout(false);
    });
  }

  /** In map mode the map owns node positions: the explorer asks before running ForceAtlas2. */
  ownsLayout(): boolean {
    return this.state.canvasMode === 'map' && this.state.mapStatus.state !== 'off';
  }

  /** Graph coordinates → the node's lon/lat on the map (for tests and tooltips), when placed. */
  geoInfo(): { layout: GeoLayout; toGraph: GeoToGraph } | null {
    return this.geo;
  }

  /** The loaded atlas (null before the map was first opened). */
  getAtlas(): Atlas | null {
    return this.atlas;
  }

  mapFrames(): number {
    return this.mapLayer?.frames ?? 0;
  }

  markersDrawn(): number {
    return this.markers?.drawn ?? 0;
  }

  // ------------------------------------------------------------------ hover: distance statements

  private setHover(node: string | null): void {
    if (!node) {
      if (this.state.hover) this.store.set({ hover: null });
      return;
    }
    const g = this.explorer.graphState;
    const n = g.nodes.get(node);
    if (!n) return;
    const lines: string[] = [];
    for (const e of g.edges.values()) {
      if (e.source !== node && e.target !== node) continue;
      const text = typeof e.properties.distance_text === 'string' ? e.properties.distance_text : null;
      const miles = typeof e.properties.distance_miles === 'number' ? e.properties.distance_miles : null;
      if (!text && miles === null) continue;
      const from = g.nodes.get(e.source)?.caption ?? '?';
      const to = g.nodes.get(e.target)?.caption ?? '?';
      const km = miles !== null ? ` (≈ ${Math.round(miles * 1.609)} km)` : '';
      lines.push(`${from}: ${text ?? `${miles} miles`}${km} — ${e.type} ${to}`);
    }
    const loc = nodeLocation(n);
    if (loc && this.state.canvasMode === 'map') lines.push(`${loc.lat.toFixed(3)}° N, ${loc.lon.toFixed(3)}° E${typeof n.properties.location_source === 'string' ? ` · ${n.properties.location_source}` : ''}`);
    this.store.set({ hover: lines.length ? { node, caption: n.caption, lines } : null });
  }

  // ------------------------------------------------------------------ claims board

  async loadClaims(): Promise<void> {
    const asOf = this.state.filters.asOf;
    this.store.set({ claimsLoading: true, claimsError: null });
    try {
      const claims = await this.api.claims(asOf ? { asReportedBy: asOf } : {});
      this.store.set({ claims, claimsFor: asOf, claimsLoading: false });
    } catch (e) {
      this.store.set({ claimsLoading: false, claimsError: describeError(e) });
    }
  }

  setContestedOnly(on: boolean): void {
    this.store.set({ contestedOnly: on });
  }

  /** Opens an entity from a board or the reader: back to the canvas, select and focus it. */
  async openEntity(ref: string): Promise<void> {
    if (this.state.mode === 'claims') this.store.set({ mode: this.state.canvasMode });
    this.closeReader();
    await this.explorer.focusRef(ref);
  }

  // ------------------------------------------------------------------ evidence reader

  async openReader(article: string, start: number, end: number): Promise<void> {
    const request = { article, start, end };
    this.store.set({ reader: { request, status: 'loading', data: null, error: null } });
    try {
      const data = await this.api.evidence(article, start, end);
      if (this.state.reader?.request === request) this.store.set({ reader: { request, status: 'ok', data, error: null } });
    } catch (e) {
      if (this.state.reader?.request === request) this.store.set({ reader: { request, status: 'error', data: null, error: describeError(e) } });
    }
  }

  closeReader(): void {
    if (this.state.reader) this.store.set({ reader: null });
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameDecorations(a: ViewDecorations, b: ViewDecorations): boolean {
  if (!sameSet(a.fadeNodes, b.fadeNodes) || !sameSet(a.fadeEdges, b.fadeEdges) || !sameSet(a.hideNodes, b.hideNodes) || !sameSet(a.hideEdges, b.hideEdges) || !sameSet(a.contested, b.contested)) return false;
  if (a.edgeWidth.size !== b.edgeWidth.size) return false;
  for (const [k, v] of a.edgeWidth) if (b.edgeWidth.get(k) !== v) return false;
  return true;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
export const addDays = (iso: string, n: number) => fromMs(toMs(iso) + n * DAY);
export function addMonths(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}
