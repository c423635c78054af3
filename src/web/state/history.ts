/**
 * Back/forward through the exploration: a bounded list of immutable states. Pure.
 * Each entry carries the title of the step that produced it ("Expanded Gladkov") for tooltips.
 */
export interface Entry<T> {
  readonly state: T;
  readonly title: string;
}

export interface History<T> {
  readonly past: readonly Entry<T>[];
  readonly present: Entry<T>;
  readonly future: readonly Entry<T>[];
}

/** Steps kept for "back"; older ones are dropped (states share structure but pools are copies). */
export const HISTORY_LIMIT = 100;

export function startHistory<T>(state: T, title = 'Start'): History<T> {
  return { past: [], present: { state, title }, future: [] };
}

/** Records a new step; clears "forward". A step that changes nothing is not recorded. */
export function commit<T>(h: History<T>, state: T, title: string): History<T> {
  if (state === h.present.state) return h;
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: { state, title }, future: [] };
}

/** Replaces the present without a new step (e.g. pinning while dragging). */
export function amend<T>(h: History<T>, state: T): History<T> {
  return state === h.present.state ? h : { ...h, present: { ...h.present, state } };
}

export function canBack<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canForward<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

export function back<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function forward<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}
