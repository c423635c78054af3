/**
 * An explorer for the app layer's unit tests: the real store and state, the API given, and the
 * shell's status line and the renderer's calls recorded (no canvas, no server).
 */
import { vi } from 'vitest';
import type { Explorer } from '../../../../../src/web/app/explorer';
import { graphOf } from '../../../../../src/web/core/history/actions';
import type { AppState } from '../../../../../src/web/core/state';

export function stubExplorer(initial: AppState, api: object) {
  let state = initial;
  const setStatus = vi.fn();
  const app = {
    get state() {
      return state;
    },
    store: { set: (f: (s: AppState) => AppState) => (state = f(state)) },
    api,
    shell: { setStatus, clearStatus: vi.fn() },
    render: { runLayout: vi.fn(), revealWhenSettled: vi.fn() },
  } as unknown as Explorer;
  /** The keys of the nodes drawn, sorted. */
  const keys = () => [...graphOf(state).nodes.values()].map((n) => n.key).sort();
  return { app, setStatus, keys };
}
