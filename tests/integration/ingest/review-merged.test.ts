/**
 * A review item that names an entity merged into another since it was staged: accepting it links
 * the survivor instead, and the item's result and audit entry say it was re-pointed, and to what.
 * An id that never existed is still refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi;
let seeded: string;

beforeAll(async () => {
  seeded = await seededFingerprint();
  r = await reviewApi();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => {
  await r?.close();
});

describe('accepting an item that links a merged-away entity', () => {
  it('links the survivor and says so in the result and the audit', async () => {
    const s = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const view = await r.batch(id);
    const kursk = view.candidates.find(
      (c: any) => c.candidate.kind === 'entity' && c.candidate.text === 'Kursk region',
    );
    expect(kursk, 'no "Kursk region" candidate').toBeDefined();
    // A second node for the region, merged into the seeded one after the article was staged.
    await r.api.driver.executeQuery(
      `MATCH (k:Place {id: 'kursk-region'})
       CREATE (:Entity:Place {id: 'kursk-region-dup', name: 'Kursk oblast', aliases: [], kind: 'region', dataset: k.dataset})`,
      {},
      { database: 'neo4j' },
    );
    const merged = await r.call('POST', '/api/nodes/kursk-region/merge', {
      duplicate: 'kursk-region-dup',
      version: 0,
      duplicateVersion: 0,
      reason: 'the same region',
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    const cand = kursk.candidate.id as string;
    const nowhere = await r.accept(id, cand, { action: 'link', entityId: 'never-in-the-graph' });
    expect(nowhere.status).toBe(409);
    expect(JSON.stringify(nowhere.body)).toMatch(/never-in-the-graph/);

    const a = await r.accept(id, cand, { action: 'link', entityId: 'kursk-region-dup' });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const repointed = [
      {
        from: 'kursk-region-dup',
        to: 'kursk-region',
        name: 'Kursk region',
        mergedBy: 'local',
        mergedAt: expect.any(String),
      },
    ];
    expect(a.body.outcome.accepted[0].result).toEqual({ entityId: 'kursk-region', repointed });
    const after = await r.batch(id);
    expect(after.candidates.find((c: any) => c.candidate.id === cand).result).toMatchObject({ repointed });
    const entry = r.audit('ingest.accept').find((e) => e.target === `${id}/${cand}`);
    expect((entry?.after as any)?.result?.repointed).toEqual(repointed);
    // The mention went to the survivor.
    const m = await r.api.driver.executeQuery(
      "MATCH (:Article {id: $a})-[:MENTIONS]->(p {id: 'kursk-region'}) RETURN count(*) AS n",
      { a: after.articleId },
      { database: 'neo4j' },
    );
    expect(Number(m.records[0]!.get('n'))).toBe(1);
  });
});
