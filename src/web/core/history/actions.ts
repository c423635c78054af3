/**
 * Exploration steps on the app state: commit a new graph, undo, redo, jump to an entry (the
 * browser's back/forward). Pure producers over core/history/history.ts.
 */
import type { GraphState } from '../graph/graph-store';
import type { PathView } from '../paths/actions';
import type { AppState } from '../state';
import { amend, back, commit, forward, startHistory, type History } from './history';

/** A selection and its focus (the node whose detail shows). */
export interface Selected {
  readonly selection: readonly string[];
  readonly focus: string | null;
}

/**
 * The selection a step changed itself (a hide drops the hidden nodes from it): the selection is
 * not part of the graph, so undo puts `before` back and redo `after`. Steps that leave the
 * selection alone record nothing, and undoing them leaves it as the analyst has it now.
 */
export interface StepSelection {
  readonly before: Selected;
  readonly after: Selected;
}

export type GraphHistory = History<GraphState, StepSelection>;

export const graphOf = (s: AppState): GraphState => s.history.present.state;

/**
 * The paths drawn per entry, with the present entry's path as it is now (what its browser entry's
 * URL says): recorded whenever the present entry is left. Entries no longer in the history are
 * dropped. O(history length).
 */
function leave(s: AppState, next: GraphHistory): ReadonlyMap<number, PathView> {
  const seq = s.history.present.seq;
  const path = s.path && s.path.count > 0 ? s.path : null;
  const kept = new Set([...next.past, next.present, ...next.future].map((e) => e.seq));
  const out = new Map<number, PathView>();
  for (const [k, v] of s.pathsAt) if (kept.has(k)) out.set(k, v);
  if (path && kept.has(seq)) out.set(seq, path);
  else out.delete(seq);
  return out;
}

/** The path drawn at the present entry, when all its nodes are in that graph (a hidden one breaks it, the bar says so). */
function pathOf(pathsAt: ReadonlyMap<number, PathView>, h: GraphHistory): PathView | null {
  const p = pathsAt.get(h.present.seq);
  const g = h.present.state;
  return p && [...p.nodes].every((id) => g.nodes.has(id)) ? p : null;
}

/** Moves the history to `next`, keeping the path drawn at each entry (see leave). */
const move = (s: AppState, next: GraphHistory): AppState =>
  next === s.history ? s : { ...s, history: next, pathsAt: leave(s, next) };

/** A new step: the graph `next`, titled for the history tooltips (`selected`: see StepSelection). */
export const commitGraph =
  (next: GraphState, title: string, selected?: StepSelection) =>
  (s: AppState): AppState =>
    move(s, commit(s.history, next, title, selected));

/** Replaces the present graph without a step (a pin: the drag already moved the node). */
export const amendGraph =
  (next: GraphState) =>
  (s: AppState): AppState => ({ ...s, history: amend(s.history, next) });

/**
 * The first graph of a page load (no step before it) starts the history afresh; the sequence
 * numbers keep counting, as browser history entries may still point at old ones. Else a step.
 */
export const startOrCommitGraph =
  (next: GraphState, title: string, initial: boolean) =>
  (s: AppState): AppState =>
    move(
      s,
      initial && s.history.past.length === 0
        ? startHistory(next, title, s.history.nextSeq)
        : commit(s.history, next, title),
    );

/** Puts a recorded selection back, keeping only nodes the graph has; the detail goes if its node is not focused. */
function reselect(s: AppState, to: Selected | undefined): AppState {
  if (!to) return s;
  const g = graphOf(s);
  const selection = to.selection.filter((id) => g.nodes.has(id) && !g.hidden.has(id));
  const focus = to.focus !== null && selection.includes(to.focus) ? to.focus : null;
  const detail = s.detail && s.detail.id === focus ? s.detail : null;
  return { ...s, selection, focus, detail, contextMenu: null, relationship: null };
}

/**
 * Undo: the previous graph with the path drawn there (as the browser's Back draws it from that
 * entry's URL), and the selection the step changed.
 */
export const undo =
  () =>
  (s: AppState): AppState => {
    if (!s.history.past.length) return s;
    const step = s.history.present.aside;
    const moved = move(s, back(s.history));
    return reselect({ ...moved, path: pathOf(moved.pathsAt, moved.history) }, step?.before);
  };

/** Redo: the next graph with its path, and the selection that step left. */
export const redo =
  () =>
  (s: AppState): AppState => {
    if (!s.history.future.length) return s;
    const step = s.history.future[0]?.aside;
    const moved = move(s, forward(s.history));
    return reselect({ ...moved, path: pathOf(moved.pathsAt, moved.history) }, step?.after);
  };

/** Shows an entry found by `goTo` (browser back/forward within this page load; the URL gives its path). */
export const showEntry =
  (target: GraphHistory) =>
  (s: AppState): AppState =>
    move(s, target);
