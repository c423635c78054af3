import type { FastifyInstance } from 'fastify';
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { EndpointContract } from '../../shared/api/contract';
import type { Env } from '../../runtime/config';
import type { AppStore } from '../../runtime/store/app-store';
import type { Audit } from '../audit/audit';
import type { MergeMap } from '../resources/node-edit/merge-map';
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
  /** Merged-away entities → their survivors (in the store, beside the audit). */
  merges: MergeMap;
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
 * the parameter (`limit: must be at most 100`). `where` prefixes body fields ("body.query"). An
 * unknown key is reported before any other problem: a misspelt name explains a "required" one.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where?: string,
  noun: 'field' | 'parameter' = 'field',
): z.output<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const unknown = r.error.issues.find((i) => i.code === 'unrecognized_keys');
  const issue = unknown ?? r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const param = [where, path].filter(Boolean).join('.') || where || 'request';
  let message = issue.message;
  if (unknown) {
    const keys = (unknown as { keys?: string[] }).keys ?? [];
    const known = Object.keys(shapeAt(schema, unknown.path) ?? {});
    return fail(
      keys.length ? [where, keys[0]].filter(Boolean).join('.') : param,
      `unknown ${noun}${keys.length > 1 ? 's' : ''} ${keys.join(', ')}${hint(keys, known, noun)}`,
    );
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  return fail(param, message);
}

/** A query string: strict schemas, so `?type=` for `types` is a 400 rather than silently ignored. */
export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown): z.output<S> =>
  parseInput(schema, query, undefined, 'parameter');

/** The object shape a path leads to inside a schema (top level only for refined/nested ones it cannot see). */
function shapeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let s = schema as unknown as { shape?: Record<string, unknown> };
  for (const k of path) s = (s.shape?.[String(k)] ?? {}) as typeof s;
  return s.shape;
}

/** " (did you mean types?)" for a near spelling; else, for parameters, what the route takes. */
function hint(keys: readonly string[], known: readonly string[], noun: string): string {
  if (!known.length) return '';
  const near = keys.map((k) => known.find((n) => nearSpelling(k, n))).filter(Boolean);
  if (near.length) return ` (did you mean ${[...new Set(near)].join(', ')}?)`;
  return noun === 'parameter' ? ` (this route takes ${known.join(', ')})` : '';
}

/**
 * Same letters ignoring case, one or two edits apart (one for names of up to four letters), or two
 * adjacent letters swapped ("form" for "from").
 */
export function nearSpelling(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (distance(x, y) <= (Math.min(x.length, y.length) <= 4 ? 1 : 2)) return true;
  const i = [...x].findIndex((c, k) => c !== y[k]);
  return x.length === y.length && i >= 0 && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

function fail(param: string, message: string): never {
  throw new ApiError(400, 'BAD_REQUEST', `${param}: ${message}`, { param });
}
