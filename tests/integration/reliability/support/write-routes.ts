/**
 * The write-route audit: every write operation of the OpenAPI document, and every write route the
 * app actually registered (so an undocumented one cannot hide), is called without credentials and
 * as a viewer; each must be refused (401/403) before its handler runs. Returns the violations, so
 * a test can show that a deliberately unguarded route is caught.
 */
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../../../src/shared/api/routes';
import { as, type Credentials } from '../../../support/auth';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Non-GET operations that only read, allowed to viewers on purpose: the read-only Cypher sandbox,
 * running a saved (EXPLAIN-checked, read-only) query, and "edges between these nodes" (a long id
 * list in a body). Adding to this list is a security decision: the sandbox tests cover these paths.
 */
export const READS_BY_POST = new Set(['POST /api/cypher', 'POST /api/queries/{name}/run', 'POST /api/edges/between']);

/**
 * Writes a viewer may make on purpose: saving a view too long for a link (the app store only,
 * never the graph; size-capped and rate-limited per caller). Still refused without credentials.
 */
export const VIEWER_WRITES = new Set(['POST /api/views']);

/** Signing in and out: open to whoever asks. */
export const PUBLIC_WRITES = new Set(['POST /api/session', 'DELETE /api/session']);

export interface Operation {
  method: string;
  /** OpenAPI style: /api/nodes/{id}. */
  path: string;
}

/** The operations of an OpenAPI document. */
export function documentedOperations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/** Every route Fastify has, from its route tree (printRoutes), as OpenAPI-style paths. */
export function registeredRoutes(app: FastifyInstance): Operation[] {
  const out: Operation[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]?.split(',').map((s) => s.trim()) ?? [])
      out.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
  }
  return out;
}

const key = (o: Operation) => `${o.method} ${o.path}`;
const DECLARED = new Map(Object.values(ROUTES).map((r) => [`${r.method} ${r.path}`, r.role as string]));

/** A URL for an operation: each path parameter gets a harmless value. */
const urlOf = (o: Operation) => o.path.replace(/\{\w+\}/g, 'probe');

/**
 * Calls every write operation as nobody, as a viewer (session with its CSRF token, and bearer
 * token) and, for admin routes, as an editor. Cost: a few injected requests per write route.
 */
export async function auditWriteRoutes(
  app: FastifyInstance,
  doc: { paths: Record<string, Record<string, unknown>> },
  who: { viewer: Credentials[]; editor: Credentials },
): Promise<{ violations: string[]; checked: string[] }> {
  await app.ready();
  const violations: string[] = [];
  const documented = documentedOperations(doc);
  const inDoc = new Set(documented.map(key));
  const registered = registeredRoutes(app).filter((o) => !READ_METHODS.has(o.method));
  for (const o of registered)
    if (!inDoc.has(key(o))) violations.push(`${key(o)} is registered but not in the OpenAPI document`);
  const writes = new Map<string, Operation>();
  for (const o of [...documented, ...registered]) if (!READ_METHODS.has(o.method)) writes.set(key(o), o);

  const refused = (s: number) => s === 401 || s === 403;
  for (const [k, o] of writes) {
    if (PUBLIC_WRITES.has(k)) continue;
    const call = (c: Credentials) => as(app, c, o.method as 'POST', urlOf(o), {});
    const anon = await call({});
    if (anon.status !== 401) violations.push(`${k}: without credentials answered ${anon.status}, not 401`);
    if (READS_BY_POST.has(k) || VIEWER_WRITES.has(k)) continue;
    for (const v of who.viewer) {
      const r = await call(v);
      if (!refused(r.status)) violations.push(`${k}: a viewer (${v.bearer ? 'token' : 'session'}) got ${r.status}`);
    }
    if (DECLARED.get(k) === 'admin') {
      const r = await call(who.editor);
      if (r.status !== 403) violations.push(`${k}: an editor got ${r.status} on an admin route`);
    }
  }
  return { violations, checked: [...writes.keys()] };
}
