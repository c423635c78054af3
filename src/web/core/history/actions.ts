/**
 * Exploration steps on the app state: commit a new graph, undo, redo, jump to an entry (the
 * browser's back/forward). Pure producers over core/history/history.ts.
 */
import type { GraphState } from '../graph/graph-store';
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

/** A new step: the graph `next`, titled for the history tooltips (`selected`: see StepSelection). */
export const commitGraph =
  (next: GraphState, title: string, selected?: StepSelection) =>
  (s: AppState): AppState => ({ ...s, history: commit(s.history, next, title, selected) });

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
  (s: AppState): AppState => ({
    ...s,
    history:
      initial && s.history.past.length === 0
        ? startHistory(next, title, s.history.nextSeq)
        : commit(s.history, next, title),
  });

/** Puts a recorded selection back, keeping only nodes the graph has; the detail goes if its node is not focused. */
function reselect(s: AppState, to: Selected | undefined): AppState {
  if (!to) return s;
  const g = graphOf(s);
  const selection = to.selection.filter((id) => g.nodes.has(id) && !g.hidden.has(id));
  const focus = to.focus !== null && selection.includes(to.focus) ? to.focus : null;
  const detail = s.detail && s.detail.id === focus ? s.detail : null;
  return { ...s, selection, focus, detail, contextMenu: null, relationship: null };
}

/** Undo: the previous graph (a drawn path does not survive it), and the selection the step changed. */
export const undo =
  () =>
  (s: AppState): AppState => {
    const step = s.history.present.aside;
    return reselect({ ...s, history: back(s.history), path: null }, step?.before);
  };

/** Redo: the next graph, and the selection that step left. */
export const redo =
  () =>
  (s: AppState): AppState => {
    const step = s.history.future[0]?.aside;
    return reselect({ ...s, history: forward(s.history), path: null }, step?.after);
  };

/** Shows an entry found by `goTo` (browser back/forward within this page load). */
export const showEntry =
  (target: GraphHistory) =>
  (s: AppState): AppState => ({ ...s, history: target });
