import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { boardScrollOf, storeBoardScroll } from '../../core/history/board-scroll';

/** How often scrolling writes its position into the history entry (browsers throttle many writes). */
const STORE_EVERY_MS = 250;

/**
 * The claims board comes back where it was: its scroll position is kept in the browser history
 * entry as the reader scrolls (and at once before a click or key that may navigate), and is put
 * back once the board's rows are rendered — when the board appears on an entry that has one (Back
 * from a node), or when back/forward reaches such an entry while the board is shown (a quote
 * closed, the contested filter undone). `rows` changes whenever the rows rendered change.
 */
export function useBoardScroll(ref: RefObject<HTMLDivElement | null>, rows: unknown, ready: boolean) {
  const pending = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(false);
  if (!mounted.current) {
    mounted.current = true;
    pending.current = boardScrollOf(window.history.state);
  }

  const apply = useCallback(() => {
    const el = ref.current;
    if (!el || pending.current === null || !ready) return;
    el.scrollTop = pending.current;
    pending.current = null;
  }, [ref, ready]);

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const store = () => {
    cancel();
    if (ref.current) storeBoardScroll(ref.current.scrollTop);
  };

  useLayoutEffect(apply, [apply, rows]);

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      // A write still waiting belongs to the entry just left: dropped, not put on this one.
      cancel();
      pending.current = boardScrollOf(e.state);
      // After the entry's view is shown (its rows may change first: the layout effect applies it then).
      requestAnimationFrame(apply);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      cancel();
    };
  }, [apply]);

  return {
    onScroll: () => {
      timer.current ??= setTimeout(store, STORE_EVERY_MS);
    },
    // Before a click or a key acts (it may open a node or a quote and push a new entry).
    onPointerDownCapture: store,
    onKeyDownCapture: store,
  };
}
