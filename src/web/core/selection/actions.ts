/**
 * Selection and the detail panel: which nodes are selected (two for a path search), which one is
 * focused (its detail shows), and the detail's loading state. Pure producers.
 */
import type { NodeDetailResponse } from '../../../shared/api';
import { refreshNode } from '../graph/refresh';
import { amendGraph, graphOf } from '../history/actions';
import type { AppState } from '../state';

export type DetailState =
  | { id: string; status: 'loading' }
  | { id: string; status: 'ok'; data: NodeDetailResponse }
  | { id: string; status: 'error'; error: string };

/** A link's focus (as the link spelled it) that could not be found, at exploration step `seq`. */
export interface MissingFocus {
  ref: string;
  seq: number;
}

/**
 * A link's focus was not found: nothing is selected, and the address keeps the focus as the link
 * gave it (to be copied, fixed or reported) while this step is shown and nothing else is selected.
 */
export const focusMissing =
  (ref: string) =>
  (s: AppState): AppState => ({
    ...s,
    selection: [],
    focus: null,
    detail: null,
    relationship: null,
    sidePanel: s.sidePanel === 'right' ? null : s.sidePanel,
    missingFocus: { ref, seq: s.history.present.seq },
  });

/**
 * Selects a node, or clears the selection with null. `additive` toggles it in a selection of at
 * most two (for paths); the focus is the node clicked, else the last one still selected, unless
 * `keepFocus` and the focused node stays selected (a node added by name: its detail is being
 * read). The detail is cleared when nothing is focused (loading it is the caller's effect). In a
 * narrow window the details open over the graph with a focus, and close without one.
 */
export const select =
  (id: string | null, additive = false, keepFocus = false) =>
  (s: AppState): AppState => {
    if (id === null)
      return {
        ...s,
        selection: [],
        focus: null,
        missingFocus: null,
        detail: null,
        contextMenu: null,
        relationship: null,
        sidePanel: s.sidePanel === 'right' ? null : s.sidePanel,
      };
    const cur = s.selection;
    const kept = keepFocus && s.focus !== null && cur.includes(s.focus) ? s.focus : null;
    const selection = !additive
      ? [id]
      : cur.includes(id)
        ? cur.filter((x) => x !== id)
        : kept !== null
          ? [kept, id]
          : [...cur, id].slice(-2);
    const focus =
      kept !== null && selection.includes(kept)
        ? kept
        : selection.includes(id)
          ? id
          : (selection[selection.length - 1] ?? null);
    return {
      ...s,
      selection,
      focus,
      missingFocus: null,
      contextMenu: null,
      relationship: null,
      sidePanel: focus ? 'right' : s.sidePanel === 'right' ? null : s.sidePanel,
      ...(focus ? {} : { detail: null }),
    };
  };

/** Keeps the selected nodes that pass `keep` (nodes that left the view are dropped). */
export const keepSelected =
  (keep: (id: string) => boolean) =>
  (s: AppState): AppState => {
    const selection = s.selection.filter(keep);
    if (selection.length === s.selection.length) return s;
    const focus = s.focus !== null && selection.includes(s.focus) ? s.focus : null;
    return { ...s, selection, focus, ...(focus ? {} : { detail: null }) };
  };

export const detailLoading =
  (id: string) =>
  (s: AppState): AppState => ({ ...s, detail: { id, status: 'loading' } });

/** The detail arrived: shown when the node is still focused (`force`: a cached one, shown at once). */
export const detailLoaded =
  (id: string, data: NodeDetailResponse, force = false) =>
  (s: AppState): AppState =>
    force || s.focus === id ? { ...s, detail: { id, status: 'ok', data } } : s;

/**
 * A detail read without an "as reported by" day: shown, and the graph's copy of the node brought
 * up to date from it (another user may have renamed it since the graph was loaded), so the panel's
 * title and the canvas label agree with the body. One store update and no history step: the data
 * is the database's, not a step of the exploration.
 */
export const detailRead =
  (id: string, data: NodeDetailResponse) =>
  (s: AppState): AppState => {
    const next = detailLoaded(id, data)(s);
    const graph = refreshNode(graphOf(next), data.node);
    return graph === graphOf(next) ? next : amendGraph(graph)(next);
  };

export const detailFailed =
  (id: string, error: string) =>
  (s: AppState): AppState =>
    s.focus === id ? { ...s, detail: { id, status: 'error', error } } : s;
