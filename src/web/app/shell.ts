/**
 * The shell's effects: the theme and how the explorer starts (both kept in localStorage), the status line (info messages clear
 * themselves after a while, and when the view they describe is replaced).
 */
import { setStatus, setTheme, type Status, type Theme } from '../core/shell/actions';
import type { AppState } from '../core/state';
import type { Store } from '../core/store';

const THEME_KEY = 'newsgraph.theme';
const START_KEY = 'newsgraph.start';

/** What a page opened without a view in its address shows: the overview, or an empty scene search grows from. */
export type StartMode = 'overview' | 'empty';
/** How long an info message stays (busy and error messages stay until replaced). */
const INFO_SHOWN_MS = 6000;

/** The saved theme, else the system's preference. */
export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    /* storage disabled */
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export class ShellController {
  private statusTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: Store<AppState>) {
    // A message describes the view it was written for: once another step is shown (a query
    // result over the overview, undo, a deep link), an info message about the old one goes.
    store.subscribe(() => {
      const s = store.get();
      if (s.status?.kind === 'info' && s.status.seq !== undefined && s.status.seq !== s.history.present.seq)
        this.clearStatus();
    });
  }

  setTheme(theme: Theme): void {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      /* storage disabled */
    }
    this.store.set(setTheme(theme));
  }

  /** The user's choice of start (default: the overview). */
  startMode(): StartMode {
    try {
      return localStorage.getItem(START_KEY) === 'empty' ? 'empty' : 'overview';
    } catch {
      return 'overview';
    }
  }

  setStartMode(mode: StartMode): void {
    try {
      localStorage.setItem(START_KEY, mode);
    } catch {
      /* storage disabled: the choice lasts for this page */
    }
  }

  setStatus(kind: Status['kind'], text: string, open?: Status['open'], undoMerge?: Status['undoMerge']): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    const seq = this.store.get().history.present.seq;
    this.store.set(setStatus({ kind, text, seq, ...(open ? { open } : {}), ...(undoMerge ? { undoMerge } : {}) }));
    // An offer to undo stays: it must not vanish while the editor reaches for it.
    if (kind === 'info' && !undoMerge)
      this.statusTimer = setTimeout(() => this.store.set(setStatus(null)), INFO_SHOWN_MS);
  }

  clearStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    if (this.store.get().status) this.store.set(setStatus(null));
  }
}
