import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Explorer, AppState } from '../app/explorer';
import type { Store } from '../core/store';

export const ExplorerContext = createContext<Explorer | null>(null);

export function useExplorer(): Explorer {
  const e = useContext(ExplorerContext);
  if (!e) throw new Error('useExplorer outside <ExplorerContext.Provider>');
  return e;
}

/** Subscribes to one slice of the app state (the selector must return a stable value). */
export function useApp<S>(selector: (s: AppState) => S): S {
  return useStore(useExplorer().store, selector);
}

/** Subscribes a component to one slice; the selector must return a stable value (no new objects). */
export function useStore<T, S>(store: Store<T>, selector: (s: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
