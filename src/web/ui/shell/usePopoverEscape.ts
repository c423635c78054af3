import { useEffect, useRef, type RefObject } from 'react';

/**
 * Esc for a popover (a menu or panel that is not modal) while `open`: it closes the popover and
 * only it, so the graph selection behind stays (the top bar's Esc would otherwise clear it), and
 * the focus goes back to the control that opened it. Taken in the capture phase, before the top
 * bar sees the key, but only when the focus is in the popover, on its opener or nowhere: Esc in
 * another field (the search box, the Cypher editor) keeps its own meaning.
 */
export function usePopoverEscape<T extends HTMLElement>(
  open: boolean,
  close: () => void,
  opener?: RefObject<HTMLElement | null>,
): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!open) return;
    const before = opener?.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const at = document.activeElement;
      const ours = !at || at === document.body || at === before || !!ref.current?.contains(at);
      if (!ours || document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current();
      if (before?.isConnected && before !== document.body) before.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, opener]);
  return ref;
}
