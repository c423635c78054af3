import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import type { GraphEdge } from '../../../src/shared/graph';
import { makeTestApi, type TestApi } from '../../support/api';
import { testDriver } from '../../support/neo4j';
import { ensureSeeded } from '../../support/seeded';

/**
 * Corroboration in the API's relationship payloads (`sources` distinct articles, `outlets`
 * distinct named outlets, `unnamed_outlets` articles whose outlet is a placeholder), checked against
 * the curated evidence, and the investigation endpoints in the OpenAPI document.
 */

let driver: Driver;
let api: TestApi;
const seed = readSeed(SEED_DATA_DIR);
const placeholders = new Set(seed.entities.filter((e) => e.data.placeholder === true).map((e) => e.data.id));
/** An article's outlet, null when a placeholder stands in for it (the seed's unnamed publisher). */
const outletOf = new Map(seed.articles.map((a) => [a.id, placeholders.has(a.outlet) ? null : a.outlet]));
const named = (articles: Set<string>) => new Set([...articles].map((a) => outletOf.get(a)).filter(Boolean)).size;
const unnamed = (articles: Set<string>) => [...articles].filter((a) => outletOf.get(a) === null).length;

/** What the seed files say: distinct articles and outlets behind a relationship's evidence. */
function expected(type: string, from: string, to: string) {
  const r = seed.relationships.find((x) => x.type === type && x.from === from && x.to === to);
  if (!r) throw new Error(`no ${type} ${from} -> ${to} in the seed`);
  const articles = new Set(r.evidence.map((e) => e.article));
  return {
    sources: articles.size,
    outlets: named(articles),
    unnamed: unnamed(articles),
    quotes: r.evidence.length,
  };
}

async function edgesOf(key: string): Promise<{ edges: GraphEdge[]; keyOf: (id: string) => string | null }> {
  const r = await api.get(`/api/nodes/${key}/neighbours?limit=500`);
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  const keys = new Map<string, string | null>(
    (r.body.nodes as { id: string; key: string | null }[]).map((n) => [n.id, n.key]),
  );
  return { edges: r.body.edges as GraphEdge[], keyOf: (id) => keys.get(id) ?? null };
}

beforeAll(async () => {
  driver = testDriver();
  await ensureSeeded();
  api = await makeTestApi();
});
afterAll(async () => {
  await api.close();
  await driver.close();
});

describe('relationship payloads carry sources and outlets', () => {
  it('Gladkov governs the Belgorod region according to four articles from four outlets', async () => {
    const { edges, keyOf } = await edgesOf('vyacheslav-gladkov');
    const gov = edges.find((e) => e.type === 'GOVERNOR_OF' && keyOf(e.target) === 'belgorod-region')!;
    const want = expected('GOVERNOR_OF', 'vyacheslav-gladkov', 'belgorod-region');
    expect(want.sources).toBe(4);
    expect(gov.properties.sources).toBe(want.sources);
    expect(gov.properties.outlets).toBe(want.outlets);
    expect(gov.properties.unnamed_outlets).toBe(want.unnamed);
    expect((gov.properties.evidence_articles as string[]).length).toBe(want.quotes);
  });

  it('two quotes from one article are one source', async () => {
    const { edges, keyOf } = await edgesOf('belgorod-attack-2023-12-30');
    const inv = edges.find(
      (e) => e.type === 'INVESTIGATES' && keyOf(e.source) === 'investigative-committee-of-russia',
    )!;
    const want = expected('INVESTIGATES', 'investigative-committee-of-russia', 'belgorod-attack-2023-12-30');
    expect(want.quotes).toBe(2);
    expect(inv.properties.sources).toBe(1);
    expect(inv.properties.outlets).toBe(1);
  });

  it('every relationship with evidence around Belgorod has counts matching its evidence', async () => {
    const { edges } = await edgesOf('belgorod');
    let checked = 0;
    for (const e of edges) {
      const ev = e.properties.evidence_articles as string[] | undefined;
      if (!ev) continue;
      const articles = new Set(ev);
      expect(e.properties.sources, `${e.type} ${e.id}`).toBe(articles.size);
      expect(e.properties.outlets, `${e.type} ${e.id}`).toBe(named(articles));
      expect(e.properties.unnamed_outlets, `${e.type} ${e.id}`).toBe(unnamed(articles));
      expect(e.properties.sources as number).toBeGreaterThanOrEqual(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    // Some facts are corroborated, some are single-source: the filter has something to do.
    expect(edges.some((e) => (e.properties.sources as number) > 1)).toBe(true);
    expect(edges.some((e) => e.properties.sources === 1)).toBe(true);
    // And some rest in part on the article whose publisher nobody named.
    expect(edges.some((e) => (e.properties.unnamed_outlets as number) > 0)).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('documents the investigation endpoints with their parameters', async () => {
    const r = await api.get('/api/openapi.json');
    expect(r.status).toBe(200);
    const paths = r.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/timeline', '/api/claims', '/api/articles/{id}/evidence']),
    );
    expect(paths['/api/timeline']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'asReportedBy']),
    );
    expect(paths['/api/claims']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['event', 'asReportedBy']),
    );
    expect(paths['/api/articles/{id}/evidence']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['id', 'start', 'end']),
    );
  });
});
