import { createContext, useContext } from 'react';
import type { Explorer, AppState } from './explorer';
import { useStore } from '../state/store';

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
