/**
 * The explorer's controller: turns user intents into API calls and pure store updates, keeps the
 * render graph in line with the store, and mirrors the view into the URL. Created once per page
 * (main.tsx); React components read its store and call its methods. No sigma import: the Sigma
 * instance is attached later by GraphCanvas, when (and if) WebGL works.
 */
import type { NodeDetailResponse, QueriesListResponse, QueryResult, SavedQuery, SchemaResponse } from '../../shared/api';
import type { GraphEdge, GraphNode, GraphPayload } from '../../shared/graph';
import { EDGES_BETWEEN_MAX_AMONG, EDGES_BETWEEN_MAX_NODES } from '../../shared/api/edges-caps';
import { ApiClient, ApiError, describeError, setAccessToken } from '../api/client';
import { LayoutRunner } from '../render/layout';
import { createRenderGraph, restyle, syncRenderGraph, type RenderGraph } from '../render/render-graph';
import type { SigmaController } from '../render/sigma/sigma-controller';
import type { Theme } from '../render/style';
import { parseParams } from '../core/query/params';
import {
  EMPTY_GRAPH,
  addLayer,
  collapse,
  connectRequest,
  expand,
  expansionOf,
  findNode,
  hide,
  nodeRef,
  replaceWith,
  setPinned,
  unhideAll,
  visibleGraph,
  expandedAnchors,
  type GraphState,
} from '../core/graph/graph-store';
import { decideUrlWrite, makeMark, readMark, urlWriteState, type UrlWriteState } from '../core/history/browser-history';
import { amend, back, canBack, canForward, commit, forward, goTo, startHistory, type History } from '../core/history/history';
import { createStore, type Store } from '../core/store';
import { MAX_CYPHER_IN_URL, parseUrlState, type UrlState } from '../core/history/url-state';
import { ConnectionMonitor, type ConnectionState } from './connection';

export interface PathView {
  from: string;
  to: string;
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  count: number;
  length: number | null;
  truncated: boolean;
}

export interface DrawerState {
  open: boolean;
  mode: 'saved' | 'cypher';
  /** The saved query open in the form. */
  query: string | null;
  cypher: string;
  /** Form text per parameter name (saved queries) — also what the URL carries. */
  params: Record<string, string>;
  running: boolean;
  result: QueryResult | null;
  resultTitle: string | null;
  error: ApiError | null;
  /** Add the result to the current graph instead of showing it on its own. */
  addToGraph: boolean;
  /** The open query has run (deep links re-run it). */
  ran: boolean;
}

export type DetailState =
  | { id: string; status: 'loading' }
  | { id: string; status: 'ok'; data: NodeDetailResponse }
  | { id: string; status: 'error'; error: string };

export interface Status {
  kind: 'busy' | 'info' | 'error';
  text: string;
}

export interface AppState {
  history: History<GraphState>;
  hiddenLabels: ReadonlySet<string>;
  selection: readonly string[];
  focus: string | null;
  detail: DetailState | null;
  path: PathView | null;
  theme: Theme;
  /** Neighbours fetched per expansion (the API's `limit`). */
  expandLimit: number;
  status: Status | null;
  connection: ConnectionState;
  schema: SchemaResponse | null;
  queries: QueriesListResponse | null;
  drawer: DrawerState;
  loading: boolean;
  layoutRunning: boolean;
  contextMenu: { node: string; x: number; y: number } | null;
  webgl: { ok: true } | { ok: false; reason: string } | null;
  /** The server requires an access token (NEWSGRAPH_TOKEN) that we do not have (or is wrong). */
  needsToken: boolean;
  /** A token was typed and the server refused it. */
  tokenRejected: boolean;
}

export const EXPAND_LIMITS = [10, 25, 50, 100, 250] as const;
export const DEFAULT_EXPAND_LIMIT = 100;
/** Path searches ignore MENTIONS by default: every entity is "mentioned by" an article, which makes trivial 2-hop paths. */
export const PATH_EXCLUDE = ['MENTIONS'];

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem('newsgraph.theme');
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    /* storage disabled */
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export class Explorer {
  readonly store: Store<AppState>;
  readonly api: ApiClient;
  readonly graph: RenderGraph = createRenderGraph();
  readonly layout: LayoutRunner;
  private sigma: SigmaController | null = null;
  /** Set by the investigation views: while it owns the layout (map mode), ForceAtlas2 does not run. */
  layoutOwner: { ownsLayout(): boolean } | null = null;
  private readonly connection: ConnectionMonitor;
  private readonly positions = new Map<string, { x: number; y: number }>();
  private renderedFrom: { graph: GraphState; hiddenLabels: ReadonlySet<string>; theme: Theme } | null = null;
  private readonly detailCache = new Map<string, NodeDetailResponse>();
  private restoring = 0;
  private triedToken = false;
  private statusTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.api = new ApiClient({
      onUnavailable: (e) => this.connection.report(e),
      onUnauthorized: () => this.store.set((s) => ({ ...s, needsToken: true, tokenRejected: this.triedToken })),
    });
    this.connection = new ConnectionMonitor(
      () => this.api,
      (c) => this.store.set({ connection: c }),
      () => void this.recovered(),
    );
    this.store = createStore<AppState>({
      history: startHistory(EMPTY_GRAPH, 'Empty'),
      hiddenLabels: new Set(),
      selection: [],
      focus: null,
      detail: null,
      path: null,
      theme: initialTheme(),
      expandLimit: DEFAULT_EXPAND_LIMIT,
      status: null,
      connection: { state: 'ok' },
      schema: null,
      queries: null,
      drawer: {
        open: false,
        mode: 'cypher',
        query: null,
        cypher: 'MATCH (p:Person)-[r]->(x)\nRETURN p, r, x\nLIMIT 50',
        params: {},
        running: false,
        result: null,
        resultTitle: null,
        error: null,
        addToGraph: false,
        ran: false,
      },
      loading: true,
      layoutRunning: false,
      contextMenu: null,
      webgl: null,
      needsToken: false,
      tokenRejected: false,
    });
    this.layout = new LayoutRunner(this.graph);
    this.layout.onChange((running) => this.store.set({ layoutRunning: running }));
    this.store.subscribe(() => this.syncRender());
    this.store.subscribe(() => this.syncUrl());
  }

  // ------------------------------------------------------------------ accessors

  get state(): AppState {
    return this.store.get();
  }

  get graphState(): GraphState {
    return this.state.history.present.state;
  }

  /** No request in flight, no layout running, no deep link being replayed (e2e tests wait on this). */
  isIdle(): boolean {
    const cameraMoving = !!this.sigma?.sigma.getCamera().isAnimated();
    return this.api.pending === 0 && !this.layout.isRunning() && this.restoring === 0 && !this.state.loading && !cameraMoving;
  }

  attachSigma(ctrl: SigmaController | null): void {
    this.sigma = ctrl;
    if (ctrl) {
      ctrl.setSelection(this.state.selection);
      ctrl.setPath(this.state.path);
    }
  }

  get sigmaController(): SigmaController | null {
    return this.sigma;
  }

  // ------------------------------------------------------------------ start-up

  /** Loads schema, saved queries and the overview, then replays the deep link, if any. */
  async start(search: string = location.search): Promise<void> {
    this.connection.start(); // (re)arms the background check; idempotent
    this.installPopstate();
    const url = parseUrlState(search);
    this.restoring++;
    try {
      const [schema, queries] = await Promise.allSettled([this.api.schema(), this.api.queries()]);
      if (schema.status === 'fulfilled') this.store.set({ schema: schema.value });
      if (queries.status === 'fulfilled') this.store.set({ queries: queries.value });
      await this.loadOverview(true);
      await this.restore(url);
    } catch (e) {
      this.setStatus('error', describeError(e));
    } finally {
      this.restoring--;
      this.store.set({ loading: false });
    }
  }

  private async recovered(): Promise<void> {
    // If the first load failed, do it now that the database answers.
    if (!this.state.schema) {
      try {
        this.store.set({ schema: await this.api.schema() });
      } catch {
        /* the monitor will report */
      }
    }
    if (!this.state.queries) {
      try {
        this.store.set({ queries: await this.api.queries() });
      } catch {
        /* idem */
      }
    }
    if (this.graphState.nodes.size === 0) await this.loadOverview(true).catch(() => {});
  }

  /** The analyst typed the server's access token: keep it for this tab and load everything again. */
  async useAccessToken(t: string): Promise<void> {
    setAccessToken(t);
    this.triedToken = true;
    this.store.set({ needsToken: false, loading: true });
    await this.start(location.search);
  }

  async loadOverview(initial = false): Promise<void> {
    this.setStatus('busy', 'Loading the graph…');
    try {
      const res = await this.api.overview();
      const payload: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const title = res.mode === 'whole' ? 'Overview' : `Overview (top ${res.nodes.length} by degree)`;
      const next = replaceWith(this.graphState, payload, { kind: 'overview', title });
      this.store.set((s) => ({
        ...s,
        // A fresh start keeps counting `seq`: browser history entries may still point at old ones.
        history: initial && s.history.past.length === 0 ? startHistory(next, title, s.history.nextSeq) : commit(s.history, next, title),
        path: null,
      }));
      this.setStatus(
        'info',
        res.truncated
          ? `Showing the ${res.nodes.length} best-connected of ${res.totals.nodes} nodes. Search or expand to see more.`
          : `${res.nodes.length} nodes, ${res.edges.length} relationships.`,
      );
      this.runLayout(true);
    } catch (e) {
      this.setStatus('error', `Could not load the graph. ${describeError(e)}`);
      throw e;
    }
  }

  /** Replays a deep link: query, expansions (in order), path, focus. */
  async restore(url: UrlState): Promise<void> {
    if (url.hiddenLabels.length) this.store.set({ hiddenLabels: new Set(url.hiddenLabels) });
    if (url.query || url.cypher) {
      this.store.set((s) => ({
        ...s,
        drawer: {
          ...s.drawer,
          open: true,
          mode: url.query ? 'saved' : 'cypher',
          query: url.query ?? null,
          cypher: url.cypher ?? s.drawer.cypher,
          params: url.params,
        },
      }));
      if (url.run) await this.runDrawerNow();
    }
    for (const ref of url.expand) await this.expandNow(ref);
    if (url.paths) await this.findPathsNow(url.paths[0], url.paths[1]);
    if (url.focus) await this.focusRefNow(url.focus);
  }

  // ------------------------------------------------------------------ history

  private commitGraph(next: GraphState, title: string): void {
    this.store.set((s) => ({ ...s, history: commit(s.history, next, title) }));
  }

  /** Undo (the toolbar's Back). Rewrites the browser's current entry rather than adding one. */
  back(): void {
    if (!canBack(this.state.history)) return;
    this.forceReplace = true;
    this.store.set((s) => ({ ...s, history: back(s.history), path: null }));
  }

  /** Redo (the toolbar's Forward); like back(), no new browser entry. */
  forward(): void {
    if (!canForward(this.state.history)) return;
    this.forceReplace = true;
    this.store.set((s) => ({ ...s, history: forward(s.history), path: null }));
  }

  // ------------------------------------------------------------------ selection & detail

  /** Selects a node (additive: toggles it in a two-node selection, for paths) and shows its detail. */
  select(id: string | null, additive = false): void {
    if (id === null) {
      this.store.set({ selection: [], focus: null, detail: null, contextMenu: null });
      this.sigma?.setSelection([]);
      return;
    }
    const cur = this.state.selection;
    let selection: string[];
    if (additive) {
      selection = cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id].slice(-2);
    } else {
      selection = [id];
    }
    const focus = selection.includes(id) ? id : (selection[selection.length - 1] ?? null);
    this.store.set({ selection, focus, contextMenu: null });
    this.sigma?.setSelection(selection);
    if (focus) void this.loadDetail(focus);
    else this.store.set({ detail: null });
  }

  async loadDetail(id: string): Promise<void> {
    const cached = this.detailCache.get(id);
    if (cached) {
      this.store.set({ detail: { id, status: 'ok', data: cached } });
      return;
    }
    this.store.set({ detail: { id, status: 'loading' } });
    try {
      const data = await this.api.node(id);
      this.detailCache.set(id, data);
      if (this.state.focus === id) this.store.set({ detail: { id, status: 'ok', data } });
    } catch (e) {
      if (this.state.focus === id) this.store.set({ detail: { id, status: 'error', error: describeError(e) } });
    }
  }

  /** Selects a node by element id or our id, loading it first when it is not in the graph. */
  async focusRef(ref: string): Promise<void> {
    return this.action(() => this.focusRefNow(ref));
  }

  private async focusRefNow(ref: string): Promise<void> {
    let node = findNode(this.graphState, ref);
    if (!node) {
      try {
        const d = await this.api.node(ref);
        this.detailCache.set(d.node.id, d);
        this.commitGraph(addLayer(this.graphState, { nodes: [d.node], edges: [] }, { kind: 'node', title: `Added ${d.node.caption}` }), `Added ${d.node.caption}`);
        node = d.node;
      } catch (e) {
        this.setStatus('error', `Could not open “${ref}”: ${describeError(e)}`);
        return;
      }
    }
    if (this.graphState.hidden.has(node.id)) this.commitGraph(unhideOne(this.graphState, node.id), `Showed ${node.caption}`);
    this.select(node.id);
    // Let the sync add it to the render graph before moving the camera.
    requestAnimationFrame(() => this.sigma?.focusNode(node!.id));
  }

  /**
   * Opens a search hit: selects it when it is in the graph, else adds it with its neighbourhood
   * (a lone node says little) and selects it.
   */
  async openNode(node: GraphNode): Promise<void> {
    return this.action(() => this.openNodeNow(node));
  }

  private async openNodeNow(node: GraphNode): Promise<void> {
    if (!findNode(this.graphState, node.id)) {
      this.commitGraph(addLayer(this.graphState, { nodes: [node], edges: [] }, { kind: 'node', title: `Added ${node.caption}` }), `Added ${node.caption}`);
      await this.expandNow(node.id);
    }
    await this.focusRefNow(node.id);
  }

  // ------------------------------------------------------------------ expansion

  /**
   * Fetches a node's neighbours (capped at the expansion limit) and adds them, with the
   * relationships between the new nodes and the rest of the view ("connect result nodes"), as
   * one step. Two requests: the second needs the first's node ids.
   */
  async expand(ref: string): Promise<void> {
    return this.action(() => this.expandNow(ref));
  }

  private async expandNow(ref: string): Promise<void> {
    const known = findNode(this.graphState, ref);
    const caption = known?.caption ?? ref;
    this.setStatus('busy', `Expanding ${caption}…`);
    try {
      const res = await this.api.neighbours(known?.id ?? ref, { limit: this.state.expandLimit });
      const center = res.nodes.find((n) => n.id === res.center);
      const title = `Expanded ${center?.caption ?? caption}`;
      const before = this.graphState.nodes.size;
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      const next = expand(this.graphState, res.center, page, res.more, title, links.edges);
      this.commitGraph(next, title);
      const added = next.nodes.size - before;
      const hidden = Object.values(res.more).reduce((a, b) => a + b, 0);
      this.setStatus(
        'info',
        `${center?.caption ?? caption}: ${res.returned} of ${res.total} relationships shown` +
          (added ? `, ${added} new node${added === 1 ? '' : 's'}` : ', nothing new') +
          (hidden ? ` · +${hidden} more` : '') +
          '.' +
          links.note,
      );
      this.runLayout(false);
    } catch (e) {
      this.setStatus('error', `Could not expand ${caption}: ${describeError(e)}`);
    }
  }

  /** Next page of one relationship type of an expanded node ("+N more"). */
  async expandMore(anchor: string, type: string): Promise<void> {
    return this.action(() => this.expandMoreNow(anchor, type));
  }

  private async expandMoreNow(anchor: string, type: string): Promise<void> {
    const layer = expansionOf(this.graphState, anchor);
    if (!layer) return this.expandNow(anchor);
    const caption = this.graphState.nodes.get(anchor)?.caption ?? anchor;
    this.setStatus('busy', `Loading more ${type} of ${caption}…`);
    try {
      const skip = layer.loaded?.[type] ?? 0;
      const res = await this.api.neighbours(anchor, { types: [type], skip, limit: this.state.expandLimit });
      const title = `More ${type} of ${caption}`;
      const page: GraphPayload = { nodes: res.nodes, edges: res.edges };
      const links = await this.connecting(page);
      this.commitGraph(expand(this.graphState, res.center, page, { [type]: res.more[type] ?? 0 }, title, links.edges), title);
      this.setStatus('info', `${caption}: ${res.returned} more ${type}${res.more[type] ? ` · +${res.more[type]} still not shown` : ''}.${links.note}`);
      this.runLayout(false);
    } catch (e) {
      this.setStatus('error', `Could not load more ${type}: ${describeError(e)}`);
    }
  }

  collapse(id: string): void {
    const caption = this.graphState.nodes.get(id)?.caption ?? id;
    this.commitGraph(collapse(this.graphState, id), `Collapsed ${caption}`);
    this.store.set({ contextMenu: null });
  }

  hide(ids: readonly string[]): void {
    if (!ids.length) return;
    const caption = ids.length === 1 ? (this.graphState.nodes.get(ids[0]!)?.caption ?? ids[0]) : `${ids.length} nodes`;
    this.commitGraph(hide(this.graphState, ids), `Hid ${caption}`);
    const selection = this.state.selection.filter((s) => !ids.includes(s));
    this.store.set({ selection, focus: selection.includes(this.state.focus ?? '') ? this.state.focus : null, contextMenu: null });
    if (!this.state.focus) this.store.set({ detail: null });
    this.sigma?.setSelection(selection);
  }

  showHidden(): void {
    this.commitGraph(unhideAll(this.graphState), 'Showed hidden nodes');
  }

  /** Pins or unpins a node; a pin does not make a history step (the drag already moved it). */
  setPinned(id: string, pinned: boolean): void {
    this.store.set((s) => ({ ...s, history: amend(s.history, setPinned(s.history.present.state, id, pinned)), contextMenu: null }));
  }

  toggleLabel(label: string): void {
    this.store.set((s) => {
      const h = new Set(s.hiddenLabels);
      if (h.has(label)) h.delete(label);
      else h.add(label);
      return { ...s, hiddenLabels: h };
    });
  }

  showAllLabels(): void {
    this.store.set({ hiddenLabels: new Set() });
  }

  setExpandLimit(n: number): void {
    this.store.set({ expandLimit: n });
  }

  // ------------------------------------------------------------------ paths

  async findPaths(a: string, b: string): Promise<void> {
    return this.action(() => this.findPathsNow(a, b));
  }

  private async findPathsNow(a: string, b: string): Promise<void> {
    const na = findNode(this.graphState, a);
    const nb = findNode(this.graphState, b);
    const label = `${na?.caption ?? a} and ${nb?.caption ?? b}`;
    this.setStatus('busy', `Finding paths between ${label}…`);
    try {
      const res = await this.api.paths(na?.id ?? a, nb?.id ?? b, { maxHops: 6, exclude: PATH_EXCLUDE });
      const nodes = new Set<string>();
      const edges = new Set<string>();
      for (const p of res.paths) {
        p.nodes.forEach((n) => nodes.add(n));
        p.edges.forEach((e) => edges.add(e));
      }
      const view: PathView = { from: res.from, to: res.to, nodes, edges, count: res.paths.length, length: res.length, truncated: res.truncated };
      if (res.paths.length) {
        const title = `Paths between ${label}`;
        this.commitGraph(addLayer(this.graphState, { nodes: res.nodes, edges: res.edges }, { kind: 'paths', title }), title);
        this.setStatus('info', `${res.paths.length}${res.truncated ? '+' : ''} shortest path${res.paths.length === 1 ? '' : 's'} of ${res.length} hop${res.length === 1 ? '' : 's'} between ${label}.`);
        this.runLayout(false);
      } else {
        this.setStatus('info', `No path within 6 hops between ${label} (articles' MENTIONS links are not followed).`);
      }
      this.store.set({ path: view });
      if (res.paths.length) this.pathViews.set(`${view.from}|${view.to}`, view);
      this.sigma?.setPath(res.paths.length ? view : null);
    } catch (e) {
      this.setStatus('error', `Could not find paths: ${describeError(e)}`);
    }
  }

  clearPath(): void {
    this.store.set({ path: null });
    this.sigma?.setPath(null);
  }

  // ------------------------------------------------------------------ queries (drawer)

  setDrawer(patch: Partial<DrawerState>): void {
    this.store.set((s) => ({ ...s, drawer: { ...s.drawer, ...patch } }));
  }

  savedQuery(name: string | null): SavedQuery | undefined {
    return name ? this.state.queries?.queries.find((q) => q.name === name) : undefined;
  }

  openSavedQuery(name: string): void {
    this.setDrawer({ open: true, mode: 'saved', query: name, params: {}, error: null, ran: false });
  }

  openCypher(text?: string): void {
    this.setDrawer({ open: true, mode: 'cypher', query: null, error: null, ran: false, params: {}, ...(text !== undefined ? { cypher: text } : {}) });
  }

  /** Runs what the drawer shows (saved query with its form, or the editor's Cypher). */
  async runDrawer(): Promise<void> {
    return this.action(() => this.runDrawerNow());
  }

  private async runDrawerNow(): Promise<void> {
    const d = this.state.drawer;
    if (d.running) return;
    let title: string;
    let run: () => Promise<QueryResult>;
    if (d.mode === 'saved') {
      const q = this.savedQuery(d.query);
      if (!q) {
        this.setDrawer({ error: new ApiError(404, 'NOT_FOUND', `There is no saved query called “${d.query}”.`) });
        return;
      }
      const parsed = parseParams(q.params, d.params);
      const bad = Object.entries(parsed.errors);
      if (bad.length) {
        this.setDrawer({ error: new ApiError(400, 'BAD_REQUEST', bad.map(([, m]) => m).join('; '), { param: bad[0]![0] }) });
        return;
      }
      title = q.title;
      run = () => this.api.runQuery(q.name, parsed.values);
    } else {
      const query = d.cypher.trim();
      if (!query) return;
      title = query.length > 60 ? `${query.slice(0, 57).replace(/\s+/g, ' ')}…` : query.replace(/\s+/g, ' ');
      run = () => this.api.cypher({ query });
    }
    this.setDrawer({ running: true, error: null });
    try {
      const res = await run();
      this.setDrawer({ running: false, result: res, resultTitle: title, error: null, ran: true });
      if (res.graph.nodes.length) {
        const state = d.addToGraph
          ? addLayer(this.graphState, res.graph, { kind: 'query', title })
          : replaceWith(this.graphState, res.graph, { kind: 'query', title });
        this.commitGraph(state, `Query: ${title}`);
        this.store.set({ path: null });
        this.sigma?.setPath(null);
        this.runLayout(!d.addToGraph);
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', describeError(e));
      this.setDrawer({ running: false, error: err });
    }
  }

  // ------------------------------------------------------------------ misc UI

  setTheme(theme: Theme): void {
    try {
      localStorage.setItem('newsgraph.theme', theme);
    } catch {
      /* storage disabled */
    }
    this.store.set({ theme });
  }

  setStatus(kind: Status['kind'], text: string): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    this.store.set({ status: { kind, text } });
    if (kind === 'info') {
      this.statusTimer = setTimeout(() => this.store.set({ status: null }), 8000);
    }
  }

  clearStatus(): void {
    this.store.set({ status: null });
  }

  openContextMenu(node: string, x: number, y: number): void {
    this.store.set({ contextMenu: { node, x, y } });
  }

  closeContextMenu(): void {
    if (this.state.contextMenu) this.store.set({ contextMenu: null });
  }

  retryConnection(): void {
    this.connection.retryNow();
  }

  // ------------------------------------------------------------------ render sync

  /** Brings the render graph in line with the store when the graph, filters or theme changed. O(view). */
  private syncRender(): void {
    const s = this.state;
    const g = s.history.present.state;
    const prev = this.renderedFrom;
    if (prev && prev.graph === g && prev.hiddenLabels === s.hiddenLabels && prev.theme === s.theme) return;
    this.renderedFrom = { graph: g, hiddenLabels: s.hiddenLabels, theme: s.theme };
    if (prev && prev.graph === g && prev.hiddenLabels === s.hiddenLabels) {
      restyle(this.graph, null, { theme: s.theme, pinned: g.pinned });
      this.sigma?.setTheme(s.theme);
      return;
    }
    syncRenderGraph(this.graph, visibleGraph(g, s.hiddenLabels), { theme: s.theme, pinned: g.pinned, positions: this.positions });
    this.sigma?.graphChanged();
    // Selection and path refer to nodes that may have left.
    const sel = s.selection.filter((id) => this.graph.hasNode(id));
    if (sel.length !== s.selection.length) {
      queueMicrotask(() => {
        this.store.set({ selection: sel, focus: sel.includes(s.focus ?? '') ? s.focus : null });
        if (!this.state.focus) this.store.set({ detail: null });
        this.sigma?.setSelection(sel);
      });
    }
  }

  /** Runs ForceAtlas2 on its budget; a new run replaces a running one. */
  runLayout(initial: boolean): void {
    // In map mode the investigation views own node positions (src/web/views/investigation.ts).
    if (this.layoutOwner?.ownsLayout()) return;
    // The store update that added the nodes has already synced the render graph.
    this.layout.run(LayoutRunner.budgetFor(this.graph.order, initial), { initial });
  }

  // ------------------------------------------------------------------ URL

  urlState(): UrlState {
    const s = this.state;
    const g = s.history.present.state;
    const ref = (id: string) => {
      const n = g.nodes.get(id);
      return n ? nodeRef(n) : id;
    };
    const d = s.drawer;
    const out: UrlState = {
      expand: expandedAnchors(g).map(ref),
      params: d.open ? d.params : {},
      run: d.open && d.ran,
      hiddenLabels: [...s.hiddenLabels],
    };
    if (s.focus) out.focus = ref(s.focus);
    if (d.open && d.mode === 'saved' && d.query) out.query = d.query;
    if (d.open && d.mode === 'cypher' && d.cypher.trim()) out.cypher = d.cypher;
    if (s.path && s.path.count > 0) out.paths = [ref(s.path.from), ref(s.path.to)];
    return out;
  }

  /** This page load's id in the marks of our browser history entries (see browser-history.ts). */
  private readonly session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  private lastWrite: UrlWriteState | null = null;
  private urlScheduled = false;
  /** The next URL write replaces the browser's entry (undo/redo buttons). */
  private forceReplace = false;
  /** User actions under way (an expansion is a request, then a commit, then maybe a selection). */
  private actionDepth = 0;
  /** The current action already pushed its browser entry: its later writes replace it. */
  private actionPushed = false;
  private popstateInstalled = false;
  private navigation: Promise<void> = Promise.resolve();
  /** Path results by "from|to" element ids, to highlight them again on back/forward. */
  private readonly pathViews = new Map<string, PathView>();

  /**
   * Runs one user action so that it makes at most one browser history entry, however many store
   * updates it makes (openNode: add the node, expand it, select it = one "back").
   */
  private async action<T>(fn: () => Promise<T>): Promise<T> {
    if (this.actionDepth++ === 0) this.actionPushed = false;
    try {
      return await fn();
    } finally {
      if (--this.actionDepth === 0 && this.urlScheduled) this.writeUrl();
    }
  }

  /** Store listener: the URL is written once per burst of synchronous updates (a microtask later). */
  private syncUrl(): void {
    if (this.restoring > 0 || this.state.loading || this.urlScheduled) return;
    this.urlScheduled = true;
    queueMicrotask(() => {
      if (this.urlScheduled) this.writeUrl();
    });
  }

  /** pushState for a step, replaceState for anything else (browser-history.ts decides). */
  private writeUrl(): void {
    this.urlScheduled = false;
    if (this.restoring > 0 || this.state.loading) return;
    const seq = this.state.history.present.seq;
    const next = urlWriteState(this.urlState(), seq);
    const mode = this.forceReplace || (this.actionDepth > 0 && this.actionPushed) ? 'replace' : 'auto';
    this.forceReplace = false;
    const w = decideUrlWrite(this.lastWrite, next, mode);
    this.lastWrite = next;
    if (w === 'none') return;
    const href = `${location.pathname}${next.qs}${location.hash}`;
    if (w === 'push') {
      window.history.pushState(makeMark(this.session, seq), '', href);
      if (this.actionDepth > 0) this.actionPushed = true;
    } else {
      window.history.replaceState(makeMark(this.session, seq), '', href);
    }
  }

  private installPopstate(): void {
    if (this.popstateInstalled || typeof window === 'undefined') return;
    this.popstateInstalled = true;
    window.addEventListener('popstate', (e) => {
      const search = location.search;
      const mark = e.state as unknown;
      // Counted at once: the e2e idle check and URL writes wait for the whole replay.
      this.restoring++;
      this.navigation = this.navigation
        .then(() => this.navigate(search, mark))
        .catch((err: unknown) => this.setStatus('error', `Could not go back to that view: ${describeError(err)}`))
        .finally(() => {
          this.restoring--;
          if (this.restoring === 0 && !this.state.loading) this.settleUrl();
        });
    });
  }

  /**
   * The browser went back/forward to one of our entries: show that view. When the entry points at
   * an exploration step we still hold, that exact graph comes back with no request; else the view
   * is rebuilt from the URL, as a deep link is.
   */
  private async navigate(search: string, mark: unknown): Promise<void> {
    const url = parseUrlState(search);
    const seq = readMark(mark, this.session);
    const target = seq === null ? null : goTo(this.state.history, seq);
    const hl = this.state.hiddenLabels;
    const sameLabels = hl.size === url.hiddenLabels.length && url.hiddenLabels.every((l) => hl.has(l));
    this.store.set({ contextMenu: null, ...(sameLabels ? {} : { hiddenLabels: new Set(url.hiddenLabels) }) });
    this.drawerFromUrl(url);
    if (target) {
      this.store.set((s) => ({ ...s, history: target }));
      this.pathFromUrl(url);
      if (url.focus) {
        const node = findNode(this.graphState, url.focus);
        if (node && !(this.state.selection.length === 1 && this.state.selection[0] === node.id)) this.select(node.id);
        else if (!node) await this.focusRefNow(url.focus);
      } else if (this.state.selection.length) {
        this.select(null);
      }
      return;
    }
    this.select(null);
    this.clearPath();
    if (url.run) this.setDrawer({ ran: false });
    await this.loadOverview(false);
    await this.restore(url);
  }

  private drawerFromUrl(url: UrlState): void {
    const d = this.state.drawer;
    if (url.query) {
      this.setDrawer({ open: true, mode: 'saved', query: url.query, params: url.params, ran: url.run, error: null });
    } else if (url.cypher) {
      this.setDrawer({ open: true, mode: 'cypher', query: null, cypher: url.cypher, params: {}, ran: url.run, error: null });
    } else if (d.open && !(d.mode === 'cypher' && d.cypher.length > MAX_CYPHER_IN_URL)) {
      // (An ad-hoc query too long for a URL is never in it: keep that drawer as it is.)
      this.setDrawer({ open: false, ran: false });
    }
  }

  private pathFromUrl(url: UrlState): void {
    const g = this.graphState;
    const from = url.paths ? findNode(g, url.paths[0]) : undefined;
    const to = url.paths ? findNode(g, url.paths[1]) : undefined;
    const view = from && to ? this.pathViews.get(`${from.id}|${to.id}`) : undefined;
    const ok = !!view && [...view.nodes].every((id) => g.nodes.has(id));
    this.store.set({ path: ok ? view! : null });
    this.sigma?.setPath(ok ? view! : null);
  }

  /** After a popstate: the current entry gets the URL and mark of the view now shown. */
  private settleUrl(): void {
    this.urlScheduled = false;
    const seq = this.state.history.present.seq;
    const next = urlWriteState(this.urlState(), seq);
    this.lastWrite = next;
    window.history.replaceState(makeMark(this.session, seq), '', `${location.pathname}${next.qs}${location.hash}`);
  }

  /**
   * "Connect result nodes": the relationships between a page's new nodes and the nodes already
   * loaded (POST /api/edges/between). A failure costs only those links, never the expansion.
   */
  private async connecting(page: GraphPayload): Promise<{ edges: GraphEdge[]; note: string }> {
    const req = connectRequest(this.graphState, page, { nodes: EDGES_BETWEEN_MAX_NODES, among: EDGES_BETWEEN_MAX_AMONG });
    if (!req) return { edges: [], note: '' };
    try {
      const res = await this.api.edgesBetween({ nodes: req.nodes, among: req.among });
      return { edges: res.edges, note: res.truncated || req.cut ? ' Not every link to the rest of the view is shown.' : '' };
    } catch (e) {
      return { edges: [], note: ` Links to the rest of the view could not be loaded: ${describeError(e)}` };
    }
  }
}

function unhideOne(s: GraphState, id: string): GraphState {
  if (!s.hidden.has(id)) return s;
  const hidden = new Set(s.hidden);
  hidden.delete(id);
  return { ...s, hidden };
}
