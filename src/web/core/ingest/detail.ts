/**
 * The line under a review row's quote that says what an accept will store when the quote alone
 * does not: a claim's statement (the extractor's span may have lost or kept words the quote shows)
 * and its date,
 * the graph entities a relationship links (a bare "Belgorod" may be the city or the region), and an
 * entity that is the article's outlet (its accept links the outlet, it makes no new organization).
 * No React, no fetch.
 */
import type { CandidateView } from '../../../shared/api/ingest';
import { dateLabel, type DecisionDates } from './dates';
import type { RefOption } from './review';

/** What an accept of this row stores beyond its quote, in one line; null when the quote says it all. */
export function rowDetail(view: CandidateView, refs: readonly RefOption[]): string | null {
  const c = view.candidate;
  if (c.kind === 'entity') {
    // The byline's outlet found again as a name: it is the article's outlet, never a second node for it.
    const d = view.decision as { action?: string } | null;
    return d?.action === 'outlet'
      ? `Same as the article's outlet, ${c.text}: the organization it is published by (added with the article when new)`
      : null;
  }
  if (c.kind === 'claim') {
    const d = view.decision as ({ statement?: string } & DecisionDates) | null;
    const when = dateLabel(d);
    return `Statement: ${d?.statement ?? c.statement}${when ? ` · Date: ${when}` : ''}`;
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
