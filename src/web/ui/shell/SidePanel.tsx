import { useEffect, useRef, type ReactNode } from 'react';
import type { SidePanel as Which } from '../../core/shell/actions';
import { useApp, useExplorer } from '../context';
import { Icon } from './Icon';

/** Where the layout lays the side panels over the graph instead of beside it (narrow.css). */
export const NARROW_WINDOW = '(max-width: 900px)';

export function isNarrowWindow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_WINDOW).matches;
}

/** Gives the keyboard to the graph (a side panel over it closed). */
export function focusGraph(): void {
  document.querySelector<HTMLElement>('[data-testid=graph]')?.focus({ preventScroll: true });
}

/**
 * A side panel: beside the graph in a wide window; in a narrow one (≤ 900 px) laid over the graph
 * when opened, with a close button, Esc closing it and the keyboard moved into it when it opens
 * from the graph (a node clicked) and back to the graph when it closes.
 */
export function SidePanel({
  which,
  label,
  title,
  closeTestId,
  children,
}: {
  which: Which;
  label: string;
  title: string;
  closeTestId: string;
  children: ReactNode;
}) {
  const explorer = useExplorer();
  const open = useApp((s) => s.sidePanel === which);
  const ref = useRef<HTMLElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    const was = wasOpen.current;
    wasOpen.current = open;
    if (was === open || !isNarrowWindow()) return;
    const panel = ref.current;
    const active = document.activeElement;
    // Where the keyboard was: the graph, nothing, or the other panel (hidden now) — never a field elsewhere.
    const fromGraph =
      !active ||
      active === document.body ||
      !!active.closest('[data-testid=graph]') ||
      (!!active.closest('.app > aside.panel') && !panel?.contains(active));
    if (open && fromGraph) {
      panel?.focus({ preventScroll: true });
      // The node clicked stays in sight beside the panel.
      const focus = explorer.state.focus;
      if (which === 'right' && focus) requestAnimationFrame(() => explorer.sigmaController?.camera.reveal([focus]));
    } else if (!open && (fromGraph || panel?.contains(active))) focusGraph();
  }, [open, which, explorer]);

  const close = () => {
    explorer.setSidePanel(null);
    focusGraph();
  };
  return (
    <aside
      ref={ref}
      className={`${which} panel${open ? ' sheet-open' : ''}`}
      aria-label={label}
      tabIndex={-1}
      onKeyDown={(e) => {
        // Esc closes the panel only (the selection stays); a second Esc, on the graph, clears it.
        if (e.key === 'Escape' && open && isNarrowWindow() && !document.querySelector('[aria-modal="true"]')) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="sheet-head">
        <span className="grow">{title}</span>
        <button
          className="btn icon ghost"
          onClick={close}
          aria-label={`Close ${title.toLowerCase()}`}
          data-testid={closeTestId}
        >
          <Icon name="close" />
        </button>
      </div>
      {children}
    </aside>
  );
}
