import { useEffect, useRef, type RefObject } from 'react';
import { inertBackground, isTopDialog } from './inertBackground';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keyboard focus for a modal dialog while `open`: it moves into the dialog, Tab and Shift+Tab
 * cycle inside it (aria-modal alone does not stop Tab from walking the page behind, and these
 * dialogs are plain elements, not `<dialog>.showModal()`, so nothing behind is inert), Esc calls
 * `onEscape` when given (a dialog that may not be dismissed, like sign-in, gives none), and on
 * close the focus returns to what had it before (the quote or button that opened the dialog).
 * The page behind is made inert meanwhile, so the mouse and assistive tech cannot reach it either.
 */
export function useModalFocus<T extends HTMLElement>(open: boolean, onEscape?: () => void): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  // The latest callback, read at key time: a new closure each render must not re-run the effect
  // (that would take the focus back to the opener and in again).
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    const release = dialog ? inertBackground(dialog) : null;
    if (dialog && !dialog.contains(document.activeElement)) dialog.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      const box = ref.current;
      // A dialog open over this one takes the keys (Esc must not close both).
      if (!box || !isTopDialog(box)) return;
      if (e.key === 'Escape') {
        if (!escape.current) return;
        e.preventDefault();
        escape.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (!items.length) {
        e.preventDefault();
        box.focus();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const at = document.activeElement;
      if (!box.contains(at)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && (at === first || at === box)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      release?.(); // first: an inert opener cannot take the focus back
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [open]);
  return ref;
}
