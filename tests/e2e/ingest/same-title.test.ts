/**
 * Add article, refused for a graph Article of the same title, outlet and date with another text (a
 * live blog's later version): the form offers "Add as a separate article", which stages it and the
 * review says so. The same text re-pasted is refused with no such offer. Nothing reaches the graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../../../src/dataset/index';
import { DEFAULT_ARTICLES_DIR, SEED_DATA_DIR } from '../../../src/runtime/paths';
import { newPage, shot } from '../../support/browser';
import { graphFingerprint } from '../../support/seeded';
import { fillArticle, openAddArticle, reviewShown } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-same-title-');
const wsj = readSeed(SEED_DATA_DIR).articles.find((a) => a.id.startsWith('wsj-'))!;

describe('Add article: the same title, outlet and date (e2e, headless Chromium)', () => {
  it(
    'offers "Add as a separate article" only when the text differs',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await openAddArticle(page, e2e.app.url);
      // The seeded text itself, re-spaced: the same article, and no way around it.
      const same = readFileSync(join(DEFAULT_ARTICLES_DIR, wsj.file), 'utf8').replace(/ said /g, '  said ');
      const details = { title: wsj.title, outlet: 'The Wall Street Journal', published: wsj.published };
      await fillArticle(page, { ...details, text: same });
      await page.click('[data-testid=ingest-submit]');
      await page.waitForSelector('[data-testid=ingest-error]');
      expect(await page.locator('[data-testid=ingest-error]').textContent()).toMatch(/the same text is already in/);
      expect(await page.locator('[data-testid=ingest-add-separate]').count()).toBe(0);

      // Another text under the same title, outlet and date: refused, saying so, with the offer.
      await page.fill('[data-testid=ingest-text]', 'Update: Russia said on Friday that a second crater was found.');
      expect(await page.locator('[data-testid=ingest-error]').count()).toBe(1);
      await page.click('[data-testid=ingest-submit]');
      await page.waitForSelector('[data-testid=ingest-add-separate]');
      expect(await page.locator('[data-testid=ingest-error]').textContent()).toMatch(
        /same title, outlet and date as .*; the text differs/,
      );
      expect(await page.locator('[data-testid=ingest-batch]').count()).toBe(0);
      await shot(page, 'ingest-same-title-offer');
      await page.click('[data-testid=ingest-add-separate]');
      await reviewShown(page);
      expect(await page.locator('[data-testid=ingest-same-title]').textContent()).toContain(wsj.id);
      expect(await graphFingerprint()).toBe(e2e.seeded);
      expect(errors).toEqual([]);
    },
    T,
  );
});
