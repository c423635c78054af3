/**
 * A claim's status changed from the claims board, end to end: an editor marks Podolyak's
 * unanswered accusation as acknowledged through Edit status (a reason is asked for first; the
 * article is picked from those cited about the event, and an id given for another gets the
 * server's 400 beside it), the board shows the new status and who set it, the
 * claim's detail panel says so too; when someone else set it meanwhile the 409 says what they set
 * and saving again applies the editor's. A viewer is offered no Edit status. On a server with accounts.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, shot } from '../support/browser';
import { accountsSession, PASSWORD, writeFromPage } from './support/accounts';
import { signIn } from './support/sign-in';

const T = 240_000;
const CLAIM = 'claim-podolyak-no-investigation-putin-indifferent';
const ARTICLE = 'express-2022-10-13-russia-hits-own-building-in-belgorod';
// The status changes stay for the file's later tests; the session gives other files the seeded graph back.
const e2e = accountsSession('newsgraph-e2e-claim-status-', { ada: 'admin', ed: 'editor', vi: 'viewer' });

/** The claims board, and the claim's item on the Gubkin street card. */
async function board(page: Page): Promise<Locator> {
  await page.getByTestId('view-claims').click();
  const item = page.locator(
    `[data-testid=claims-card][data-key="gubkin-street-strike-2022-10"] [data-testid=claim][data-key="${CLAIM}"]`,
  );
  // The board waits for a query over every claim.
  await item.waitFor({ timeout: 60_000 });
  await idle(page);
  return item;
}

describe("editing a claim's status (e2e)", () => {
  it(
    'an editor sets it from the board with a reason and a source: the board and the claim’s detail show it',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        const item = await board(page);
        expect(await item.locator('.cb-status').textContent()).toBe('unanswered');
        await item.getByTestId('edit-claim-status').click();
        const dialog = page.getByTestId('claim-status-dialog');
        await dialog.waitFor();
        expect(await page.getByTestId('claim-status-status').inputValue()).toBe('unanswered');
        await page.getByTestId('claim-status-status').selectOption('acknowledged');
        // No reason: asked for before anything is sent.
        await page.getByTestId('claim-status-save').click();
        await page.getByTestId('claim-status-reason-error').waitFor();
        await page.getByLabel(/Reason/).fill('the Kremlin answered the charge a week later');
        // The articles cited about the event are offered by title; any other is found by search or given by its id.
        const article = page.getByLabel(/Based on the article/);
        await article.locator(`option[value="${ARTICLE}"]`).waitFor({ state: 'attached', timeout: 30_000 });
        expect(await article.locator(`option[value="${ARTICLE}"]`).textContent()).toMatch(
          /^Russia hits own building in Belgorod/,
        );
        // Another article is found by its title (articles only), which gives its id; or its id is typed.
        await article.selectOption({ label: 'Another article…' });
        await page.getByTestId('claim-status-article-find').fill('mistakenly bombs');
        const found = page.locator('[data-testid=claim-status-article-find-results] [role=option]');
        await found.first().waitFor({ timeout: 30_000 });
        expect(await found.evaluateAll((os) => os.map((o) => o.getAttribute('data-kind')))).toEqual(['article']);
        await found.first().click();
        await expect(page.getByTestId('claim-status-article-other').inputValue()).resolves.toBe(
          'wsj-2023-04-21-russia-mistakenly-bombs-own-city',
        );
        await shot(page, 'claim-status-00-find-article');
        // An article the graph does not have: the server's 400, beside the article.
        await page.getByTestId('claim-status-article-other').fill('no-such-article');
        await page.getByLabel('Quote from it').fill('Putin doesn’t care who he kills');
        await page.getByTestId('claim-status-save').click();
        await page.getByTestId('claim-status-article-error').filter({ hasText: 'no article with id' }).waitFor({
          timeout: 30_000,
        });
        // Cleared, then picked from the list: the same id is sent.
        await article.selectOption('');
        expect(await page.getByTestId('claim-status-article-other').count()).toBe(0);
        await article.selectOption(ARTICLE);
        await shot(page, 'claim-status-01-form');
        await page.getByTestId('claim-status-save').click();
        await dialog.waitFor({ state: 'detached', timeout: 30_000 });
        await item.locator('.cb-status', { hasText: 'acknowledged' }).waitFor({ timeout: 30_000 });
        expect(await item.getByTestId('claim-status-edited').textContent()).toMatch(/^Status set by ed, /);
        await shot(page, 'claim-status-02-board');

        // The claim's own detail says the same, and offers Edit status there too.
        await page.getByTestId('claims-close').click();
        // (Claims are not in the name search: focused by its key, as a deep link does.)
        await page.evaluate((key) => window.__newsgraph!.explorer.focusRef(key), CLAIM);
        await page.getByTestId('detail-edited').filter({ hasText: 'Edited by ed' }).waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('detail').textContent()).toMatch(/Status\s*Acknowledged/);
        expect(await page.getByTestId('edit-claim-status').count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'says what someone else set meanwhile (409), then sets the editor’s status over it',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        const item = await board(page);
        await item.getByTestId('edit-claim-status').click();
        await page.getByTestId('claim-status-dialog').waitFor();
        await page.getByTestId('claim-status-status').selectOption('contested');
        await page.getByLabel(/Reason/).fill('TASS disputes it after all');
        const id = await page.evaluate(async (key) => {
          const r = await fetch(`/api/nodes/${key}`);
          return ((await r.json()) as { node: { id: string; properties: { version: number } } }).node;
        }, CLAIM);
        expect(
          await page.evaluate(writeFromPage, [
            'PUT',
            `/api/claims/${encodeURIComponent(id.id)}/status`,
            { version: id.properties.version, status: 'uncontested', reason: 'another editor' },
          ] as [string, string, unknown]),
        ).toBe(200);
        await page.getByTestId('claim-status-save').click();
        await page
          .getByTestId('claim-status-conflict')
          .filter({ hasText: '“uncontested”' })
          .waitFor({ timeout: 30_000 });
        // The board already shows theirs; saving again applies mine.
        await item.locator('.cb-status', { hasText: 'uncontested' }).waitFor({ timeout: 30_000 });
        await shot(page, 'claim-status-03-conflict');
        await page.getByTestId('claim-status-save').click();
        await page.getByTestId('claim-status-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await item.locator('.cb-status', { hasText: /^contested$/ }).waitFor({ timeout: 30_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'a viewer is offered no Edit status',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'vi', PASSWORD);
      try {
        await page.getByTestId('account-user').filter({ hasText: 'vi (viewer)' }).waitFor({ timeout: 30_000 });
        const item = await board(page);
        expect(await item.locator('.cb-status').textContent()).toBe('contested');
        expect(await page.getByTestId('edit-claim-status').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
