/**
 * The same article pasted again with trivial differences (spacing, line ends, no-break spaces,
 * another Unicode form) is the same article: refused with the 409 an exact re-paste gets, so one
 * report never becomes two Articles (and two sources for corroboration). The first text is kept
 * exactly as given.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded } from '../../support/seeded';
import { reviewApi, type ReviewApi } from './support/review-api';

const TEXT = `Ferry resumes near Rylsk

Ivanna Tkachova said on Monday that the ferry near Rylsk had resumed after the café reopened.
Repairs took two days.`;

let r: ReviewApi;
beforeAll(async () => {
  await ensureSeeded();
  r = await reviewApi();
});
afterAll(async () => r?.close());

describe('the same text with trivial differences', () => {
  it('is refused as a duplicate, and the first text is stored as given', async () => {
    const first = await r.stage('ferry.txt', TEXT);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const id = first.body.batch.id;
    const variants: Record<string, string> = {
      'double space': TEXT.replace('said on', 'said  on'),
      'CRLF line ends': TEXT.replace(/\n/g, '\r\n'),
      'trailing spaces': TEXT.replace(/\n/g, '  \n'),
      'no-break space': TEXT.replace('on Monday', 'on\u00a0Monday'),
      'decomposed accents (NFD)': TEXT.normalize('NFD'),
      'a line break for a space': TEXT.replace('ferry near', 'ferry\nnear'),
    };
    for (const [what, text] of Object.entries(variants)) {
      const again = await r.stage(`${what}.txt`, text);
      expect(again.status, what).toBe(409);
      expect(again.body.error, what).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', duplicateOf: id });
      expect(again.body.error.message, what).toMatch(/already ingested on \d{4}-\d{2}-\d{2} by local/);
    }
    expect((await r.call('GET', '/api/ingest/batches')).body.batches.map((b: any) => b.id)).toEqual([id]);
    const files = readdirSync(r.textDir);
    expect(files.length).toBe(1);
    expect(readFileSync(join(r.textDir, files[0]!), 'utf8')).toBe(TEXT);
  });

  it('recognises a batch staged before texts had identity keys', async () => {
    r.store.db.exec('DELETE FROM ingest_text_keys');
    const again = await r.stage('again.txt', TEXT.replace('Repairs took', 'Repairs  took'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/but for spacing, line ends or Unicode form/);
  });

  it('a different text is still staged', async () => {
    const other = await r.stage('ferry-2.txt', TEXT.replace('two days', 'three days'));
    expect(other.status, JSON.stringify(other.body)).toBe(200);
  });
});
