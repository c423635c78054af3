/**
 * Exploration steps on the app state: commit a new graph, undo, redo, jump to an entry (the
 * browser's back/forward). Pure producers over core/history/history.ts.
 */
import type { GraphState } from '../graph/graph-store';
import type { AppState } from '../state';
import { amend, back, commit, forward, startHistory, type History } from './history';

export const graphOf = (s: AppState): GraphState => s.history.present.state;

/** A new step: the graph `next`, titled for the history tooltips. */
export const commitGraph =
  (next: GraphState, title: string) =>
  (s: AppState): AppState => ({ ...s, history: commit(s.history, next, title) });

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

/** Undo: the previous graph (a drawn path does not survive it). */
export const undo =
  () =>
  (s: AppState): AppState => ({ ...s, history: back(s.history), path: null });

/** Redo: the next graph. */
export const redo =
  () =>
  (s: AppState): AppState => ({ ...s, history: forward(s.history), path: null });

/** Shows an entry found by `goTo` (browser back/forward within this page load). */
export const showEntry =
  (target: History<GraphState>) =>
  (s: AppState): AppState => ({ ...s, history: target });
