/**
 * Which view the main area shows (the graph, the map, the claims board), the map's status and
 * the distance card on hover. Types and pure producers; moving nodes is render/map-view.ts.
 */
import type { AppState } from '../state';
import type { TrayRow } from './tray-list';

export type ViewMode = 'graph' | 'map' | 'claims';

export type MapStatus = { state: 'off' | 'loading' | 'animating' | 'on' | 'error'; message?: string };

/** The distance card: what the data says about distances from the hovered node. */
export interface HoverInfo {
  node: string;
  caption: string;
  lines: string[];
}

export interface ViewState {
  mode: ViewMode;
  /** The last graph-like mode (what the claims board returns to). */
  canvasMode: 'graph' | 'map';
  map: MapStatus;
  hover: HoverInfo | null;
  /** The map's tray of nodes without coordinates, as the "Not on the map" list shows it (empty off the map). */
  tray: readonly TrayRow[];
}

export const INITIAL_VIEW: ViewState = {
  mode: 'graph',
  canvasMode: 'graph',
  map: { state: 'off' },
  hover: null,
  tray: [],
};

export const patchView =
  (patch: Partial<ViewState>) =>
  (s: AppState): AppState => ({ ...s, view: { ...s.view, ...patch } });

export const setMapStatus = (map: MapStatus) => patchView({ map });

/** The rows of the map's tray (core/map/tray-list.ts). O(1). */
export const setTrayRows =
  (tray: readonly TrayRow[]) =>
  (s: AppState): AppState =>
    s.view.tray === tray || (!tray.length && !s.view.tray.length) ? s : patchView({ tray })(s);

/** Opens the claims board over the canvas, or switches the canvas to the graph or the map. */
export const setViewMode = (mode: ViewMode) => patchView(mode === 'claims' ? { mode } : { mode, canvasMode: mode });

/** Back from the claims board to the canvas it was opened over. */
export const backToCanvas =
  () =>
  (s: AppState): AppState =>
    s.view.mode === 'claims' ? patchView({ mode: s.view.canvasMode })(s) : s;

export const setHover =
  (hover: HoverInfo | null) =>
  (s: AppState): AppState =>
    s.view.hover === hover ? s : patchView({ hover })(s);

/** In map mode the map owns node positions: ForceAtlas2 does not run. */
export const mapOwnsLayout = (s: AppState): boolean => s.view.canvasMode === 'map' && s.view.map.state !== 'off';

/** The map is placed (not loading, not animating, not failed): graph changes are placed at once. */
export const mapOn = (s: AppState): boolean => s.view.canvasMode === 'map' && s.view.map.state === 'on';
