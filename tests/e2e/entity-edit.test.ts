/**
 * Editing an entity from the detail panel, end to end: an editor renames Dmitry Peskov and adds an
 * alias through the Edit form (Esc closes it, the focus goes back to Edit), sees the new name in
 * the panel, on the canvas and in search; the server's 400 shows beside its field; when someone
 * else saved meanwhile, the 409 shows their version and saving again applies the editor's change
 * over it. A viewer is offered no Edit. On a server with accounts (pure-JS name finder).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idle, nodeId, shot } from '../support/browser';
import { search } from './support/explorer';
import { accountsSession, PASSWORD, writeFromPage } from './support/accounts';
import { signIn } from './support/sign-in';

const T = 240_000;
// The renames stay for the file's later tests; the session gives other files the seeded graph back.
const e2e = accountsSession('newsgraph-e2e-entity-edit-', { ada: 'admin', ed: 'editor', vi: 'viewer' });

/** Selects the search's first hit for `text` and waits for its detail under `name`. */
async function open(page: Page, text: string, name: string): Promise<void> {
  await search(page, text);
  await page.locator('[data-testid=search-results] [role=option]', { hasText: name }).first().click();
  await page.getByTestId('detail-name').filter({ hasText: name }).waitFor({ timeout: 60_000 });
  await page.getByTestId('reltypes').waitFor({ timeout: 60_000 });
  await idle(page);
}

const isFocused = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => el === document.activeElement);

describe('editing an entity from the detail panel (e2e)', () => {
  it(
    'an editor renames it: the panel, the canvas and search show the new name; Esc closes the form',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'Peskov', 'Dmitry Peskov');
        // Esc closes the form and gives the focus back to Edit.
        await page.getByTestId('edit-entity').click();
        await page.getByTestId('edit-entity-dialog').waitFor();
        expect(await page.getByTestId('edit-entity-name').inputValue()).toBe('Dmitry Peskov');
        await page.keyboard.press('Escape');
        await page.getByTestId('edit-entity-dialog').waitFor({ state: 'detached' });
        expect(await isFocused(page, 'edit-entity')).toBe(true);

        await page.keyboard.press('Enter'); // the focused Edit button
        await page.getByTestId('edit-entity-dialog').waitFor();
        await page.getByLabel('Name').fill('Dmitry S. Peskov');
        await page
          .getByLabel('Also called')
          .fill(`${await page.getByLabel('Also called').inputValue()}\nDmitry Peskov`);
        // No reason: asked for one before anything is sent.
        await page.getByTestId('edit-entity-save').click();
        await page.getByTestId('edit-entity-reason-error').waitFor();
        await page.getByLabel(/Reason/).fill('full name, as on the Kremlin site');
        await shot(page, 'entity-edit-01-form');
        await page.getByTestId('edit-entity-save').click();
        await page.getByTestId('edit-entity-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await page.getByTestId('detail-name').filter({ hasText: 'Dmitry S. Peskov' }).waitFor({ timeout: 30_000 });
        await idle(page);
        expect(await isFocused(page, 'edit-entity')).toBe(true);
        const id = (await nodeId(page, 'dmitry-peskov'))!;
        expect(await page.evaluate((n) => window.__newsgraph!.display(n)?.label, id)).toBe('Dmitry S. Peskov');
        await page.locator('.aliases .alias', { hasText: /^Dmitry Peskov$/ }).waitFor({ timeout: 30_000 });
        await page.getByTestId('detail-description').waitFor();
        await search(page, 'Dmitry S. Peskov');
        expect(await page.locator('[data-testid=search-results] [role=option]').first().textContent()).toContain(
          'Dmitry S. Peskov',
        );
        await shot(page, 'entity-edit-02-renamed');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    "shows the server's 400 beside its field, and someone else's save (409) with theirs before applying the edit over it",
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      try {
        await open(page, 'Gladkov', 'Vyacheslav Gladkov');
        await page.getByTestId('edit-entity').click();
        await page.getByTestId('edit-entity-dialog').waitFor();
        // More aliases than an edit may set: the server's message, under the aliases.
        const aliases = await page.getByLabel('Also called').inputValue();
        const many = Array.from({ length: 101 }, (_, i) => `Alias ${i}`).join('\n');
        await page.getByLabel('Also called').fill(many);
        await page.getByLabel(/Reason/).fill('test');
        await page.getByTestId('edit-entity-save').click();
        await page.getByTestId('edit-entity-aliases-error').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('edit-entity-dialog').count()).toBe(1);

        // Someone else saves a new description while the form is open.
        await page.getByLabel('Also called').fill(aliases);
        await page.getByLabel('Description').fill('Governor of Belgorod Oblast since 2020.');
        const id = (await nodeId(page, 'vyacheslav-gladkov'))!;
        const theirs = 'Governor of the Belgorod region (their edit).';
        expect(
          await page.evaluate(writeFromPage, [
            'PATCH',
            `/api/nodes/${encodeURIComponent(id)}`,
            { version: 0, set: { description: theirs }, reason: 'another editor' },
          ] as [string, string, unknown]),
        ).toBe(200);
        await page.getByTestId('edit-entity-save').click();
        await page.getByTestId('edit-entity-conflict').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('edit-entity-description-theirs').textContent()).toContain(theirs);
        // Theirs came back to the panel; mine is still in the box, and saving again applies it.
        expect(await page.getByLabel('Description').inputValue()).toBe('Governor of Belgorod Oblast since 2020.');
        await shot(page, 'entity-edit-03-conflict');
        await page.getByTestId('edit-entity-save').click();
        await page.getByTestId('edit-entity-dialog').waitFor({ state: 'detached', timeout: 30_000 });
        await page
          .getByTestId('detail-description')
          .filter({ hasText: 'Governor of Belgorod Oblast since 2020.' })
          .waitFor({ timeout: 30_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'a viewer is offered no Edit',
    async () => {
      const { page, context, errors } = await signIn(e2e.browser, e2e.app.url, 'vi', PASSWORD);
      try {
        await page.getByTestId('account-user').filter({ hasText: 'vi (viewer)' }).waitFor({ timeout: 30_000 });
        await open(page, 'Dmitry S. Peskov', 'Dmitry S. Peskov');
        expect(await page.getByTestId('expand').count()).toBe(1);
        expect(await page.getByTestId('edit-entity').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
