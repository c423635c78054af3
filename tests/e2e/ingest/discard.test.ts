/**
 * A text the extractor cannot read, end to end: pasted Russian gets a review that says why it is
 * empty (only English is extracted) instead of a blank pane, and the staged article can be
 * discarded from there, after a confirmation; an English one can be discarded from the Staged
 * articles list. Neither touches the graph.
 */
import { describe, expect, it } from 'vitest';
import { idle, newPage, shot } from '../../support/browser';
import { graphFingerprint } from '../../support/seeded';
import { fillArticle, reviewShown, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-discard-');
const RUSSIAN =
  'Губернатор Белгородской области Вячеслав Гладков заявил, что беспилотник атаковал Шебекино. Пострадавших нет.';

describe('an empty review says why; a staged article can be discarded (e2e, headless Chromium)', () => {
  it(
    'a Russian text is explained and discarded; an English one is discarded from the list',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { text: RUSSIAN }, { explorer: e2e.app.url });
      const why = await page.locator('[data-testid=ingest-empty]').textContent();
      expect(why).toMatch(/mostly in Cyrillic .*only English text is extracted/);
      await shot(page, 'ingest-empty-russian');

      // Discard asks first; "Keep" keeps it.
      const empty = page.locator('[data-testid=ingest-empty]');
      await empty.locator('[data-testid=ingest-discard-ask]').click();
      await empty.getByRole('button', { name: 'Keep' }).click();
      await empty.locator('[data-testid=ingest-discard-ask]').click();
      await empty.locator('[data-testid=ingest-discard-confirm]').click();
      await page.waitForSelector('[data-testid=ingest-text]');
      expect(await page.locator('[data-testid=ingest-batch]').count()).toBe(0);

      // An English article, staged, then discarded from the Staged articles list after reopening the dialog.
      await fillArticle(page, { text: 'Orest Lyvarenko said on Monday that the market in Shebekino reopened.' });
      await page.click('[data-testid=ingest-submit]');
      await reviewShown(page);
      expect(await page.locator('[data-testid=ingest-empty]').count()).toBe(0);
      await page.click('[data-testid=ingest-close]');
      await page.click('[data-testid=add-article]');
      await page.waitForSelector('[data-testid=ingest-batch]');
      const listed = page.locator('[data-testid=ingest-staged] [data-testid=ingest-discard]');
      expect(await listed.count()).toBe(1);
      await listed.locator('[data-testid=ingest-discard-ask]').click();
      await listed.locator('[data-testid=ingest-discard-confirm]').click();
      await page.waitForSelector('[data-testid=ingest-batch]', { state: 'detached' });
      await idle(page);
      expect(await graphFingerprint()).toBe(e2e.seeded);
      expect(errors).toEqual([]);
    },
    T,
  );
});
