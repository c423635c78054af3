// Minimal typings for the parts of autocannon the API benchmark uses (no @types package installed).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Request {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
  }
  interface Options {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: Request[];
    headers?: Record<string, string>;
  }
  interface Result {
    requests: { total: number; average: number };
    latency: Record<string, number>;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  }
  interface Instance extends EventEmitter {
    on(
      event: 'response',
      cb: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
    on(event: string, cb: (...a: unknown[]) => void): this;
  }
  function autocannon(opts: Options, cb?: (err: Error | null, res: Result) => void): Instance & PromiseLike<Result>;
  export = autocannon;
}
