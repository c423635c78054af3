/**
 * The shell: theme, the status line, the connection banner, WebGL, the access token, the node
 * context menu. Types and pure producers; storage and timers are the app's (app/shell.ts).
 */
import type { AppState } from '../state';

export type Theme = 'light' | 'dark';

export interface Status {
  kind: 'busy' | 'info' | 'error';
  text: string;
  /** The exploration step (history `seq`) the message is about: info about an older view is dropped. */
  seq?: number;
  /** A node the message offers to open (the survivor of a merged-away node): its address and caption. */
  open?: { ref: string; caption: string };
  /** A merge just made, which the message offers to undo (it stays until replaced or dismissed). */
  undoMerge?: UndoMergeOffer;
}

export interface UndoMergeOffer {
  /** The survivor's element id, its version after the merge, and its caption. */
  survivor: string;
  version: number;
  caption: string;
  /** The `node.merge` audit entry, and the duplicate's name. */
  merge: number;
  duplicate: string;
  /** The duplicate's element id before the merge, when known: an undo draws it where it was seen. */
  duplicateId?: string;
}

export type ConnectionState =
  | { state: 'ok' }
  /** `message` is short; `detail` is the server's own words (shown on hover). */
  | { state: 'down'; message: string; detail: string; since: number; nextRetryAt: number }
  | { state: 'recovered' };

export type WebGlState = { ok: true } | { ok: false; reason: string };

export interface ContextMenu {
  node: string;
  x: number;
  y: number;
}

/**
 * The side panel shown over the graph in a narrow window (the layout puts them beside it otherwise):
 * the details (opened by selecting something) or search and saved queries (from the top bar).
 */
export type SidePanel = 'left' | 'right';

export const setSidePanel =
  (panel: SidePanel | null) =>
  (s: AppState): AppState =>
    s.sidePanel === panel ? s : { ...s, sidePanel: panel };

export const setTheme =
  (theme: Theme) =>
  (s: AppState): AppState => ({ ...s, theme });

export const setStatus =
  (status: Status | null) =>
  (s: AppState): AppState => ({ ...s, status });

export const openContextMenu =
  (menu: ContextMenu) =>
  (s: AppState): AppState => ({ ...s, contextMenu: menu });

export const closeContextMenu =
  () =>
  (s: AppState): AppState =>
    s.contextMenu ? { ...s, contextMenu: null } : s;

/** The server wants a token: `rejected` when one was typed and refused. */
export const tokenNeeded =
  (rejected: boolean) =>
  (s: AppState): AppState => ({ ...s, needsToken: true, tokenRejected: rejected });
