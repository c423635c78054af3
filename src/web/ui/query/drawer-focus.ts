/**
 * Where the keyboard goes back to when the drawer closes from inside (Esc in the Cypher editor):
 * the control that opened it, else the drawer's own open/close button.
 */
import type { Explorer } from '../../app/explorer';

let opener: HTMLElement | null = null;

/** Notes what has the focus as the drawer opens (or changes what it shows), unless it is in the drawer. */
export function rememberDrawerOpener(): void {
  const a = document.activeElement;
  if (a instanceof HTMLElement && a !== document.body && !a.closest('.drawer')) opener = a;
}

/** Closes the drawer and gives the focus back to its opener. */
export function closeDrawerToOpener(explorer: Explorer): void {
  const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-testid=drawer-toggle]');
  opener = null;
  back?.focus();
  explorer.setDrawer({ open: false });
}
