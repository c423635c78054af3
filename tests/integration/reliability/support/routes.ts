import type { FastifyInstance } from 'fastify';

export interface RouteInfo {
  method: string;
  /** Fastify style: /api/nodes/:id */
  path: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  documented: boolean;
}

/**
 * Every /api route the app really registered (from Fastify's route tree), completed with the
 * parameters its OpenAPI operation declares; routes the OpenAPI document does not list are still
 * returned (documented: false), so nothing escapes the fuzzer. Cost: one inject.
 */
export async function discoverRoutes(app: FastifyInstance, headers: Record<string, string> = {}): Promise<RouteInfo[]> {
  await app.ready();
  const tree = app.printRoutes({ commonPrefix: false });
  const registered: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const full = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = full;
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (full.startsWith('/api')) registered.push({ method, path: full });
    }
  }
  const doc = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json', headers })).body) as {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown }>>;
  };
  const documented = new Map<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: unknown }>();
  for (const [p, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops))
      documented.set(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, op);

  return registered.map(({ method, path }) => {
    const op = documented.get(`${method} ${path}`);
    const pathParams = [...path.matchAll(/:(\w+)/g)].map((x) => x[1]!);
    return {
      method,
      path,
      pathParams,
      queryParams: op ? (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) : GENERIC_QUERY_PARAMS,
      hasBody: op ? !!op.requestBody : method === 'POST',
      documented: !!op,
    };
  });
}

/** Parameter names tried on routes the OpenAPI document does not describe. */
const GENERIC_QUERY_PARAMS = [
  'q',
  'id',
  'limit',
  'skip',
  'types',
  'labels',
  'direction',
  'from',
  'to',
  'maxHops',
  'start',
  'end',
  'article',
  'entity',
  'status',
];
