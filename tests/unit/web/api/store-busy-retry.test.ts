/**
 * The web client sends a request again while the server answers 503 STORE_BUSY (a restore holds
 * the app store; nothing of the request was written), a bounded number of times after the
 * server's Retry-After, keeping the banner up meanwhile; only then is the error thrown to be shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, describeError } from '../../../../src/web/api/client';
import { retryDelayMs, STORE_BUSY_RETRIES } from '../../../../src/web/api/retry';
import { ConnectionMonitor } from '../../../../src/web/app/connection';
import type { ConnectionState } from '../../../../src/web/core/shell/actions';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const busy = () =>
  json(
    503,
    { error: { code: 'STORE_BUSY', message: 'A backup is being restored: try again in a moment.' } },
    { 'retry-after': '2' },
  );
const ACCEPTED = { acceptId: 7, accepted: [{ candidate: 'c1', result: {} }], created: {}, changed: {} };

/** A fake server: the session for the CSRF token, and other requests answered in turn (the last answer repeated). */
function fakeServer(writes: (() => Response)[]) {
  const sent: { method: string; url: string; at: number; csrf: string | null }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ method: init.method!, url, at: Date.now(), csrf: headers['x-csrf-token'] ?? null });
    if (init.method === 'GET' && url === '/api/session')
      return json(200, { mode: 'accounts', user: { name: 'ed', role: 'editor' }, csrfToken: 'tok' });
    const i = calls().length - 1;
    return writes[Math.min(i, writes.length - 1)]!();
  });
  const calls = () => sent.filter((s) => s.url !== '/api/session');
  vi.stubGlobal('fetch', fetch);
  return { writes: calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a write answered STORE_BUSY', () => {
  it('is sent again after the server’s Retry-After, and succeeds once: one accept', async () => {
    const server = fakeServer([busy, busy, () => json(200, ACCEPTED)]);
    const reported: string[] = [];
    const api = new ApiClient({ onUnavailable: (e) => reported.push(e.code) });
    let settled = false;
    const accept = api.ingestAccept('b1', 'c1').finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.writes()).toHaveLength(1);
    expect(api.waitingForStore).toBe(1); // the banner stays up
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.writes()).toHaveLength(1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2_001 + 2_000);
    expect(await accept).toEqual(ACCEPTED);
    const w = server.writes();
    expect(w).toHaveLength(3); // the same request, sent until it landed once
    expect(new Set(w.map((s) => `${s.method} ${s.url} ${s.csrf}`))).toEqual(
      new Set(['POST /api/ingest/batches/b1/candidates/c1/accept tok']),
    );
    expect(w[1]!.at - w[0]!.at).toBe(2_000);
    expect(w[2]!.at - w[1]!.at).toBe(2_000);
    expect(reported).toEqual(['STORE_BUSY', 'STORE_BUSY']);
    expect(api.waitingForStore).toBe(0);
  });

  it('throws the server’s error, to be shown, once the retries are spent', async () => {
    const server = fakeServer([busy]);
    const api = new ApiClient();
    const accept = api.ingestAccept('b1', 'c1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const e = await accept;
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 503, code: 'STORE_BUSY' });
    expect(describeError(e)).toBe('A backup is being restored: try again in a moment.');
    expect(server.writes()).toHaveLength(1 + STORE_BUSY_RETRIES);
    expect(api.waitingForStore).toBe(0);
  });

  it('is never sent again when part of it was saved (WRITE_INTERRUPTED), nor for other errors', async () => {
    const interrupted = () =>
      json(503, { error: { code: 'WRITE_INTERRUPTED', message: 'part of it was saved: reload' } });
    const server = fakeServer([
      interrupted,
      () => json(503, { error: { code: 'NEO4J_UNAVAILABLE', message: 'down' } }),
    ]);
    const reported: string[] = [];
    const api = new ApiClient({ onUnavailable: (e) => reported.push(e.code) });
    await expect(api.ingestAccept('b1', 'c1')).rejects.toMatchObject({ code: 'WRITE_INTERRUPTED' });
    await expect(api.ingestAccept('b1', 'c2')).rejects.toMatchObject({ code: 'NEO4J_UNAVAILABLE' });
    expect(server.writes()).toHaveLength(2);
    expect(reported).toEqual(['NEO4J_UNAVAILABLE']); // the form shows the interrupted write, not the banner
  });

  it('stops waiting when the caller cancels (reads are sent again too)', async () => {
    const server = fakeServer([busy]);
    const api = new ApiClient();
    const ac = new AbortController();
    const save = api.node('n1', ac.signal).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    ac.abort();
    expect(await save).toMatchObject({ code: 'ABORTED' });
    expect(server.writes()).toHaveLength(1);
    expect(api.waitingForStore).toBe(0);
  });
});

describe('when to send again', () => {
  it('follows Retry-After (seconds or a date), capped; a backoff without one', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs('5', 0, now)).toBe(5_000);
    expect(retryDelayMs('0', 2, now)).toBe(0);
    expect(retryDelayMs('Thu, 01 Jan 2026 00:00:03 GMT', 0, now)).toBe(3_000);
    expect(retryDelayMs('3600', 0, now)).toBe(10_000);
    expect([0, 1, 2, 5].map((i) => retryDelayMs(null, i, now))).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(retryDelayMs('soon', 1, now)).toBe(2_000);
  });
});

describe('the banner', () => {
  it('stays up while a request waits for the store, though health answers', async () => {
    const waiting = { n: 1 };
    const states: ConnectionState['state'][] = [];
    const api = {
      health: async () => ({}),
      get waitingForStore() {
        return waiting.n;
      },
    };
    const monitor = new ConnectionMonitor(
      () => api as unknown as ApiClient,
      (s) => states.push(s.state),
      () => {},
    );
    monitor.report(new ApiError(503, 'STORE_BUSY', 'A backup is being restored: try again in a moment.'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(monitor.state).toMatchObject({ state: 'down', message: expect.stringMatching(/restoring a backup/) });
    waiting.n = 0;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(monitor.state.state).toBe('recovered');
    monitor.stop();
  });
});
