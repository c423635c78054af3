/**
 * Back/forward through the exploration: a bounded list of immutable states. Pure.
 * Each entry carries the title of the step that produced it ("Expanded Gladkov") for tooltips,
 * and a sequence number, unique within one History, that the browser's own history entries
 * point at (core/history/browser-history.ts): `goTo` finds the entry again on back/forward.
 */
export interface Entry<T, A = never> {
  readonly state: T;
  readonly title: string;
  readonly seq: number;
  /** What the step changed beside the state (kept outside it), for undo and redo to put back. */
  readonly aside?: A;
}

export interface History<T, A = never> {
  readonly past: readonly Entry<T, A>[];
  readonly present: Entry<T, A>;
  readonly future: readonly Entry<T, A>[];
  /** The next entry's `seq`. */
  readonly nextSeq: number;
}

/** Steps kept for "back"; older ones are dropped (states share structure but pools are copies). */
export const HISTORY_LIMIT = 100;

export function startHistory<T, A = never>(state: T, title = 'Start', seq = 0): History<T, A> {
  return { past: [], present: { state, title, seq }, future: [], nextSeq: seq + 1 };
}

/** Records a new step; clears "forward". A step that changes nothing is not recorded. */
export function commit<T, A>(h: History<T, A>, state: T, title: string, aside?: A): History<T, A> {
  if (state === h.present.state) return h;
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  const present = { state, title, seq: h.nextSeq, ...(aside === undefined ? {} : { aside }) };
  return { past, present, future: [], nextSeq: h.nextSeq + 1 };
}

/** Replaces the present without a new step (e.g. pinning while dragging); keeps its `seq`. */
export function amend<T, A>(h: History<T, A>, state: T): History<T, A> {
  return state === h.present.state ? h : { ...h, present: { ...h.present, state } };
}

export function canBack<T, A>(h: History<T, A>): boolean {
  return h.past.length > 0;
}

export function canForward<T, A>(h: History<T, A>): boolean {
  return h.future.length > 0;
}

export function back<T, A>(h: History<T, A>): History<T, A> {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { ...h, past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function forward<T, A>(h: History<T, A>): History<T, A> {
  const next = h.future[0];
  if (!next) return h;
  return { ...h, past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

/**
 * Moves to the entry with this `seq`, backwards or forwards, keeping every entry (what the
 * browser's back/forward buttons do, possibly several steps at once). Null when no entry has it
 * (dropped by the limit, or cleared by a new step). Cost O(entries).
 */
export function goTo<T, A>(h: History<T, A>, seq: number): History<T, A> | null {
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
