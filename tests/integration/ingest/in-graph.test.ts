/**
 * An article that is already in the GRAPH (a seeded one, or an accepted one whose staged batch is
 * gone) pasted again, exactly or but for spacing, line ends and Unicode form: refused with a 409
 * that names the existing Article (title, outlet, date), and nothing is staged. Seeded Articles
 * carry their text's identity key from the seed; an accept writes it on the Article it creates.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { SAME_ARTICLE_CYPHER } from '../../../src/ingest/staging/graph';
import { DEFAULT_ARTICLES_DIR, SEED_DATA_DIR } from '../../../src/runtime/paths';
import { graphFingerprint, reseedIfChanged, seededFingerprint } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const seed = readSeed(SEED_DATA_DIR);
const express = seed.articles.find((a) => a.id.startsWith('express-'))!;
const wsj = seed.articles.find((a) => a.id.startsWith('wsj-'))!;
const textOf = (file: string) => readFileSync(join(DEFAULT_ARTICLES_DIR, file), 'utf8');

const FRESH = `Ferry resumes near Tetkino

By Ivan Petrov, Harbour Wire

Ivanna Tkachova said on Monday that the ferry near Tetkino had resumed after the café reopened.
Repairs took two days.`;

let r: ReviewApi;
let seeded: string;
beforeAll(async () => {
  seeded = await seededFingerprint();
});
afterEach(() => reseedIfChanged(seeded));
afterAll(async () => r?.close());

/** Nothing of a refused paste is staged: no batch, no stored text. */
async function nothingStaged(api: ReviewApi) {
  expect((await api.call('GET', '/api/ingest/batches')).body.batches).toEqual([]);
  expect(existsSync(api.textDir) ? readdirSync(api.textDir) : []).toEqual([]);
}

describe('an article already in the graph', () => {
  it('a seeded article pasted again (its file as is, or re-spaced) is refused, naming it', async () => {
    r = await reviewApi();
    const variants: Record<string, string> = {
      // The Express text ends in white space the paste's normalisation trims: its sha256 differs from the seed's.
      'the file as it is': textOf(express.file),
      'CRLF line ends': textOf(express.file).replace(/\n/g, '\r\n'),
      'double spaces': textOf(wsj.file).replace(/ said /g, '  said '),
    };
    for (const [what, text] of Object.entries(variants)) {
      const a = what === 'double spaces' ? wsj : express;
      const res = await r.stage(`${what}.txt`, text);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(409);
      expect(res.body.error, what).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', duplicateOf: a.id });
      expect(res.body.error.message, what).toContain(`"${a.title}"`);
      expect(res.body.error.message, what).toContain(a.published);
    }
    expect((await r.stage('wsj.txt', textOf(wsj.file))).body.error.message).toContain('The Wall Street Journal');
    await nothingStaged(r);
  });

  it('an accepted article whose batch is gone (another store) is refused when pasted re-spaced', async () => {
    await r.close();
    r = await reviewApi();
    const meta = { published: '2024-03-11', outlet: 'Harbour Wire' };
    const respaced = FRESH.replace(/\n/g, '\r\n').replace('said on', 'said  on');
    // Staged elsewhere before the first is accepted: its accept is refused (its offsets fit its own text only).
    const early = await reviewApi();
    const earlyBatch = (await early.stage('early.txt', respaced, meta)).body.batch.id as string;
    const s = await r.stage('ferry.txt', FRESH, meta);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const id = s.body.batch.id as string;
    const bulk = await r.call('POST', `/api/ingest/batches/${id}/accept`, { minConfidence: 0 });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    const articleId = (await r.batch(id)).articleId as string;
    expect(articleId).toBeTruthy();
    try {
      const late = await early.call('POST', `/api/ingest/batches/${earlyBatch}/accept`, { minConfidence: 0 });
      expect(late.status, JSON.stringify(late.body)).toBe(409);
      expect(late.body.error.message).toMatch(/in the graph already .* but for spacing.*: discard this batch/);
    } finally {
      await early.close();
    }

    // A second API with its own staging store: the batch is not there, only the graph's Article.
    const other = await reviewApi();
    try {
      const again = await other.stage('ferry-again.txt', respaced);
      expect(again.status, JSON.stringify(again.body)).toBe(409);
      expect(again.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: articleId });
      expect(again.body.error.message).toMatch(/"Ferry resumes near Tetkino" \(Harbour Wire, 2024-03-11\)/);
      await nothingStaged(other);
    } finally {
      await other.close();
    }
    await r.undoAll(id);
    expect(await graphFingerprint()).toBe(seeded);
  });

  it('a different text with the title, outlet and date of a seeded article is refused too', async () => {
    const res = await r.stage('retyped.txt', 'Russia said on Friday that one of its jets dropped a bomb on Belgorod.', {
      title: `  ${wsj.title.toUpperCase()} `,
      outlet: 'The Wall Street Journal',
      published: wsj.published,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({ reason: 'DUPLICATE', duplicateOf: wsj.id });
    expect(res.body.error.message).toMatch(/same title, outlet and date/);
    // The same title on another day is another article.
    const other = await r.stage('other-day.txt', 'Russia said on Friday that one of its jets dropped a bomb.', {
      title: wsj.title,
      outlet: 'The Wall Street Journal',
      published: '2023-04-22',
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
  });

  it('is found by index seeks, never by reading every Article', async () => {
    const res = await r.api.driver.executeQuery(`EXPLAIN ${SAME_ARTICLE_CYPHER}`, {}, { database: 'neo4j' });
    const ops: string[] = [];
    const walk = (p: { operatorType: string; children: unknown[] }) => {
      ops.push(p.operatorType);
      for (const c of p.children) walk(c as typeof p);
    };
    walk(res.summary.plan as never);
    expect(ops.filter((o) => /NodeIndexSeek/.test(o)).length, ops.join(' ')).toBeGreaterThanOrEqual(4);
    expect(ops.join(' ')).not.toMatch(/NodeByLabelScan|AllNodesScan/);
  });
});
