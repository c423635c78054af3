/** The one React context: the Explorer, and hooks that subscribe components to slices of its store. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Explorer } from '../app/explorer';
import type { AppState } from '../core/state';

export const ExplorerContext = createContext<Explorer | null>(null);

export function useExplorer(): Explorer {
  const e = useContext(ExplorerContext);
  if (!e) throw new Error('useExplorer outside <ExplorerContext.Provider>');
  return e;
}

/** Subscribes to one slice of the app state; the selector must return a stable value (no new objects). */
export function useApp<S>(selector: (s: AppState) => S): S {
  const store = useExplorer().store;
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
