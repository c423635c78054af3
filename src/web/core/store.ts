/**
 * A minimal observable store (React reads it through useSyncExternalStore, see ui/context.ts).
 * The state is immutable; `set` replaces it and notifies subscribers synchronously.
 */

export interface Store<T> {
  get(): T;
  set(update: Partial<T> | ((s: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const next = typeof update === 'function' ? update(state) : { ...state, ...update };
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
