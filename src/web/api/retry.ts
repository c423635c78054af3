/**
 * Sending a request again while the app store is busy (a backup being restored): the server
 * answers 503 STORE_BUSY only when nothing of the request was written (a write interrupted after
 * part of it was saved answers WRITE_INTERRUPTED instead), so the same request may be sent again
 * and cannot apply twice. A bounded number of times, after the server's Retry-After or a backoff.
 */

/** Sends after the first: about 15 s in all with the server's Retry-After of 5 s. */
export const STORE_BUSY_RETRIES = 3;
const BACKOFF_MS = [1000, 2000, 4000];
/** A Retry-After longer than this is not waited in full (the user is looking at a banner). */
const MAX_WAIT_MS = 10_000;

/** How long to wait before send `retry` (0-based): the server's Retry-After (seconds or a date), else a backoff. */
export function retryDelayMs(retryAfter: string | null, retry: number, now = Date.now()): number {
  const backoff = BACKOFF_MS[Math.min(retry, BACKOFF_MS.length - 1)]!;
  if (retryAfter === null || retryAfter.trim() === '') return backoff;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return Number.isNaN(ms) ? backoff : Math.min(Math.max(ms, 0), MAX_WAIT_MS);
}

/** Resolves after `ms`, or rejects with `onAbort()` as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
