/**
 * The line under a review row's quote that says what an accept will store when the quote alone
 * does not: a claim's statement (the extractor's span may have lost or kept words the quote shows),
 * and the graph entities a relationship links (a bare "Belgorod" may be the city or the region).
 * No React, no fetch.
 */
import type { CandidateView } from '../../../shared/api/ingest';
import type { RefOption } from './review';

/** What an accept of this row stores beyond its quote, in one line; null when the quote says it all. */
export function rowDetail(view: CandidateView, refs: readonly RefOption[]): string | null {
  const c = view.candidate;
  if (c.kind === 'claim') {
    const d = view.decision as { statement?: string } | null;
    return `Statement: ${d?.statement ?? c.statement}`;
  }
  if (c.kind === 'relationship') {
    const d = view.decision as { type?: string; from?: string; to?: string } | null;
    if (!d?.from || !d.to) return null;
    // A graph entity's id is always shown: it says which one ("belgorod" or "belgorod-region").
    const name = (ref: string) => {
      const label = refs.find((r) => r.value === ref)?.label;
      return !label ? ref : ref.startsWith('cand:') ? label : `${label} (${ref})`;
    };
    return `Links: ${name(d.from)} —${d.type ?? c.type}→ ${name(d.to)}`;
  }
  return null;
}
