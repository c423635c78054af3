/**
 * The browser's back/forward buttons over the exploration. Pure decisions (unit-tested in Node);
 * app/url.ts does the pushState/replaceState/popstate wiring.
 *
 * Every browser history entry we write carries a mark: this page load's session id and the
 * `seq` of the exploration-history entry (core/history/history.ts) the view was at. On
 * popstate, a mark of this session whose `seq` is still in the exploration history restores that
 * exact graph (no request); anything else (another page load, a hand-edited URL, a step that
 * fell off the history) is rebuilt from the URL state, like a deep link.
 *
 * A "step" — a new graph state (expand, collapse, hide, paths, a query result), another focused
 * node, a query run, another view (map, claims board, its contested filter), a quote opened —
 * pushes an entry; anything else that shows in the URL (typing a parameter,
 * toggling a legend label, opening the drawer) replaces the current one. Camera and hover are not
 * in the URL at all.
 */
import { formatUrlState, type UrlState } from './url-state';

export interface HistoryMark {
  readonly newsgraph: 1;
  readonly session: string;
  readonly seq: number;
}

export function makeMark(session: string, seq: number): HistoryMark {
  return { newsgraph: 1, session, seq };
}

/** The exploration `seq` a history entry's state points at, when it is ours and from this page load. */
export function readMark(state: unknown, session: string): number | null {
  if (!state || typeof state !== 'object') return null;
  const m = state as Partial<HistoryMark>;
  if (m.newsgraph !== 1 || m.session !== session) return null;
  return typeof m.seq === 'number' && Number.isInteger(m.seq) && m.seq >= 0 ? m.seq : null;
}

/**
 * What identifies a step: the exploration entry, the focused node, — once run — the query with
 * its parameters, the view shown (graph, map, claims board and its contested filter) and the quote
 * open in the reader. Two views with the same key are the same step (a replace, not a push).
 */
export function stepKey(url: UrlState, seq: number): string {
  const ran = url.run ? JSON.stringify([url.query ?? null, url.cypher ?? null, Object.entries(url.params).sort()]) : '';
  const q = url.quote;
  const shown = `${url.mode ?? ''}${url.contested ? '+contested' : ''}|${q ? `${q.article}:${q.start}-${q.end}` : ''}`;
  return `${seq}|${url.focus ?? ''}|${ran}|${shown}`;
}

export interface UrlWriteState {
  /** The query string (formatUrlState). */
  readonly qs: string;
  readonly step: string;
}

export function urlWriteState(url: UrlState, seq: number): UrlWriteState {
  return { qs: formatUrlState(url), step: stepKey(url, seq) };
}

export type UrlWrite = 'push' | 'replace' | 'none';

/**
 * How to record `next` after `prev` (null: nothing written yet in this page load, so the entry
 * the page was opened with is replaced). `mode` 'replace' forces a replace for changes that are
 * not steps of their own: undo/redo buttons, a popstate being applied, the later writes of one
 * user action that already pushed.
 */
export function decideUrlWrite(
  prev: UrlWriteState | null,
  next: UrlWriteState,
  mode: 'auto' | 'replace' = 'auto',
): UrlWrite {
  if (!prev) return 'replace';
  if (prev.qs === next.qs && prev.step === next.step) return 'none';
  if (mode === 'replace') return 'replace';
  return prev.step !== next.step ? 'push' : 'replace';
}
