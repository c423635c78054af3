import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { NeighboursResponseSchema, NodeDetailResponseSchema } from '../../../src/shared/api/index';
import { SEED_DATA_DIR } from '../../../src/runtime/paths';
import { nodeIdOf, useSeededApi } from '../../support/seeded-api';

// The read endpoints on the seeded Belgorod graph. Expected values come from seed/data (the same
// files the loader read), so the assertions follow the data rather than hard-coded counts.
const seed = readSeed(SEED_DATA_DIR);
const api = useSeededApi();

const idOf = (key: string): Promise<string> => nodeIdOf(api, key);

describe('GET /api/nodes/:id', () => {
  it('has properties, degrees, evidence quotes with article titles, and claims', async () => {
    const r = await api.get('/api/nodes/vyacheslav-gladkov');
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.node.key).toBe('vyacheslav-gladkov');
    expect(d.node.labels).toEqual(expect.arrayContaining(['Person', 'Entity']));
    expect(d.node.properties.aliases).toContain('Gladkov');

    const governor = d.degree.byType.find((t) => t.type === 'GOVERNOR_OF');
    expect(governor?.out).toBe(
      seed.relationships.filter((x) => x.type === 'GOVERNOR_OF' && x.from === 'vyacheslav-gladkov').length,
    );
    expect(d.degree.total).toBe(d.degree.byType.reduce((s, t) => s + t.out + t.in, 0));

    // Every quote of the GOVERNOR_OF link, each with its article's title and outlet.
    const seedEvidence = seed.relationships.find(
      (x) => x.type === 'GOVERNOR_OF' && x.from === 'vyacheslav-gladkov',
    )!.evidence;
    const govEvidence = d.evidence.filter((e) => e.relationship?.type === 'GOVERNOR_OF');
    expect(govEvidence.map((e) => e.quote).sort()).toEqual(seedEvidence.map((e) => e.quote).sort());
    for (const e of govEvidence) {
      const article = seed.articles.find((a) => a.id === e.article.key)!;
      expect(e.article.title).toBe(article.title);
      expect(e.article.outlet).toBeTruthy();
      expect(e.article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.relationship?.other.key).toBe('belgorod-region');
    }

    const made = seed.claims.filter((c) => c.claimant === 'vyacheslav-gladkov');
    expect(d.claimsMade.map((c) => c.key).sort()).toEqual(made.map((c) => c.id).sort());
    for (const c of d.claimsMade) {
      expect(c.claimant?.key).toBe('vyacheslav-gladkov');
      expect(c.about.length).toBeGreaterThan(0);
      expect(c.article?.title).toBeTruthy();
    }
    const mentioned = seed.mentions.filter((m) => m.entity === 'vyacheslav-gladkov');
    expect(d.mentions.length).toBe(mentioned.length);
  });

  it('shows claims about an event with their contradicting claims', async () => {
    const pair = seed.claims.find((c) => c.contradicts.length > 0)!;
    const event = pair.about[0]!;
    const r = await api.get(`/api/nodes/${event}`);
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.claimsAbout.map((c) => c.key)).toContain(pair.id);
    const c = d.claimsAbout.find((x) => x.key === pair.id)!;
    expect(c.contradicts.map((o) => o.key)).toEqual(expect.arrayContaining(pair.contradicts));
    expect(c.contradicts[0]!.claimant).not.toBeNull();
  });

  it('shows a claim node with its own quote and who made it', async () => {
    const claim = seed.claims[0]!;
    const r = await api.get(`/api/nodes/${claim.id}`);
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    expect(d.claim?.claimant?.key).toBe(claim.claimant);
    expect(d.evidence[0]).toMatchObject({
      relationship: null,
      quote: claim.evidence.quote,
      start: claim.evidence.start,
    });
  });

  it("cites an article with its inferred outlet and publication range (the Express's TASS claim)", async () => {
    const r = await api.get('/api/nodes/claim-tass-gubkin-ukrainian-shelling');
    expect(r.status).toBe(200);
    const d = NodeDetailResponseSchema.parse(r.body);
    const cite = {
      outlet: 'Daily Express',
      outletInferred: true,
      publishedFrom: '2022-10-10',
      publishedTo: '2022-10-14',
    };
    expect(d.evidence[0]!.article).toMatchObject(cite);
    const wsj = await api.get('/api/nodes/claim-russia-su34-accidental-drop-belgorod');
    expect(NodeDetailResponseSchema.parse(wsj.body).evidence[0]!.article).toMatchObject({
      outletInferred: false,
      publishedFrom: null,
      publishedTo: null,
    });
  });

  it('accepts the element id as well as our id, and 404s unknown ids', async () => {
    const eid = await idOf('belgorod');
    const byElement = await api.get(`/api/nodes/${encodeURIComponent(eid)}`);
    expect(byElement.status).toBe(200);
    expect(byElement.body.node.key).toBe('belgorod');
    for (const bad of ['no-such-node', encodeURIComponent(eid.replace(/:\d+$/, ':99999999'))]) {
      const r = await api.get(`/api/nodes/${bad}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it("Gladkov's neighbours include the Belgorod region", async () => {
    const r = await api.get('/api/nodes/vyacheslav-gladkov/neighbours');
    expect(r.status).toBe(200);
    const n = NeighboursResponseSchema.parse(r.body);
    expect(n.nodes.map((x) => x.key)).toContain('belgorod-region');
    const region = n.nodes.find((x) => x.key === 'belgorod-region')!;
    const edge = n.edges.find((e) => e.target === region.id && e.type === 'GOVERNOR_OF');
    expect(edge?.source).toBe(n.center);
    expect(edge?.properties.quote).toBeTruthy();
    expect(n.returned).toBe(n.total);
    expect(n.more).toEqual({});
  });

  it('caps the expansion and pages through it, with per-type "more" counts', async () => {
    const all = await api.get('/api/nodes/belgorod-region/neighbours?limit=500');
    expect(all.status).toBe(200);
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(6);
    const seen = new Set<string>();
    let skip = 0;
    const limit = 4;
    for (;;) {
      const page = await api.get(`/api/nodes/belgorod-region/neighbours?limit=${limit}&skip=${skip}`);
      const p = NeighboursResponseSchema.parse(page.body);
      expect(p.edges.length).toBe(p.returned);
      expect(p.returned).toBeLessThanOrEqual(limit);
      for (const e of p.edges) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      const remaining = Object.values(p.more).reduce((s, x) => s + x, 0);
      expect(remaining).toBe(total - skip - p.returned);
      expect(p.byType).toEqual(all.body.byType);
      skip += p.returned;
      if (remaining === 0) break;
    }
    expect(seen.size).toBe(total);
  });

  it('filters by type, direction and neighbour label', async () => {
    const r = await api.get('/api/nodes/belgorod-region/neighbours?types=OCCURRED_IN&direction=in&labels=Event');
    expect(r.status).toBe(200);
    const n = NeighboursResponseSchema.parse(r.body);
    expect(n.edges.length).toBeGreaterThan(0);
    for (const e of n.edges) {
      expect(e.type).toBe('OCCURRED_IN');
      expect(e.target).toBe(n.center);
    }
    for (const node of n.nodes.filter((x) => x.id !== n.center)) expect(node.labels).toContain('Event');
    const out = await api.get('/api/nodes/belgorod-region/neighbours?types=OCCURRED_IN&direction=out');
    expect(out.body.total).toBe(0);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['skip=-1', 'skip'],
    ['direction=up', 'direction'],
    // Unknown parameters are refused, not ignored (`types`, `labels` are the names).
    ['type=NOPE', 'type'],
    ['label=Nope', 'label'],
  ])('%s → 400', async (qs, param) => {
    const r = await api.get(`/api/nodes/belgorod/neighbours?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe(param);
  });

  it('404s an unknown node', async () => {
    expect((await api.get('/api/nodes/nobody/neighbours')).status).toBe(404);
  });
});
