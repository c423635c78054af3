/**
 * Reviewing a pasted article that came without its details: the review shows "Article details"
 * above the text, open, with the fields that block accepting marked; an accept refused for them
 * points there; once saved, the same accept goes through. The app runs on a private data folder
 * with the pure-JS name finder (no JVM).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage } from '../../support/browser';
import { openStagedReview, saveDetails, submitArticle } from '../support/add-article';
import { ingestSession } from '../support/ingest-session';

const T = 300_000;
const e2e = ingestSession('e2e-details-');
const TEXT =
  'Drone strike on a Kharkiv school\n\nOleh Syniehubov said a drone hit a school in Kharkiv overnight. ' +
  'Vyacheslav Gladkov said Belgorod was shelled on Tuesday.\n\n' +
  'Marta Hrytsenko, governor of the Sumy region, said on Saturday that a bakery was damaged.';

const rowTitled = (page: Page, title: string) => page.locator('[data-testid=ingest-row]', { hasText: title }).first();

/** Opens the staged article's review; gives the batch's API address and the batch as the server sends it. */
async function openStaged(page: Page): Promise<{ api: string; view: any }> {
  const batch = await openStagedReview(page, e2e.app.url);
  const api = `${e2e.app.url.replace(/\/$/, '')}/api/ingest/batches/${batch}`;
  return { api, view: (await (await fetch(api)).json()).batch };
}

describe('article details in the review (e2e, headless Chromium)', () => {
  it(
    'a pasted article without outlet and date gets them in the review, then its items can be accepted',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await submitArticle(page, { text: TEXT }, { explorer: e2e.app.url });
      const details = page.locator('[data-testid=ingest-details]');
      expect(await details.getAttribute('open')).not.toBeNull();
      // What extraction found is filled in; what blocks accepting is marked.
      expect(await details.locator('[data-testid=ingest-details-title]').inputValue()).toBe(
        'Drone strike on a Kharkiv school',
      );
      const marked = await details.locator('[aria-invalid=true]').evaluateAll((els) => els.map((e) => e.id));
      expect(marked.sort()).toEqual(['ingest-details-outlet', 'ingest-details-published']);

      const kharkiv = rowTitled(page, 'Place · Kharkiv');
      const id = (await kharkiv.getAttribute('data-candidate'))!;
      await kharkiv.locator('[data-testid=ingest-accept]').click();
      await page.waitForSelector('[data-testid=ingest-message][role=alert]');
      expect(await page.locator('[data-testid=ingest-message]').textContent()).toMatch(
        /Fill in the article.s outlet and publication date first \(Article details, above the text\)/,
      );

      // Without a publication date "on Tuesday" is no date yet; the saved date resolves it.
      expect(await rowTitled(page, 'Date · on Tuesday').count()).toBe(0);
      await details.locator('[data-testid=ingest-details-outlet]').fill('Test Gazette');
      await details.locator('[data-testid=ingest-details-published]').fill('2024-05-15');
      await saveDetails(page);
      await rowTitled(page, 'Date · on Tuesday').waitFor();
      await kharkiv.locator('[data-testid=ingest-accept]').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`);
      // Saved on the server: a fresh read of the batch has them.
      await page.click('[data-testid=ingest-close]');
      await openStagedReview(page);
      expect(await page.locator('[data-testid=ingest-details-outlet]').inputValue()).toBe('Test Gazette');
      expect(await page.locator('[data-testid=ingest-details-published]').inputValue()).toBe('2024-05-15');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'an accept from a view another reviewer changed since is refused, and the review then shows the change',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      const { api, view } = await openStaged(page);
      // Another reviewer renames a new entity meanwhile (the API, as a second tab would).
      const fresh = view.candidates.find(
        (c: any) => c.state === 'pending' && c.decision?.action === 'create' && c.decision.label && !c.blocked,
      );
      const id = fresh.candidate.id as string;
      const renamed = `${fresh.decision.name} Jr`;
      const person = page.locator(`[data-testid=ingest-row][data-candidate="${id}"]`);
      expect(await person.getAttribute('data-state')).toBe('pending');
      const edited = await fetch(`${api}/candidates/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ decision: { ...fresh.decision, name: renamed } }),
      });
      expect(edited.status, await edited.text()).toBe(200);

      await person.locator('[data-testid=ingest-accept]').click();
      await page.waitForSelector('[data-testid=ingest-message][role=alert]');
      expect(await page.locator('[data-testid=ingest-message]').textContent()).toMatch(
        /changed by .* since you opened it: now edited \(".* Jr"\)/,
      );
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="edited"]`);
      // The row shows the edit it will write; the messages name items, not internal ids.
      expect(await person.locator('.ingest-row-title').textContent()).toBe(`${fresh.decision.label} · ${renamed}`);
      await person.locator('[data-testid=ingest-accept]').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`);
      expect(await page.locator('[data-testid=ingest-message]').textContent()).toMatch(
        new RegExp(`^Accepted "${fresh.decision.label} · ${renamed}": \\d+ created`),
      );
      expect(errors.filter((e) => !/409/.test(e))).toEqual([]);
    },
    T,
  );
  it(
    '"Same as" can merge into any graph entity of a compatible label found by search, not only the suggestions',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      const { api, view } = await openStaged(page);
      const place = view.candidates.find(
        (c: any) => c.state === 'pending' && c.candidate.kind === 'entity' && c.candidate.type === 'PLACE',
      );
      const id = place.candidate.id as string;
      const row = page.locator(`[data-testid=ingest-row][data-candidate="${id}"]`);
      // The search shows on the current row (a click on it, or the arrow keys, makes it current).
      await row.locator('[data-testid=ingest-quote]').click();
      await row.locator('[data-testid=ingest-merge-search-q]').fill('Kharkiv');
      const hit = row.locator('[data-testid=ingest-merge-hit]', { hasText: /^Kharkiv \(Place\)/ }).first();
      await hit.waitFor();
      // Only compatible labels are offered: a place is never merged into a person.
      expect(await row.locator('[data-testid=ingest-merge-hit]', { hasText: '(Person)' }).count()).toBe(0);
      await hit.locator('[data-testid=ingest-merge-hit-merge]').click();
      await page.waitForSelector(`[data-testid=ingest-row][data-candidate="${id}"][data-state="accepted"]`);
      expect(await page.locator('[data-testid=ingest-message]').textContent()).toMatch(
        /^Merged "Place · .*" into "Kharkiv"/,
      );
      const after = (await (await fetch(api)).json()).batch;
      expect(after.candidates.find((c: any) => c.candidate.id === id).result.entityId).toBe('kharkiv');
      expect(errors).toEqual([]);
    },
    T,
  );
});
