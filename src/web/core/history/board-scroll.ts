/**
 * Where the claims board was scrolled, kept in the browser history entry's own state (beside the
 * mark of browser-history.ts), so that Back to a board entry shows it where the reader left it.
 * Pure apart from reading and writing `window.history.state`.
 */

/** The board's scroll position a history entry's state carries, if any. */
export function boardScrollOf(state: unknown): number | null {
  if (!state || typeof state !== 'object') return null;
  const v = (state as { boardScroll?: unknown }).boardScroll;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

/**
 * A state for the current entry that keeps its board position: the URL controller's own
 * replaceState writes (the same entry, a new mark) must not drop it.
 */
export function keepBoardScroll<T extends object>(mark: T, current: unknown): T & { boardScroll?: number } {
  const top = boardScrollOf(current);
  return top === null ? mark : { ...mark, boardScroll: top };
}

/** Records the board's position in the current history entry (same URL, same mark). */
export function storeBoardScroll(top: number): void {
  const rounded = Math.max(0, Math.round(top));
  const current: unknown = window.history.state;
  if (boardScrollOf(current) === rounded) return;
  const base = current && typeof current === 'object' ? current : {};
  window.history.replaceState({ ...base, boardScroll: rounded }, '', window.location.href);
}
