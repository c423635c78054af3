/**
 * Watches connectivity: any "unavailable" failure raises the banner and starts polling
 * /api/health with backoff until it answers again; then the banner says so briefly and clears.
 * While requests wait to be sent again for a busy store (a restore), the banner stays up even
 * though the health endpoint answers: their outcome is not known yet.
 */
import type { ApiClient, ApiError } from '../api/client';
import type { ConnectionState } from '../core/shell/actions';

const RETRY_STEPS_MS = [1000, 2000, 3000, 5000];
const RECOVERED_SHOWN_MS = 2500;
/** Background check while all is well, so an outage shows even when nobody clicks. */
const IDLE_CHECK_MS = 20_000;

export class ConnectionMonitor {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  /** Bumped by every (re)schedule: a check that was superseded while in flight is ignored. */
  private generation = 0;
  private current: ConnectionState = { state: 'ok' };

  constructor(
    private readonly api: () => ApiClient,
    private readonly onChange: (s: ConnectionState) => void,
    private readonly onRecovered: () => void,
  ) {}

  start(): void {
    this.schedule(IDLE_CHECK_MS);
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** A request failed for connectivity reasons. */
  report(e: ApiError): void {
    const message =
      e.code === 'NETWORK'
        ? 'Cannot reach the newsgraph server.'
        : e.code === 'STORE_BUSY'
          ? 'The server is restoring a backup; what you sent will be sent again.'
          : 'Neo4j is unavailable.';
    if (this.current.state !== 'down') {
      this.attempts = 0;
      this.set({
        state: 'down',
        message,
        detail: e.message,
        since: Date.now(),
        nextRetryAt: Date.now() + RETRY_STEPS_MS[0]!,
      });
      this.schedule(RETRY_STEPS_MS[0]!);
    } else if (this.current.message !== message) {
      this.set({ ...this.current, message, detail: e.message });
    }
  }

  /** "Retry now" in the banner. */
  retryNow(): void {
    this.schedule(0);
  }

  private set(s: ConnectionState): void {
    this.current = s;
    this.onChange(s);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    const gen = ++this.generation;
    this.timer = setTimeout(() => void this.check(gen), ms);
  }

  private async check(gen: number): Promise<void> {
    this.timer = null;
    const startedAt = Date.now();
    try {
      await this.api().health();
      if (gen !== this.generation) return; // an outage was reported meanwhile: its retry loop decides
      if (this.current.state === 'down' && (startedAt < this.current.since || this.api().waitingForStore > 0)) {
        // Answered for a moment before the outage, or requests still wait for the store: not a recovery.
        this.schedule(RETRY_STEPS_MS[0]!);
        return;
      }
      if (this.current.state === 'down') {
        this.set({ state: 'recovered' });
        this.onRecovered();
        setTimeout(() => {
          if (this.current.state === 'recovered') this.set({ state: 'ok' });
        }, RECOVERED_SHOWN_MS);
      }
      this.schedule(IDLE_CHECK_MS);
    } catch {
      // report() already switched to "down" (health answers 503 when Neo4j is unreachable).
      if (gen !== this.generation) return;
      this.attempts++;
      const wait = RETRY_STEPS_MS[Math.min(this.attempts, RETRY_STEPS_MS.length - 1)]!;
      if (this.current.state === 'down') this.set({ ...this.current, nextRetryAt: Date.now() + wait });
      this.schedule(wait);
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
