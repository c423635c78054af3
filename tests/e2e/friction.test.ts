/**
 * End to end, habits from other graph tools that used to trip a new user: a name typed in
 * Cyrillic finds its Latin spelling; the search's label chips say they narrow the search; the
 * evidence reader says where the quote sits in words (not character offsets) and whether the
 * original article's address is known; the detail panel writes machine keys as words.
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot } from '../support/browser';
import { search } from './support/explorer';

const T = 240_000;
const e2e = e2eSession();

describe('friction removed (e2e)', () => {
  it(
    '"Гладков" finds Vyacheslav Gladkov; the label chips are captioned as search filters',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await expect(page.getByTestId('search-filters-caption').textContent()).resolves.toMatch(/^Search only/);
      await search(page, 'Гладков');
      const first = page.locator('[data-testid=search-results] [role=option]').first();
      await expect(first.textContent()).resolves.toMatch(/Vyacheslav Gladkov/);
      await shot(page, 'friction-cyrillic-search');
    },
    T,
  );

  it(
    'the evidence reader gives the position in words and says whether the original is linked; panels write keys as words',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() =>
        window.__newsgraph!.explorer.openReader('express-2022-10-13-russia-hits-own-building-in-belgorod', 1384, 1441),
      );
      const reader = page.getByTestId('evidence-reader');
      await reader.locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      const meta = (await reader.getByTestId('reader-meta').textContent()) ?? '';
      expect(meta).toMatch(/of the way into the article|at the (start|end) of the article/);
      expect(meta).not.toMatch(/characters \d/);
      await expect(reader.getByTestId('reader-original').textContent()).resolves.toMatch(
        /original article|No address of the original/,
      );
      await shot(page, 'friction-evidence-reader');
      await page.keyboard.press('Escape');

      // Values stored as keys ("city", "russia") read as words ("City", "Russia") in the detail panel.
      const belgorod = (await nodeId(page, 'belgorod'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), belgorod);
      await idle(page);
      const props = page.locator('.props');
      await props.waitFor({ timeout: 30_000 });
      const values = await props.locator('dd').allTextContents();
      expect(values.length).toBeGreaterThan(0);
      expect(values.filter((v) => /^[a-z][a-z0-9]*([-_][a-z0-9]+)*$/.test(v))).toEqual([]);
      await shot(page, 'friction-detail-values');
    },
    T,
  );
});
