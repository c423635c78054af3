/**
 * Back/forward through the exploration: a bounded list of immutable states. Pure.
 * Each entry carries the title of the step that produced it ("Expanded Gladkov") for tooltips,
 * and a sequence number, unique within one History, that the browser's own history entries
 * point at (core/history/browser-history.ts): `goTo` finds the entry again on back/forward.
 */
export interface Entry<T> {
  readonly state: T;
  readonly title: string;
  readonly seq: number;
}

export interface History<T> {
  readonly past: readonly Entry<T>[];
  readonly present: Entry<T>;
  readonly future: readonly Entry<T>[];
  /** The next entry's `seq`. */
  readonly nextSeq: number;
}

/** Steps kept for "back"; older ones are dropped (states share structure but pools are copies). */
export const HISTORY_LIMIT = 100;

export function startHistory<T>(state: T, title = 'Start', seq = 0): History<T> {
  return { past: [], present: { state, title, seq }, future: [], nextSeq: seq + 1 };
}

/** Records a new step; clears "forward". A step that changes nothing is not recorded. */
export function commit<T>(h: History<T>, state: T, title: string): History<T> {
  if (state === h.present.state) return h;
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: { state, title, seq: h.nextSeq }, future: [], nextSeq: h.nextSeq + 1 };
}

/** Replaces the present without a new step (e.g. pinning while dragging); keeps its `seq`. */
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
  return { ...h, past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function forward<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return { ...h, past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

/**
 * Moves to the entry with this `seq`, backwards or forwards, keeping every entry (what the
 * browser's back/forward buttons do, possibly several steps at once). Null when no entry has it
 * (dropped by the limit, or cleared by a new step). Cost O(entries).
 */
export function goTo<T>(h: History<T>, seq: number): History<T> | null {
  if (h.present.seq === seq) return h;
  const pi = h.past.findIndex((e) => e.seq === seq);
  if (pi >= 0) {
    return {
      ...h,
      past: h.past.slice(0, pi),
      present: h.past[pi]!,
      future: [...h.past.slice(pi + 1), h.present, ...h.future],
    };
  }
  const fi = h.future.findIndex((e) => e.seq === seq);
  if (fi >= 0) {
    return {
      ...h,
      past: [...h.past, h.present, ...h.future.slice(0, fi)],
      present: h.future[fi]!,
      future: h.future.slice(fi + 1),
    };
  }
  return null;
}
