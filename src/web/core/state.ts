/**
 * The app's one state: every concern's slice, immutable, in one store (core/store.ts). The
 * producers in core/<concern>/ return the next state; React reads slices (ui/context.ts); the
 * render sync and the URL follow it (render/render-sync.ts, app/url.ts).
 */
import type { QueriesListResponse, SchemaResponse, SessionResponse } from '../../shared/api';
import { INITIAL_CLAIMS, type ClaimsBoardState } from './claims/actions';
import type { ReaderState } from './evidence/reader';
import { DEFAULT_EXPAND_LIMIT } from './expansion/actions';
import { NO_SHOWN, type ShownCounts } from './filters/decorations';
import { NO_FILTERS, type InvestigationFilters } from './filters/filter';
import { EMPTY_GRAPH } from './graph/graph-store';
import type { GraphHistory } from './history/actions';
import { startHistory } from './history/history';
import { INITIAL_VIEW, type ViewState } from './map/view';
import type { PathView } from './paths/actions';
import { INITIAL_PERSPECTIVE, type PerspectiveState } from './perspective/actions';
import type { EdgeHover, RelationshipDetailState } from './relationships/actions';
import { INITIAL_DRAWER, type DrawerState } from './query/actions';
import type { DetailState, MissingFocus } from './selection/actions';
import type { ConnectionState, ContextMenu, SidePanel, Status, Theme, WebGlState } from './shell/actions';
import { INITIAL_TIMELINE, type TimelineState } from './timeline/actions';

export interface AppState {
  // --- exploration (core/graph, core/history, core/expansion)
  history: GraphHistory;
  /** Labels toggled off in the legend. */
  hiddenLabels: ReadonlySet<string>;
  /** Neighbours fetched per expansion (the API's `limit`). */
  expandLimit: number;
  /**
   * Nodes merged away while on the canvas (their element ids then), not a step: undoing the merge
   * draws them again (core/graph/merge-view.ts).
   */
  mergedShown: ReadonlySet<string>;

  // --- selection and the detail panel (core/selection)
  selection: readonly string[];
  focus: string | null;
  /** A link's focus that could not be found, and the step it was asked at: kept in the address until the user goes elsewhere. */
  missingFocus: MissingFocus | null;
  detail: DetailState | null;
  contextMenu: ContextMenu | null;
  /** A relationship opened in the detail panel (instead of a node). */
  relationship: RelationshipDetailState | null;
  /** The relationship under the pointer. */
  edgeHover: EdgeHover | null;

  // --- how this database is shown (core/perspective)
  perspective: PerspectiveState;

  // --- paths (core/paths)
  path: PathView | null;
  /** The path drawn at each exploration entry when it was last left (by `seq`): undo and redo draw it again. */
  pathsAt: ReadonlyMap<number, PathView>;

  // --- the database's schema, saved queries and the query drawer (core/query)
  schema: SchemaResponse | null;
  queries: QueriesListResponse | null;
  drawer: DrawerState;

  // --- shell (core/shell)
  /** The side panel opened over the graph in a narrow window. */
  sidePanel: SidePanel | null;
  theme: Theme;
  status: Status | null;
  connection: ConnectionState;
  /** The first load (or a reload after a token) is under way. */
  loading: boolean;
  layoutRunning: boolean;
  webgl: WebGlState | null;
  /** The server requires an access token (NEWSGRAPH_TOKEN) that we do not have (or is wrong). */
  needsToken: boolean;
  /** A token was typed and the server refused it. */
  tokenRejected: boolean;
  /** Who this browser is signed in as: null until the server has answered (or when it cannot be asked). */
  session: SessionResponse | null;

  // --- investigation views
  /** Graph, map or claims board; the map's status; the distance card (core/map). */
  view: ViewState;
  /** The timeline's data, time mode and play state (core/timeline). */
  timeline: TimelineState;
  /** Time range, "as reported by", single-source (core/filters). */
  filters: InvestigationFilters;
  /** What the filters leave on screen (core/filters). */
  shown: ShownCounts;
  /** The contested-claims board (core/claims). */
  claims: ClaimsBoardState;
  /** The evidence reader (core/evidence). */
  reader: ReaderState | null;
}

export function initialState(theme: Theme): AppState {
  return {
    history: startHistory(EMPTY_GRAPH, 'Empty'),
    hiddenLabels: new Set(),
    expandLimit: DEFAULT_EXPAND_LIMIT,
    mergedShown: new Set(),
    selection: [],
    focus: null,
    missingFocus: null,
    detail: null,
    contextMenu: null,
    relationship: null,
    edgeHover: null,
    perspective: INITIAL_PERSPECTIVE,
    path: null,
    pathsAt: new Map(),
    schema: null,
    queries: null,
    drawer: INITIAL_DRAWER,
    sidePanel: null,
    theme,
    status: null,
    connection: { state: 'ok' },
    loading: true,
    layoutRunning: false,
    webgl: null,
    needsToken: false,
    tokenRejected: false,
    session: null,
    view: INITIAL_VIEW,
    timeline: INITIAL_TIMELINE,
    filters: NO_FILTERS,
    shown: NO_SHOWN,
    claims: INITIAL_CLAIMS,
    reader: null,
  };
}
