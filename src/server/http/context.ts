import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { EndpointContract } from '../../shared/api/contract';
import type { Env } from '../../runtime/config';
import type { AppStore } from '../../runtime/store/app-store';
import type { Audit } from '../audit/audit';
import type { Accounts } from '../auth/accounts';
import type { Guard } from '../auth/guard';
import type { Backups } from '../backup/service';
import type { Catalog } from '../db/catalog';
import { ApiError } from './errors';
import type { Db } from '../db/runner';
import type { SavedQueryLibrary } from '../resources/queries/library';
import type { Perspectives } from '../resources/perspectives/service';

/** What every route needs; built once in buildApp. */
export interface ApiContext {
  db: Db;
  env: Env;
  catalog: Catalog;
  library: SavedQueryLibrary;
  /** The connected database's perspective (captions, colours, search, views). */
  perspectives: Perspectives;
  /** The app's own store (never the user's graph). */
  store: AppStore;
  /** Append-only record of every write. */
  audit: Audit;
  /** Users, their tokens, the session key (in the store). */
  accounts: Accounts;
  /** The auth mode, signing in and out. */
  guard: Guard;
  /** Backups of the app store and (managed Neo4j) the graph. */
  backups: Backups;
  startedAt: number;
}

export type RouteModule = (app: FastifyInstance, ctx: ApiContext) => void;

/** `/api/nodes/{id}` → `/api/nodes/:id`. */
export const fastifyPath = (c: EndpointContract) => c.path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Validates one part of a request with its zod schema; the first problem becomes a 400 naming
 * the parameter (`limit: must be at most 100`). `where` prefixes body fields ("body.query").
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where?: string): z.output<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const param = [where, path].filter(Boolean).join('.') || where || 'request';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    return fail(
      keys.length ? [where, keys[0]].filter(Boolean).join('.') : param,
      `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`,
    );
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  return fail(param, message);
}

function fail(param: string, message: string): never {
  throw new ApiError(400, 'BAD_REQUEST', `${param}: ${message}`, { param });
}
