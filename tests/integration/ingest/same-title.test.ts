/**
 * Two different articles with the same title, outlet and date (a live blog's successive versions,
 * a wire story updated during the day): the weakest match. The 409 says the text differs, and a
 * resend with `allowSameTitle` stages it as a separate article, the override recorded with the
 * batch. The same text, sha256 or URL stays refused with or without the flag. Nothing is staged on
 * a refused request. Also: an article accepted before Articles carried `text_key` is still known
 * by its text, from the staged batch the store keeps for it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { DEFAULT_ARTICLES_DIR, SEED_DATA_DIR } from '../../../src/runtime/paths';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const wsj = readSeed(SEED_DATA_DIR).articles.find((a) => a.id.startsWith('wsj-'))!;
const WSJ_META = { title: wsj.title, outlet: 'The Wall Street Journal', published: wsj.published };
const UPDATE =
  'Russia said on Friday that one of its jets dropped a bomb on Belgorod. Update: a second crater was found.';

const LIVE = `Ferry live: crossings near Tetkino

By Ivan Petrov, Harbour Wire

Ivanna Tkachova said on Monday that the ferry near Tetkino had resumed after the café reopened.
Repairs took two days.`;
const LIVE_META = {
  title: 'Ferry live: crossings near Tetkino',
  outlet: 'Harbour Wire',
  published: '2024-03-11',
  url: 'https://harbour.example/live/ferry',
};

let r: ReviewApi;
let seeded: string;
beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => r?.close());

const stage = (name: string, text: string, meta: Record<string, string>, allowSameTitle?: boolean) =>
  r.call('POST', '/api/ingest/articles', { text, name, meta, ...(allowSameTitle ? { allowSameTitle } : {}) });

async function nothingStaged() {
  expect((await r.call('GET', '/api/ingest/batches')).body.batches).toEqual([]);
  expect(existsSync(r.textDir) ? readdirSync(r.textDir) : []).toEqual([]);
}

async function acceptAll(id: string): Promise<string> {
  const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0 });
  expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
  const articleId = (await r.batch(id)).articleId as string;
  expect(articleId).toBeTruthy();
  return articleId;
}

describe('the same title, outlet and date with a different text', () => {
  it('is refused saying the text differs, and staged as a separate article when asked', async () => {
    r = await reviewApi();
    const res = await stage('update.txt', UPDATE, WSJ_META);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: wsj.id, match: 'title' });
    expect(res.body.error.message).toContain(
      `same title, outlet and date as "${wsj.title}" (The Wall Street Journal, ${wsj.published})`,
    );
    expect(res.body.error.message).toMatch(/the text differs/);
    await nothingStaged();

    const again = await stage('update.txt', UPDATE, WSJ_META, true);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const id = again.body.batch.id as string;
    const view = await r.batch(id);
    // The override is part of the batch's provenance, beside who staged it and when.
    expect(view.article.sameTitleAs).toBe(wsj.id);
    expect(view.createdBy).toBe('local');
    const [audit] = r.audit('ingest.stage');
    expect(audit?.detail).toMatchObject({ sameTitleAs: wsj.id });

    // Accepted, it is an Article of its own beside the seeded one.
    const articleId = await acceptAll(id);
    expect(articleId).not.toBe(wsj.id);
    const n = await r.api.driver.executeQuery(
      'MATCH (a:Article) WHERE a.title = $t RETURN count(a) AS n',
      { t: wsj.title },
      { database: 'neo4j' },
    );
    expect(Number(n.records[0]!.get('n'))).toBe(2);
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('the same text, or the same URL, stays refused with the flag, and nothing is staged', async () => {
    await r.close();
    r = await reviewApi();
    const seededText = readFileSync(join(DEFAULT_ARTICLES_DIR, wsj.file), 'utf8').replace(/ said /g, '  said ');
    const sameText = await stage('wsj.txt', seededText, WSJ_META, true);
    expect(sameText.status, JSON.stringify(sameText.body)).toBe(409);
    expect(sameText.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: wsj.id, match: 'text' });
    expect(sameText.body.error.message).not.toMatch(/text differs/);
    await nothingStaged();

    // An accepted article with a URL: a different text at that URL is the same article.
    const first = await stage('live-1.txt', LIVE, LIVE_META);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const firstId = first.body.batch.id as string;
    const articleId = await acceptAll(firstId);
    const other = await reviewApi();
    try {
      const sameUrl = await other.call('POST', '/api/ingest/articles', {
        text: LIVE.replace('two days', 'three days'),
        name: 'live-2.txt',
        meta: LIVE_META,
        allowSameTitle: true,
      });
      expect(sameUrl.status, JSON.stringify(sameUrl.body)).toBe(409);
      expect(sameUrl.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: articleId, match: 'url' });
      expect((await other.call('GET', '/api/ingest/batches')).body.batches).toEqual([]);
      // Another URL: the later version is a separate article once asked for.
      const later = { ...LIVE_META, url: 'https://harbour.example/live/ferry?update=2' };
      const v2 = LIVE.replace('two days', 'three days');
      const refused = await other.call('POST', '/api/ingest/articles', { text: v2, name: 'v2.txt', meta: later });
      expect(refused.body.error).toMatchObject({ duplicateOf: articleId, match: 'title' });
      const v2ok = await other.call('POST', '/api/ingest/articles', {
        text: v2,
        name: 'v2.txt',
        meta: later,
        allowSameTitle: true,
      });
      expect(v2ok.status, JSON.stringify(v2ok.body)).toBe(200);
    } finally {
      await other.close();
    }
    await r.undoAll(firstId);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('rejects a flag that is not a boolean', async () => {
    const res = await r.call('POST', '/api/ingest/articles', { text: UPDATE, meta: WSJ_META, allowSameTitle: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toMatch(/allowSameTitle/);
  });
});

describe('an article accepted before Articles carried text_key', () => {
  it('is refused when pasted again re-spaced, naming the graph article', async () => {
    await r.close();
    r = await reviewApi();
    const first = await stage('live.txt', LIVE, LIVE_META);
    const id = first.body.batch.id as string;
    const articleId = await acceptAll(id);
    // As an accept before text_key existed left it: no key on the Article, none recorded for the batch.
    const q = (cypher: string) => r.api.driver.executeQuery(cypher, { id: articleId }, { database: 'neo4j' });
    const key = (await q('MATCH (a:Article {id: $id}) RETURN a.text_key AS k')).records[0]!.get('k') as string;
    await q('MATCH (a:Article {id: $id}) REMOVE a.text_key');
    r.store.db.exec('DELETE FROM ingest_text_keys');
    try {
      const again = await stage('again.txt', LIVE.replace(/\n/g, '\r\n').replace('said on', 'said  on'), {});
      expect(again.status, JSON.stringify(again.body)).toBe(409);
      expect(again.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: id });
      expect(again.body.error.message).toMatch(/but for spacing/);
      expect(again.body.error.message).toContain(`in the graph as "${LIVE_META.title}" (Harbour Wire, 2024-03-11)`);
    } finally {
      await r.api.driver.executeQuery(
        'MATCH (a:Article {id: $id}) SET a.text_key = $key',
        { id: articleId, key },
        { database: 'neo4j' },
      );
    }
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });
});
