/**
 * The explorer: one store for the whole app, the API client, the render pipeline, and one small
 * controller per concern (start-up, URL and back/forward, selection, expansion, paths, queries,
 * views and map, timeline, claims board, evidence reader). Created once per page (main.tsx);
 * React components read the store and call the intents below. No sigma import: the Sigma
 * instance is attached later by GraphCanvas, when (and if) WebGL works.
 *
 * Intents that make requests are user actions (`action`): whatever store updates they make,
 * they make at most one browser history entry. Controllers call each other directly.
 */
import type { GraphNode } from '../../shared/graph';
import { ApiClient } from '../api/client';
import { setContestedOnly } from '../core/claims/actions';
import {
  collapseNode,
  hideNodes,
  pinNode,
  setExpandLimit,
  showAllLabels,
  showHidden,
  toggleLabel,
} from '../core/expansion/actions';
import { EMPTY_GRAPH, type GraphState } from '../core/graph/graph-store';
import { commitGraph, graphOf, redo, undo } from '../core/history/actions';
import { canBack, canForward } from '../core/history/history';
import { showPath } from '../core/paths/actions';
import { openCypher, openSavedQuery, patchDrawer, savedQuery, type DrawerState } from '../core/query/actions';
import {
  closeContextMenu,
  openContextMenu,
  setSidePanel,
  tokenNeeded,
  type SidePanel,
  type WebGlState,
} from '../core/shell/actions';
import { initialState, type AppState } from '../core/state';
import { createStore, type Store } from '../core/store';
import { DecorationsSync } from '../render/decorations-sync';
import type { LayoutRunner } from '../render/layout';
import type { RenderGraph } from '../render/render-graph';
import { RenderSync } from '../render/render-sync';
import type { SigmaController } from '../render/sigma/sigma-controller';
import { ClaimsController } from './claims';
import { ConnectionMonitor } from './connection';
import { ExpansionController } from './expansion';
import { PerspectiveController } from './perspective';
import { RelationshipController } from './relationships';
import { setActivePerspective } from '../core/perspective/active';
import { shownPerspective, type StyleTarget } from '../core/perspective/actions';
import type { EdgeHover } from '../core/relationships/actions';
import type { LabelStyle, RelationshipStyle, SaveQueryBody } from '../../shared/api';
import { PathsController } from './paths';
import { QueryController } from './query';
import { ReaderController } from './reader';
import { SelectionController } from './selection';
import { initialTheme, ShellController, type StartMode } from './shell';
import { StartupController } from './startup';
import { TimelineController } from './timeline';
import { UrlController } from './url';
import { ViewsController } from './views';

export class Explorer {
  readonly store: Store<AppState> = createStore(initialState(initialTheme()));
  readonly api: ApiClient;
  readonly connection: ConnectionMonitor;
  readonly render: RenderSync;
  readonly decorations: DecorationsSync;
  readonly shell: ShellController;
  readonly url: UrlController;
  readonly startup: StartupController;
  readonly selection: SelectionController;
  readonly expansion: ExpansionController;
  readonly paths: PathsController;
  readonly query: QueryController;
  readonly views: ViewsController;
  readonly timeline: TimelineController;
  readonly claims: ClaimsController;
  readonly reader: ReaderController;
  readonly perspective: PerspectiveController;
  readonly relationships: RelationshipController;

  constructor() {
    this.api = new ApiClient({
      onUnavailable: (e) => this.connection.report(e),
      onUnauthorized: () => this.store.set(tokenNeeded(this.startup.triedToken)),
    });
    this.connection = new ConnectionMonitor(
      () => this.api,
      (c) => this.store.set({ connection: c }),
      () => void this.startup.recovered(),
    );
    this.render = new RenderSync(this.store);
    this.decorations = new DecorationsSync(this.store);
    this.shell = new ShellController(this.store);
    this.url = new UrlController(this);
    this.startup = new StartupController(this);
    this.selection = new SelectionController(this);
    this.expansion = new ExpansionController(this);
    this.paths = new PathsController(this);
    this.query = new QueryController(this);
    this.views = new ViewsController(this);
    this.timeline = new TimelineController(this);
    this.claims = new ClaimsController(this);
    this.reader = new ReaderController(this);
    this.perspective = new PerspectiveController(this);
    this.relationships = new RelationshipController(this);
    // Whoever draws on sigma follows its attachment.
    this.render.onSigma((ctrl) => {
      this.decorations.attach(ctrl);
      this.views.map.attach(ctrl);
    });
    // Store listeners, in this order: the active perspective (what every style function reads),
    // the render graph follows the state, then the URL, then the views' decorations and map
    // positions (they read the synced render graph).
    this.store.subscribe(() => setActivePerspective(shownPerspective(this.store.get())));
    this.store.subscribe(() => this.render.sync());
    this.store.subscribe(() => this.url.sync());
    this.store.subscribe(() => this.decorations.sync());
    this.store.subscribe(() => this.views.sync());
  }

  // ------------------------------------------------------------------ reading

  get state(): AppState {
    return this.store.get();
  }

  get graphState(): GraphState {
    return graphOf(this.state);
  }

  /** The render graph: what sigma draws. */
  get graph(): RenderGraph {
    return this.render.graph;
  }

  get layout(): LayoutRunner {
    return this.render.layout;
  }

  get sigmaController(): SigmaController | null {
    return this.render.controller;
  }

  /** Whether WebGL works (GraphCanvas finds out, once). */
  readonly setWebGl = (webgl: WebGlState) => this.store.set({ webgl });

  /** GraphCanvas created the Sigma instance (or removed it, with null). */
  readonly attachSigma = (ctrl: SigmaController | null) => this.render.attach(ctrl);

  readonly savedQuery = (name: string | null) => savedQuery(this.state, name);

  /** A user action: at most one browser history entry, however many store updates it makes. */
  private action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args) => this.url.action(() => fn(...args));
  }

  // ------------------------------------------------------------------ start-up and shell

  readonly start = (search?: string) => this.startup.start(search);
  readonly useAccessToken = (token: string) => this.startup.useAccessToken(token);
  readonly signIn = (name: string, password: string) => this.startup.signIn(name, password);
  /** The server's mode (local, token, accounts) and who this browser is signed in as. */
  readonly session = () => this.api.session();
  readonly loadOverview = () => this.startup.loadOverview();
  /** Remembers how the explorer starts and shows it now: the overview, or an empty scene (one step). */
  readonly setStartMode = (mode: StartMode) => {
    this.shell.setStartMode(mode);
    if (mode === 'overview') return this.startup.loadOverview();
    const g = this.graphState;
    if (g.nodes.size) this.store.set(commitGraph({ ...EMPTY_GRAPH, nextLayer: g.nextLayer }, 'Empty scene'));
    return Promise.resolve();
  };
  readonly retryConnection = () => this.connection.retryNow();
  readonly setTheme = (theme: AppState['theme']) => this.shell.setTheme(theme);
  readonly setStatus = (kind: 'busy' | 'info' | 'error', text: string) => this.shell.setStatus(kind, text);
  readonly clearStatus = () => this.shell.clearStatus();
  readonly openContextMenu = (node: string, x: number, y: number) => this.store.set(openContextMenu({ node, x, y }));
  readonly closeContextMenu = () => this.store.set(closeContextMenu());
  /** Opens a side panel over the graph (narrow windows), or closes it with null. */
  readonly setSidePanel = (panel: SidePanel | null) => this.store.set(setSidePanel(panel));

  // ------------------------------------------------------------------ undo / redo (no new browser entry)

  readonly back = () => {
    if (!canBack(this.state.history)) return;
    this.url.replaceNext();
    this.store.set(undo());
    this.showFocusDetail();
  };
  readonly forward = () => {
    if (!canForward(this.state.history)) return;
    this.url.replaceNext();
    this.store.set(redo());
    this.showFocusDetail();
  };
  /** Undo may have put a selection back: its focused node's detail shows again. */
  private showFocusDetail(): void {
    const { focus, detail } = this.state;
    if (focus && detail?.id !== focus) void this.selection.loadDetail(focus);
  }

  // ------------------------------------------------------------------ selection, expansion, paths

  readonly select = (id: string | null, additive = false) => this.selection.select(id, additive);
  readonly focusRef = this.action(async (ref: string) => void (await this.selection.focusRef(ref)));
  readonly openNode = this.action((node: GraphNode) => this.selection.openNode(node));
  /** A search hit added to the selection (for paths), keeping the node selected before. */
  readonly addToSelection = this.action((node: GraphNode) => this.selection.addToSelection(node));
  readonly expand = this.action((ref: string) => this.expansion.expand(ref));
  readonly expandMore = this.action((anchor: string, type: string) => this.expansion.expandMore(anchor, type));
  readonly collapse = (id: string) => this.store.set(collapseNode(id));
  readonly hide = (ids: readonly string[]) => this.store.set(hideNodes(ids));
  readonly showHidden = () => this.store.set(showHidden());
  /** Pins a node where it is drawn now (a drag's end, the menu), or unpins it. */
  readonly setPinned = (id: string, pinned: boolean) => {
    const at = pinned && this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
    this.store.set(pinNode(id, pinned, at ? { x: at.x, y: at.y } : undefined));
  };
  readonly toggleLabel = (label: string) => this.store.set(toggleLabel(label));
  readonly showAllLabels = () => this.store.set(showAllLabels());
  readonly setExpandLimit = (n: number) => this.store.set(setExpandLimit(n));
  readonly findPaths = this.action((a: string, b: string, exclude?: readonly string[]) =>
    this.paths.find(a, b, exclude),
  );
  /** Steps through the paths found (null: all of them again). */
  readonly stepPath = (step: number | null) => this.paths.step(step);
  readonly clearPath = () => this.store.set(showPath(null));

  // ------------------------------------------------------------------ query drawer

  readonly setDrawer = (patch: Partial<DrawerState>) => this.store.set(patchDrawer(patch));
  readonly openSavedQuery = (name: string) => this.store.set(openSavedQuery(name));
  readonly openCypher = (text?: string, params?: Record<string, string>) => this.store.set(openCypher(text, params));
  readonly runDrawer = this.action(() => this.query.run());

  // ------------------------------------------------------------------ investigation views

  readonly setMode = (mode: AppState['view']['mode']) => this.views.setMode(mode);
  readonly hoverNode = (node: string | null) => this.views.hover(node);
  readonly setRange = (range: AppState['filters']['range']) => this.timeline.setRange(range);
  readonly setAsOf = (asOf: string | null) => this.timeline.setAsOf(asOf);
  readonly setTimeMode = (mode: AppState['timeline']['mode']) => this.timeline.setTimeMode(mode);
  readonly setHideOutside = (on: boolean) => this.timeline.setHideOutside(on);
  readonly setHideSingleSource = (on: boolean) => this.timeline.setHideSingleSource(on);
  readonly clearTime = () => this.timeline.clear();
  readonly play = () => this.timeline.play();
  readonly pause = () => this.timeline.pause();
  readonly setContestedOnly = (on: boolean) => this.store.set(setContestedOnly(on));
  readonly openEntity = this.action((ref: string) => this.claims.openEntity(ref));
  readonly openReader = (article: string, start: number, end: number, via?: string) =>
    this.reader.open(article, start, end, via);
  readonly closeReader = () => this.reader.close();

  // ------------------------------------------------------------------ relationships

  readonly openRelationship = (id: string) => this.relationships.open(id);
  readonly closeRelationship = () => this.relationships.close();
  readonly hoverEdge = (h: EdgeHover | null) => this.relationships.hover(h);

  // ------------------------------------------------------------------ perspective (style panel)

  readonly openStylePanel = (target: StyleTarget) => this.perspective.open(target);
  readonly closeStylePanel = () => this.perspective.close();
  readonly editLabelStyle = (label: string, change: Partial<LabelStyle>) => this.perspective.editLabel(label, change);
  readonly editRelationshipStyle = (type: string, change: Partial<RelationshipStyle>) =>
    this.perspective.editRelationship(type, change);
  readonly saveStyle = () => this.perspective.save();
  readonly resetStyle = () => this.perspective.reset();
  readonly exportPerspective = () => this.perspective.exportFile();
  readonly importPerspective = (text: string) => this.perspective.importFile(text);
  readonly saveQuery = (body: SaveQueryBody) => this.query.save(body);
  readonly deleteQuery = (name: string) => this.query.remove(name);
}
