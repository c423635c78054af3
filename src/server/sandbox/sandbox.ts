import neo4j, { type ResultSummary } from 'neo4j-driver';
import type { QueryResult, QuerySummary } from '../../shared/api/result';
import { ApiError, classifyNeo4jError } from '../http/errors';
import { hasSeveralStatements, scanCypher, stripTrailingSemicolons } from './cypher-text';
import { expressionBomb } from './expression-bombs';
import type { Db } from '../db/runner';
import { DEFAULT_MAX_BYTES, streamQuery } from './stream';
import type { WatchdogReport } from './watchdog';

/** Procedures a sandboxed query may call: read-only introspection and full-text search. */
export const PROCEDURE_ALLOWLIST: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

// Plan operators that never belong in an ad-hoc read: writes (defence in depth; the query type
// already says so), admin/SHOW/TERMINATE commands, batched transactions.
const WRITE_OPS = /^(Create|Merge|LockingMerge|Delete|DetachDelete|Set|Remove|Foreach|Load)/;
const ADMIN_OPS =
  /^(Show|Terminate|AdministrationCommand|SystemProcedure|Drop|Alter|Rename|Grant|Deny|Revoke|Assert|Ensure|Enable|Disable|Start|Stop|Wait|DoNothing|LogSystemCommand|EnsureNode|Initialize)/;

const reject = (reason: string, message: string) => new ApiError(400, 'QUERY_REJECTED', message, { reason });

/** Lexical checks, before Neo4j sees the query. Returns the query without trailing `;`. */
export function precheckText(query: string, params: Record<string, unknown> = {}): string {
  const q = stripTrailingSemicolons(query);
  if (!q.trim()) throw new ApiError(400, 'BAD_REQUEST', 'query: must not be empty', { param: 'query' });
  const { skeleton } = scanCypher(q);
  if (hasSeveralStatements(skeleton))
    throw reject('MULTIPLE_STATEMENTS', 'Only one statement per request: remove the extra statements after ";".');
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(skeleton))
    throw reject('EXPLAIN_PROFILE', 'Send the query without EXPLAIN or PROFILE; the sandbox plans it itself.');
  if (/(^|\{)\s*(CYPHER\b[^\n{]*?)?\bUSE\b/i.test(skeleton) || /(^|\{|\bUNION(\s+ALL)?)\s*USE\s/i.test(skeleton)) {
    throw reject('USE', 'USE is not allowed: queries run against the configured database only.');
  }
  if (/\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/i.test(skeleton)) {
    throw reject('IN_TRANSACTIONS', 'CALL { … } IN TRANSACTIONS is not allowed in the sandbox.');
  }
  const bomb = expressionBomb(skeleton, params, q);
  if (bomb)
    throw reject(
      'EXPRESSION_BOMB',
      `Refused: ${bomb}. Neo4j cannot interrupt or bound the memory of a single expression.`,
    );
  return q;
}

export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

/** The procedure a ProcedureCall operator calls ("db.labels() :: (label :: STRING)" → db.labels). */
export function procedureName(details: unknown): string | null {
  if (typeof details !== 'string') return null;
  const m = /^\s*([\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*)\s*\(/u.exec(details);
  return m ? m[1]! : null;
}

/** Walks the plan tree; throws QUERY_REJECTED at the first forbidden operator. */
export function checkPlan(plan: PlanNode | false | undefined | null): void {
  if (!plan) return;
  const stack: PlanNode[] = [plan];
  while (stack.length) {
    const p = stack.pop()!;
    const op = p.operatorType.replace(/@.*$/, '');
    if (op === 'LoadCSV') throw reject('LOAD_CSV', 'LOAD CSV is not allowed: the sandbox cannot read files or URLs.');
    if (op === 'TransactionApply' || op === 'TransactionForeach')
      throw reject('IN_TRANSACTIONS', 'CALL { … } IN TRANSACTIONS is not allowed in the sandbox.');
    if (op === 'ProcedureCall') {
      const name = procedureName(p.arguments?.Details ?? p.arguments?.Signature);
      if (!name || !PROCEDURE_ALLOWLIST.has(name)) {
        throw reject(
          'PROCEDURE',
          `Procedure ${name ?? '(unknown)'} is not allowed; allowed: ${[...PROCEDURE_ALLOWLIST].join(', ')}.`,
        );
      }
    }
    if (ADMIN_OPS.test(op)) throw reject('ADMINISTRATION', `Administration and SHOW commands are not allowed (${op}).`);
    if (WRITE_OPS.test(op)) throw reject('WRITE', `The sandbox is read-only; the query would write (${op}).`);
    for (const c of p.children ?? []) stack.push(c);
  }
}

/** Query type from EXPLAIN: only 'r' passes. */
export function checkQueryType(t: string | undefined | null): void {
  if (t === 'r') return;
  if (t === 'w' || t === 'rw')
    throw reject(
      'WRITE',
      'The sandbox is read-only: CREATE, MERGE, SET, DELETE, REMOVE and write procedures are not allowed.',
    );
  if (t === 's' || t === 'sw')
    throw reject('SCHEMA_OR_ADMIN', 'Schema changes, SHOW and administration commands are not allowed.');
  throw reject('QUERY_TYPE', `Only read queries are allowed (query type ${t ?? 'unknown'}).`);
}

const EXPLAIN = 'EXPLAIN ';

export interface PlanCheck {
  queryType: string;
  notifications: QuerySummary['notifications'];
}

/**
 * EXPLAIN in a READ session: Neo4j parses and plans without running; syntax and semantic errors
 * come back as 400 CYPHER_ERROR (with the position), forbidden plans as 400 QUERY_REJECTED.
 * Cost: one round trip, no data read.
 */
export async function explainCheck(db: Db, query: string, params: Record<string, unknown>): Promise<PlanCheck> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  let summary: ResultSummary;
  try {
    const run = session.run(`${EXPLAIN}${query}`, params, {
      timeout: 5_000,
      metadata: { app: 'newsgraph', check: 'explain' },
    });
    summary = (await (db.availability ? db.availability.guard(run) : run)).summary;
  } catch (e) {
    const api = classifyNeo4jError(e, db.database);
    const pos = api?.details.position as { line: number; column: number; offset: number } | undefined;
    // Positions count from the start of "EXPLAIN …": shift them back onto the user's text.
    if (api && pos)
      api.details.position = {
        line: pos.line,
        column: pos.line === 1 ? Math.max(1, pos.column - EXPLAIN.length) : pos.column,
        offset: Math.max(0, pos.offset - EXPLAIN.length),
      };
    throw api ?? e;
  } finally {
    await session.close().catch(() => {});
  }
  const ranOn = summary.database?.name;
  if (ranOn && ranOn !== db.database)
    throw reject('USE', `The query targets database "${ranOn}"; only "${db.database}" is allowed.`);
  checkQueryType(summary.queryType);
  checkPlan(summary.plan as PlanNode | false);
  return {
    queryType: summary.queryType,
    notifications: (summary.notifications ?? []).map((n) => ({
      code: n.code,
      title: n.title,
      description: n.description,
      severity: String(n.severityLevel ?? ''),
    })),
  };
}

/** JSON parameters → Cypher values: whole numbers become integers (so `LIMIT $n` works). */
export function toCypherParams(v: unknown): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toCypherParams);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toCypherParams(x);
    return out;
  }
  return v;
}

export interface SandboxRequest {
  query: string;
  params: Record<string, unknown>;
  timeoutMs: number;
  maxRows: number;
  maxBytes?: number;
  onWatchdog?: (r: WatchdogReport) => void;
}

/**
 * The ad-hoc Cypher sandbox: lexical checks, EXPLAIN pre-check (read-only query type; no LOAD
 * CSV, batched transactions, admin commands or procedures outside the allowlist; no other
 * database), then a capped, timed run in a READ session. Cost: two round trips (+1 when
 * relationships come without their end nodes).
 */
export async function runSandboxed(db: Db, req: SandboxRequest): Promise<QueryResult> {
  const query = precheckText(req.query, req.params);
  const params = toCypherParams(req.params) as Record<string, unknown>;
  const check = await explainCheck(db, query, params);
  return streamQuery(db, query, params, {
    timeoutMs: req.timeoutMs,
    maxRows: req.maxRows,
    maxBytes: req.maxBytes ?? DEFAULT_MAX_BYTES,
    queryType: check.queryType,
    notifications: check.notifications,
    onWatchdog: req.onWatchdog,
  });
}
