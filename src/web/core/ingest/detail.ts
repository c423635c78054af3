/**
 * The line under a review row's quote that says what an accept will store when the quote alone
 * does not: a claim's statement (the extractor's span may have lost or kept words the quote shows).
 * No React, no fetch.
 */
import type { CandidateView } from '../../../shared/api/ingest';
import type { RefOption } from './review';

/** What an accept of this row stores beyond its quote, in one line; null when the quote says it all. */
export function rowDetail(view: CandidateView, _refs: readonly RefOption[]): string | null {
  const c = view.candidate;
  if (c.kind === 'claim') {
    const d = view.decision as { statement?: string } | null;
    return `Statement: ${d?.statement ?? c.statement}`;
  }
  return null;
}
