/**
 * One measured round of the API benchmark, per side: a fixed number of requests at a fixed
 * concurrency, every one awaited, through HTTP (autocannon) or through the bare driver.
 */
import autocannon from 'autocannon';
import type { createDriver } from '../../src/runtime/connection';
import { median, percentile } from '../lib/stats';
import { replay, type RecordedStatement } from './record';

export interface LatencyCell {
  p50: number;
  p95: number;
  p99: number;
  /** Requests answered per second: from the round's start to its last answer. */
  rps: number;
  requests: number;
  failures: number;
}

export interface HttpRequests {
  method: 'GET' | 'POST';
  /** Variants cycled through (different terms / ids). */
  requests: Array<{ path: string; body?: unknown }>;
}

function cell(lat: number[], failures: number, ms: number): LatencyCell {
  return {
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    p99: percentile(lat, 99),
    rps: (lat.length * 1000) / ms,
    requests: lat.length,
    failures,
  };
}

/**
 * `amount` requests over `connections` keep-alive connections. The rate is timed to the last
 * response, not to the promise: autocannon settles a fixed-amount run on its next 1-second tick,
 * which made every short round last ~1 s whatever the server did.
 */
export async function viaApi(url: string, ep: HttpRequests, connections: number, amount: number): Promise<LatencyCell> {
  const lat: number[] = [];
  const t0 = performance.now();
  let last = t0;
  const inst = autocannon({
    url,
    connections,
    amount,
    timeout: 30,
    requests: ep.requests.map((r) => ({
      method: ep.method,
      path: r.path,
      ...(r.body ? { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } } : {}),
    })),
  });
  inst.on('response', (_c: unknown, status: number, _b: number, rt: number) => {
    last = performance.now();
    if (status === 200) lat.push(rt);
  });
  const res = await inst;
  return cell(lat, res.non2xx + res.errors + res.timeouts, last - t0);
}

/** The same amount and concurrency through the bare driver: each request's statements in turn. */
export async function viaDriver(
  driver: ReturnType<typeof createDriver>,
  database: string,
  seqs: RecordedStatement[][],
  connections: number,
  amount: number,
): Promise<LatencyCell> {
  const lat: number[] = [];
  let failures = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < amount; i = next++) {
        const t0 = performance.now();
        try {
          await replay(driver, database, seqs[i % seqs.length]!);
          lat.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  return cell(lat, failures, performance.now() - t0);
}

/** Per-percentile medians over rounds. */
export const med = (cells: LatencyCell[]): LatencyCell => ({
  p50: median(cells.map((c) => c.p50)),
  p95: median(cells.map((c) => c.p95)),
  p99: median(cells.map((c) => c.p99)),
  rps: median(cells.map((c) => c.rps)),
  requests: cells.reduce((s, c) => s + c.requests, 0),
  failures: cells.reduce((s, c) => s + c.failures, 0),
});
