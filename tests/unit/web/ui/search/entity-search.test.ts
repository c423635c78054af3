import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../../../../src/shared/api/search';
import { SEARCH_DEBOUNCE_MS, searchLater, type SearchAnswer } from '../../../../../src/web/ui/search/useEntitySearch';

const hit = (id: string) => ({ node: { id }, score: 1, exact: false }) as unknown as SearchHit;

/** A search whose answer the test releases by hand (it ignores the abort, like a response already on its way). */
function deferred() {
  let resolve!: (hits: SearchHit[]) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<SearchHit[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const signals: AbortSignal[] = [];
  const run = vi.fn((signal: AbortSignal) => {
    signals.push(signal);
    return promise;
  });
  return { run, resolve, reject, signals };
}

describe('the search as typed (useEntitySearch)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in the typing before it sends anything', async () => {
    const s = deferred();
    const answers: SearchAnswer[] = [];
    const cancel = searchLater(s.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    expect(s.run).not.toHaveBeenCalled();
    // The next keystroke cancels it: never sent.
    cancel();
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(s.run).not.toHaveBeenCalled();
    expect(answers).toEqual([]);
  });

  it('gives the answer of the query still current', async () => {
    const s = deferred();
    const answers: SearchAnswer[] = [];
    searchLater(s.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(s.run).toHaveBeenCalledTimes(1);
    s.resolve([hit('a')]);
    await vi.runAllTimersAsync();
    expect(answers).toEqual([{ hits: [hit('a')] }]);
  });

  it('drops an older query’s answer that arrives after a newer query started, and aborts its request', async () => {
    const old = deferred();
    const answers: SearchAnswer[] = [];
    const cancelOld = searchLater(old.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    // The user types on: the old search is cancelled, a newer one answers first.
    cancelOld();
    expect(old.signals[0]!.aborted).toBe(true);
    const newer = deferred();
    searchLater(newer.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    newer.resolve([hit('new')]);
    await vi.runAllTimersAsync();
    // The old answer comes late (the server had already sent it): it must not replace the newer hits.
    old.resolve([hit('old')]);
    await vi.runAllTimersAsync();
    expect(answers).toEqual([{ hits: [hit('new')] }]);
  });

  it('says why a search failed, but not for one cancelled meanwhile', async () => {
    const failing = deferred();
    const answers: SearchAnswer[] = [];
    searchLater(failing.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    failing.reject(new Error('search is down'));
    await vi.runAllTimersAsync();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toHaveProperty('error');
    expect((answers[0] as { error: string }).error).toContain('search is down');

    const aborted = deferred();
    const cancel = searchLater(aborted.run, (a) => answers.push(a));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    cancel();
    aborted.reject(new DOMException('aborted', 'AbortError'));
    await vi.runAllTimersAsync();
    expect(answers).toHaveLength(1);
  });
});
