import { createContext, useContext } from 'react';
import { useStore } from '../ui/context';
import type { Investigation, InvestigationState } from './investigation';

export const InvestigationContext = createContext<Investigation | null>(null);

export function useInvestigation(): Investigation {
  const i = useContext(InvestigationContext);
  if (!i) throw new Error('useInvestigation outside <InvestigationContext.Provider>');
  return i;
}

/** Subscribes to one slice of the investigation state (the selector must return a stable value). */
export function useInv<S>(selector: (s: InvestigationState) => S): S {
  return useStore(useInvestigation().store, selector);
}

/** The investigation controller when mounted, else null (components shared with the plain explorer). */
export function useOptionalInvestigation(): Investigation | null {
  return useContext(InvestigationContext);
}
