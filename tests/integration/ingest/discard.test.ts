/**
 * Discarding a staged article: an editor may remove a batch nothing of which is accepted (its
 * decisions, its text file, its place in "Staged articles"), audited; a batch with an accepted item
 * is refused with a clear 409 until that accept is undone.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const RUSSIAN =
  'Губернатор Белгородской области Вячеслав Гладков заявил, что беспилотник атаковал Шебекино. Пострадавших нет.';
const FIX = join(__dirname, '../../fixtures/ingest');

let r: ReviewApi;
let seeded: string;
beforeAll(async () => {
  seeded = await seededFingerprint();
  r = await reviewApi();
});
afterEach(async () => {
  await reseedIfChanged(seeded);
});
afterAll(async () => r?.close());

const ids = async () => (await r.call('GET', '/api/ingest/batches')).body.batches.map((b: any) => b.id);

describe('discarding a staged article', () => {
  it('removes a batch with nothing accepted, its text and its decisions, audited; it can be staged again', async () => {
    const s = await r.stage('ru.txt', RUSSIAN);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id;
    expect(readdirSync(r.textDir).length).toBe(1);
    const gone = await r.call('DELETE', `/api/ingest/batches/${id}`);
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    expect(gone.body).toEqual({ discarded: id });
    expect(await ids()).not.toContain(id);
    expect(readdirSync(r.textDir).length).toBe(0);
    expect((await r.call('GET', `/api/ingest/batches/${id}`)).status).toBe(404);
    const entry = r.audit('ingest.discard')[0]!;
    expect(entry).toMatchObject({ target: id, actor: 'local', after: null });
    expect(entry.before).toMatchObject({ id, title: expect.any(String) });
    expect((await r.call('DELETE', `/api/ingest/batches/${id}`)).status).toBe(404);
    // Gone means gone: the same text is no duplicate any more.
    expect((await r.stage('ru-again.txt', RUSSIAN)).status).toBe(200);
  });

  it('refuses a batch with an accepted item until it is undone', async () => {
    const s = await r.stage('wire-report.html', readFileSync(join(FIX, 'wire-report.html')));
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id;
    const acc = await r.accept(id, 'e1'); // the region: writes the article too
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const refused = await r.call('DELETE', `/api/ingest/batches/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/has 1 accepted item in the graph: undo them first/);
    expect(await ids()).toContain(id);
    expect(existsSync(r.textDir) && readdirSync(r.textDir).length).toBeGreaterThan(0);
    const accept = (await r.batch(id)).accepts[0].id;
    expect((await r.call('POST', `/api/ingest/accepts/${accept}/undo`)).status).toBe(200);
    expect((await r.call('DELETE', `/api/ingest/batches/${id}`)).status).toBe(200);
    expect(await ids()).not.toContain(id);
  });
});
