/** What a load run reads: the server's RSS from /proc, and the parts of autocannon's answer used here. */
import { readFileSync } from 'node:fs';

export function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

export const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Mean RSS (MB) of each 10 s window of the run. */
export function rssWindows(rss: Array<{ t: number; kb: number }>, duration: number): string[] {
  const out: string[] = [];
  for (let w = 0; w < duration; w += 10)
    out.push((avg(rss.filter((x) => x.t > w && x.t <= w + 10).map((x) => x.kb)) / 1024).toFixed(0));
  return out;
}

/** The parts of autocannon's API used here (bench/types/autocannon.d.ts declares fewer). */
export interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
export interface CannonResult {
  requests: { total: number; average: number };
  latency: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
export type Cannon = (
  opts: Record<string, unknown>,
) => PromiseLike<CannonResult> & { on(e: string, cb: (...a: unknown[]) => void): void };

/**
 * Answers ≥ 400 counted by request kind, HTTP status and the API's error code (`{ error: { code } }`,
 * with Neo4j's own code beside it unless it is a timeout).
 */
export class FailureTally {
  private readonly counts = new Map<string, number>();

  add(kind: string, status: number, body: string): void {
    let code = '?';
    try {
      const e = (JSON.parse(body) as { error?: { code?: unknown; neo4jCode?: unknown } }).error;
      code = `${String(e?.code ?? '?')}${e?.neo4jCode && !/TIMEOUT/.test(String(e.code)) ? ` (${String(e.neo4jCode)})` : ''}`;
    } catch {
      // not JSON: a proxy's or Fastify's own page
    }
    const k = `${kind} ${status} ${code}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** "saved 400 QUERY_TIMEOUT × 12, …", most frequent first; '' when nothing failed. */
  text(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} × ${n}`)
      .join(', ');
  }
}
