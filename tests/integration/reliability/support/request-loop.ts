/** One request of a RequestLoop: when it started and ended (ms since epoch), what came back. */
export interface Sample {
  path: string;
  start: number;
  end: number;
  /** HTTP status; 0 when no response arrived (connection refused, reset, client timeout). */
  status: number;
  /** The error body's code/message for non-2xx answers, or the client-side error. */
  error?: string;
}

/**
 * A light, steady request loop against the API: `concurrency` workers, each sending the next
 * path of the mix as soon as its previous request ended. Every request has a client-side
 * timeout (`hangMs`) so a hang shows up as a sample instead of stalling the loop.
 */
export class RequestLoop {
  readonly samples: Sample[] = [];
  private running = false;
  private workers: Promise<void>[] = [];
  private next = 0;

  constructor(
    private readonly base: string,
    private readonly paths: string[],
    private readonly opts: {
      concurrency?: number;
      hangMs?: number;
      headers?: Record<string, string>;
      pauseMs?: number;
      /** Extra workers, each looping over its own paths only (e.g. a health poller that slow requests cannot starve). */
      dedicated?: string[][];
    } = {},
  ) {}

  start(): this {
    this.running = true;
    for (let i = 0; i < (this.opts.concurrency ?? 3); i++)
      this.workers.push(this.work(() => this.paths[this.next++ % this.paths.length]!));
    for (const own of this.opts.dedicated ?? []) {
      let k = 0;
      this.workers.push(this.work(() => own[k++ % own.length]!));
    }
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Samples whose request started in [from, to). */
  between(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.start >= from && s.start < to);
  }

  private async work(nextPath: () => string): Promise<void> {
    while (this.running) {
      const path = nextPath();
      const start = Date.now();
      try {
        const res = await fetch(this.base + path, {
          headers: this.opts.headers,
          signal: AbortSignal.timeout(this.opts.hangMs ?? 15_000),
        });
        const text = await res.text();
        let error: string | undefined;
        if (!res.ok) {
          try {
            const b = JSON.parse(text) as { error?: { code?: string; message?: string } };
            error = `${b.error?.code ?? '?'}: ${b.error?.message ?? '(no message)'}`;
          } catch {
            error = `(not JSON) ${text.slice(0, 120)}`;
          }
        }
        this.samples.push({ path, start, end: Date.now(), status: res.status, error });
      } catch (e) {
        this.samples.push({
          path,
          start,
          end: Date.now(),
          status: 0,
          error: `${(e as Error).name}: ${(e as Error).message}`,
        });
      }
      if (this.opts.pauseMs) await new Promise((r) => setTimeout(r, this.opts.pauseMs));
    }
  }
}

/** "200×41, 503×12" */
export function statusHistogram(samples: Sample[]): string {
  const h = new Map<number, number>();
  for (const s of samples) h.set(s.status, (h.get(s.status) ?? 0) + 1);
  return (
    [...h.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}×${v}`)
      .join(', ') || '(none)'
  );
}
