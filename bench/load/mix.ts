/** The request mix of `npm run bench:load`: search, node detail, expansion, paths and saved queries on the seeded graph. */
import neo4j from 'neo4j-driver';

export interface Req {
  kind: 'search' | 'node' | 'expand' | 'paths' | 'saved';
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export const WEIGHTS: Record<Req['kind'], number> = { search: 30, node: 25, expand: 20, paths: 10, saved: 15 };

/** Deterministic PRNG (mulberry32), so a run's mix is reproducible with --seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entities the mix is drawn from, at most: a large generated graph is sampled (each request is checked once first). */
const MAX_ENTITIES = 300;

export async function buildMix(
  uri: string,
  password: string,
  database: string,
  base: string,
  rand: () => number,
): Promise<Record<Req['kind'], Req[]>> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  // Articles too: saved queries take them as parameters.
  const ents = await driver
    .executeQuery(
      `MATCH (e:Entity) RETURN e.id AS id, e.name AS name, elementId(e) AS eid, labels(e) AS labels ORDER BY e.id
       UNION ALL
       MATCH (a:Article) WITH a ORDER BY a.id LIMIT 1000
       RETURN a.id AS id, a.title AS name, elementId(a) AS eid, labels(a) AS labels`,
      {},
      { database },
    )
    .finally(() => driver.close());
  const rows = ents.records.map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    eid: r.get('eid') as string,
    labels: r.get('labels') as string[],
  }));
  const all = rows.filter((x) => x.labels.includes('Entity'));
  // A seeded sample without repeats (partial Fisher–Yates), so the mix stays reproducible.
  for (let i = 0; i < Math.min(MAX_ENTITIES, all.length); i++) {
    const j = i + Math.floor(rand() * (all.length - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const entities = all.slice(0, MAX_ENTITIES);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const enc = encodeURIComponent;
  const mix: Record<Req['kind'], Req[]> = { search: [], node: [], expand: [], paths: [], saved: [] };
  for (const e of entities) {
    const word = e.name.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? e.name;
    const typo = word.length > 5 ? word.slice(0, 2) + word.slice(3) : word;
    for (const q of new Set([e.name, word.slice(0, 5), typo]))
      mix.search.push({ kind: 'search', method: 'GET', path: `/api/search?q=${enc(q)}&limit=20` });
    mix.node.push({ kind: 'node', method: 'GET', path: `/api/nodes/${enc(rand() < 0.5 ? e.id : e.eid)}` });
    mix.expand.push({
      kind: 'expand',
      method: 'GET',
      path: `/api/nodes/${enc(e.id)}/neighbours?limit=${pick([25, 50, 100])}`,
    });
  }
  for (let i = 0; i < 200; i++) {
    const [a, b] = [pick(entities), pick(entities)];
    if (a.id !== b.id)
      mix.paths.push({
        kind: 'paths',
        method: 'GET',
        path: `/api/paths?from=${enc(a.id)}&to=${enc(b.id)}&maxHops=4&exclude=MENTIONS`,
      });
  }
  const list = (await (await fetch(`${base}/api/queries`)).json()) as {
    queries: Array<{
      name: string;
      params: Array<{ name: string; type: string; default?: unknown; required: boolean; entityLabels?: string[] }>;
    }>;
  };
  for (const q of list.queries) {
    // Every entity parameter gets a node of its labels from this graph (the defaults name the
    // Belgorod graph's nodes); defaults for the rest.
    for (let v = 0; v < 3; v++) {
      const params: Record<string, unknown> = {};
      let ok = true;
      for (const p of q.params) {
        if (p.type === 'entity') {
          const fits = p.entityLabels?.length
            ? rows.filter((x) => p.entityLabels!.some((l) => x.labels.includes(l)))
            : all;
          if (fits.length) params[p.name] = pick(fits).id;
          else ok = false;
        } else if (p.required) ok = false;
      }
      if (ok)
        mix.saved.push({
          kind: 'saved',
          method: 'POST',
          path: `/api/queries/${enc(q.name)}/run`,
          body: JSON.stringify({ params }),
        });
    }
  }
  return mix;
}

/** Every request of the mix once, before the run: the mix must be valid (all 2xx) to mean anything. */
export async function checkMix(base: string, mix: Record<Req['kind'], Req[]>): Promise<string[]> {
  const bad: string[] = [];
  for (const list of Object.values(mix)) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      const res = await fetch(base + r.path, {
        method: r.method,
        body: r.body,
        headers: r.body ? { 'content-type': 'application/json' } : {},
      });
      const text = await res.text();
      if (res.status >= 500) throw new Error(`warm-up: ${r.method} ${r.path} → ${res.status} ${text.slice(0, 200)}`);
      if (res.status !== 200) {
        // A request that is wrong by construction (e.g. a saved query needing a value we cannot
        // invent) leaves the mix, and is reported.
        bad.push(`${r.method} ${r.path} → ${res.status} ${text.slice(0, 120)}`);
        list.splice(i--, 1);
      }
    }
  }
  return bad;
}
