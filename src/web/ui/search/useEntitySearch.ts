import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api/search';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Shorter queries find nothing (and send nothing). */
export const SEARCH_MIN_CHARS = 2;
const LIMIT = 8;

export type SearchAnswer = { hits: SearchHit[] } | { error: string };

/**
 * One query's search, sent after SEARCH_DEBOUNCE_MS. The returned function cancels it: the timer
 * if it has not fired, else the request (aborted), and its answer is dropped even when it was on
 * its way already, so an older, slower query never replaces a newer one's hits.
 */
export function searchLater(
  run: (signal: AbortSignal) => Promise<SearchHit[]>,
  answer: (a: SearchAnswer) => void,
): () => void {
  const ctl = new AbortController();
  const timer = setTimeout(() => {
    run(ctl.signal).then(
      (hits) => {
        if (!ctl.signal.aborted) answer({ hits });
      },
      (e: unknown) => {
        if (!ctl.signal.aborted) answer({ error: describeError(e) });
      },
    );
  }, SEARCH_DEBOUNCE_MS);
  return () => {
    clearTimeout(timer);
    ctl.abort();
  };
}

/**
 * The explorer's search as the user types `q`, for a picker: nodes with one of `labels`, at most
 * eight, those `keep` accepts (read when the answer comes, so a new closure each render is fine).
 * Debounced; a query under two characters clears the hits; a newer query cancels the older one's
 * answer (searchLater). `error` says why the last search failed, until one succeeds.
 */
export function useEntitySearch(
  q: string,
  labels: readonly string[],
  keep: (hit: SearchHit) => boolean = () => true,
): { hits: SearchHit[]; error: string | null } {
  const explorer = useExplorer();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const kept = useRef(keep);
  kept.current = keep;
  // The labels by value: a caller's new array each render must not search again.
  const labelKey = labels.join(',');
  useEffect(() => {
    const text = q.trim();
    if (text.length < SEARCH_MIN_CHARS) return setHits([]);
    const only = labelKey ? labelKey.split(',') : undefined;
    return searchLater(
      (signal) => explorer.api.search(text, { labels: only, limit: LIMIT, signal }).then((r) => r.hits),
      (a) => {
        if ('error' in a) return setError(a.error);
        setError(null);
        setHits(a.hits.filter((h) => kept.current(h)));
      },
    );
  }, [q, labelKey, explorer.api]);
  return { hits, error };
}
