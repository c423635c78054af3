/**
 * Accepts racing each other (two tabs, two reviewers, two API processes on one store): a
 * candidate is written to the graph once, the other request is refused with a 409 that says why,
 * and the article is created once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const FIX = join(__dirname, '../../fixtures/ingest');
let r: ReviewApi | undefined;
let seeded: string;

async function count(q: string, params: Record<string, unknown>): Promise<number> {
  const res = await r!.api.driver.executeQuery(q, params, { database: 'neo4j' });
  return Number(res.records[0]!.get('n'));
}

async function stageWire(api: ReviewApi): Promise<string> {
  const s = await api.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return s.body.batch.id as string;
}

beforeAll(async () => {
  seeded = await seededFingerprint();
});
// A failed test must not leave its accepts to the next one (or to other files).
afterEach(async () => {
  await reseedIfChanged(seeded);
  await r?.close();
  r = undefined;
});

describe('concurrent accepts', () => {
  it('write a candidate once; the other request gets a 409', async () => {
    r = await reviewApi();
    const id = await stageWire(r);
    expect((await r.accept(id, 'e4')).status).toBe(200); // the article exists: the races below only link
    const article = (await r.batch(id)).articleId as string;
    for (const c of ['e1', 'e5', 'e9', 'e11']) {
      const both = await Promise.all([r.accept(id, c), r.accept(id, c)]);
      expect(both.map((x) => x.status).sort(), `${c}: ${JSON.stringify(both.map((x) => x.body.error))}`).toEqual([
        200, 409,
      ]);
      expect(both.find((x) => x.status === 409)!.body.error.message).toMatch(/is accepted already/);
    }
    const mentions =
      'MATCH (:Article {id: $a})-[m:MENTIONS]->(e) WITH e, count(m) AS k WHERE k > 1 RETURN count(e) AS n';
    expect(await count(mentions, { a: article })).toBe(0);
    const view = await r.batch(id);
    expect(view.accepts.filter((a: any) => a.state === 'committed')).toHaveLength(5);
    expect(r.audit('ingest.accept').filter((e: any) => e.target === `${id}/e1`)).toHaveLength(1);
    await r!.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('of two first accepts of an article, the article is created once and no request fails with a 4xx other than 409', async () => {
    r = await reviewApi();
    const id = await stageWire(r);
    const both = await Promise.all([r.accept(id, 'e4'), r.accept(id, 'e1')]);
    for (const x of both) expect([200, 409], JSON.stringify(x.body)).toContain(x.status);
    expect(both.some((x) => x.status === 200)).toBe(true);
    const lost = both.find((x) => x.status === 409);
    if (lost) expect(lost.body.error.message).toMatch(/at the same moment; reload the batch/);
    const sha = (await r.batch(id)).article.sha256 as string;
    expect(await count('MATCH (a:Article {sha256: $sha}) RETURN count(a) AS n', { sha })).toBe(1);
    await r!.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });
});
