import { describe, expect, it } from 'vitest';
import { OwnNeo4j } from '../../support/own-neo4j';
import { measureAtSizes, type Hits, type ProfiledApi } from './profile-support';

// Database hits (PROFILE of exactly the Cypher each request ran) of the evidence reader and of the
// schema's per-label property keys on the generated news graph at two sizes, the second 10× the
// first: one fixed bound holds at both, so neither reads the whole graph (a scan of every
// relationship, or of every node per label, grows 10× and breaks the bound at the larger size).
const SIZES = [2_000, 20_000] as const;

interface Span {
  article: string;
  start: number;
  end: number;
  /** The element id of the relationship or claim the quote is evidence of. */
  via: string;
}
interface Spans {
  mention: Span;
  claim: Span;
  fact: Span;
}
interface Probe {
  name: string;
  url: (s: Spans) => string;
  bound: number;
  /** Only these recorded statements are profiled (the schema's SHOW commands have no plan to profile). */
  keep?: (query: string) => boolean;
}
const e = encodeURIComponent;
const evidence = (s: Span, via = false) =>
  `/api/articles/${e(s.article)}/evidence?start=${s.start}&end=${s.end}${via ? `&via=${e(s.via)}` : ''}`;
const PROBES: Probe[] = [
  // Measured: 600–800 hits at both sizes; a scan of every relationship was 8.5k and 82k.
  // The article's own relationships (MENTIONS, REPORTS) and what it reports: its neighbourhood.
  { name: 'evidence reader: a mention', url: (s) => evidence(s.mention), bound: 1_500 },
  { name: 'evidence reader: a claim', url: (s) => evidence(s.claim), bound: 1_500 },
  // What the explorer sends: the quote's own relationship, so a fact between two nodes the article
  // does not mention is found without a search.
  { name: 'evidence reader: a fact, with its relationship', url: (s) => evidence(s.fact, true), bound: 1_500 },
  { name: 'evidence reader: a claim, with the claim', url: (s) => evidence(s.claim, true), bound: 1_500 },
  {
    name: 'schema: property keys per label',
    url: () => '/api/schema',
    keep: (q) => q.includes('keys(n)'),
    // A sample of 200 nodes per label, every property key of each read (measured: 5.8k and 16.9k hits;
    // with the label dynamic, a scan of every node per label: 10.3k and 38.9k).
    bound: 20_000,
  },
];

const own = new OwnNeo4j();
const figures = new Map<string, ({ size: number } & Hits)[]>();
const failures = new Map<string, string>();

/** A quote of each kind, with its article's key and the element id of what it is evidence of. */
async function spans(): Promise<Spans> {
  const driver = own.driver();
  try {
    const one = async (cypher: string): Promise<Span> => {
      const r = await driver.executeQuery(cypher, {}, { database: own.target.database });
      const x = r.records[0]!;
      return {
        article: x.get('article') as string,
        start: Number(x.get('start')),
        end: Number(x.get('end')),
        via: x.get('via') as string,
      };
    };
    return {
      mention: await one(
        'MATCH (a:Article)-[m:MENTIONS]->() RETURN a.id AS article, m.start AS start, m.end AS end, elementId(m) AS via ORDER BY a.id LIMIT 1',
      ),
      claim: await one(
        'MATCH (a:Article)-[:REPORTS]->(c:Claim) RETURN a.id AS article, c.start AS start, c.end AS end, elementId(c) AS via ORDER BY c.id LIMIT 1',
      ),
      // A fact whose article mentions neither end: only its relationship says where it comes from.
      fact: await one(
        `MATCH (x)-[r]->(y) WHERE r.evidence_articles IS NOT NULL AND NOT r:MENTIONS|REPORTS|MADE|ABOUT|CONTRADICTS
         MATCH (a:Article {id: r.evidence_articles[0]}) WHERE NOT (a)--(x) AND NOT (a)--(y)
         RETURN a.id AS article, r.evidence_starts[0] AS start, r.evidence_ends[0] AS end, elementId(r) AS via
         ORDER BY elementId(r) LIMIT 1`,
      ),
    };
  } finally {
    await driver.close();
  }
}

async function measure(size: number, _g: unknown, api: ProfiledApi): Promise<void> {
  const s = await spans();
  for (const p of PROBES) {
    try {
      const r = await api.dbHits(p.url(s), undefined, p.keep);
      figures.set(p.name, [...(figures.get(p.name) ?? []), { size, ...r }]);
    } catch (x) {
      failures.set(p.name, (x as Error).message);
    }
  }
}

measureAtSizes(own, SIZES, measure);

describe('the evidence reader and the schema read the same whatever the size of the graph', () => {
  it.each(PROBES.map((p) => [p.name, p.bound] as const))('%s: ≤ %i db hits at both sizes', (name) => {
    expect(failures.get(name)).toBeUndefined();
    const f = figures.get(name)!;
    const { bound } = PROBES.find((p) => p.name === name)!;
    process.stdout.write(`${name}: ${f.map((x) => `${x.hits} hits at ${x.size}`).join(', ')}\n`);
    expect(f.map((x) => x.size)).toEqual([...SIZES]);
    for (const x of f) {
      expect(x.statements, x.queries.join('\n---\n')).toBe(1);
      expect(x.hits).toBeGreaterThan(0);
      expect(x.hits).toBeLessThanOrEqual(bound);
    }
  });

  it('the probes answer what they were asked for (else their cost proves nothing)', () => {
    for (const p of PROBES.filter((x) => x.name.startsWith('evidence')))
      for (const x of figures.get(p.name) ?? []) expect(x.body.quote, p.name).toBeTruthy();
    const schema = figures.get('schema: property keys per label')!.at(-1)!.body;
    for (const l of ['Person', 'Organization', 'Place', 'Event', 'Weapon', 'Claim', 'Article'])
      expect(schema.labelProperties[l], l).toContain('id');
  });
});
