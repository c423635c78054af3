/**
 * Sign-in throttling with @fastify/rate-limit, its counters kept in the app store so that every
 * API process on the store counts the same attempts (an in-memory counter per process would let
 * an attacker spread guesses over the processes).
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors';
import type { Accounts } from './accounts';

/** The plugin's store contract: count one hit under `key` in a window, report count and ms left. */
function storeOn(accounts: Accounts) {
  // The plugin passes each route's time window to incr(), so one store serves every route.
  return class SqliteRateStore {
    incr(key: string, cb: (e: Error | null, r?: { current: number; ttl: number }) => void, timeWindow = 60_000) {
      try {
        const r = accounts.hit(`rate:${key}`, timeWindow);
        cb(null, { current: r.count, ttl: r.ttl });
      } catch (e) {
        cb(e as Error);
      }
    }
    child() {
      return new SqliteRateStore();
    }
  };
}

/** Registers the plugin for routes that opt in (`config.rateLimit`); nothing is limited globally. */
export async function registerRateLimit(app: FastifyInstance, accounts: Accounts): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    store: storeOn(accounts),
    errorResponseBuilder: (_req, ctx) =>
      new ApiError(429, 'RATE_LIMITED', `Too many sign-in attempts; try again in ${ctx.after}.`),
  });
}
