/**
 * Saved queries belong to who saved them, in the library: another editor sees Save over and
 * Delete disabled, the title saying whose query it is; when the list is stale and the server
 * refuses anyway, the library shows the server's message.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from '../support/browser';
import { accountsSession, PASSWORD, writeFromPage } from './support/accounts';
import { signIn } from './support/sign-in';

const T = 240_000;
const e2e = accountsSession('newsgraph-e2e-query-owner-', { ada: 'admin', ed: 'editor', eve: 'editor' });

/** Saves a query from the page's own JavaScript, with the session's CSRF token. */
const saveFromPage = (page: Page, name: string) =>
  page.evaluate(writeFromPage, [
    'POST',
    '/api/queries',
    {
      name,
      title: `People (${name})`,
      description: 'Five people',
      cypher: 'MATCH (p:Person) RETURN p.name AS name LIMIT 5',
      replace: true,
    },
  ] as [string, string, unknown]);

/** Deletes a saved query from the page's own JavaScript, with the session's CSRF token. */
const deleteFromPage = (page: Page, name: string) =>
  page.evaluate(writeFromPage, ['DELETE', `/api/queries/${name}`] as [string, string]);

describe('saved queries of other editors in the library (e2e)', () => {
  it(
    "disables Save over and Delete on another editor's query, saying whose; a refusal shows the server's message",
    async () => {
      const ed = await signIn(e2e.browser, e2e.app.url, 'ed', PASSWORD);
      const eve = await signIn(e2e.browser, e2e.app.url, 'eve', PASSWORD);
      const ada = await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD);
      try {
        expect(await saveFromPage(ed.page, 'ed-people')).toBe(200);
        expect(await saveFromPage(eve.page, 'eve-people')).toBe(200);
        await eve.page.reload();
        await eve.page.getByTestId('query-ed-people').waitFor({ timeout: 60_000 });

        const del = eve.page.getByTestId('query-delete-ed-people');
        const over = eve.page.getByTestId('query-save-over-ed-people');
        expect(await del.isDisabled()).toBe(true);
        expect(await over.isDisabled()).toBe(true);
        expect(await del.getAttribute('title')).toMatch(/ed's query: only ed or an admin may change it/);
        expect(await over.getAttribute('title')).toMatch(/ed's query/);
        // Each says which query it acts on (one "Delete" per saved query otherwise).
        expect(await del.getAttribute('aria-label')).toBe('Delete “People (ed-people)”');
        // Her own is hers to delete; the repository's have no such controls.
        expect(await eve.page.getByTestId('query-delete-eve-people').isDisabled()).toBe(false);
        expect(await eve.page.getByTestId('query-delete-person-profile').count()).toBe(0);
        await shot(eve.page, 'query-owner-01-others-disabled');

        // An admin's save over hers leaves it hers; the library says who saved it last.
        expect(await saveFromPage(ada.page, 'eve-people')).toBe(200);
        await eve.page.reload();
        await eve.page.getByTestId('query-eve-people').waitFor({ timeout: 60_000 });
        expect(await eve.page.getByTestId('query-eve-people').textContent()).toMatch(/by eve, last saved by ada/);
        expect(await eve.page.getByTestId('query-delete-eve-people').isDisabled()).toBe(false);

        // Meanwhile an admin deletes it and ed saves one of that name: her stale list still offers
        // Delete, the server refuses it.
        expect(await deleteFromPage(ada.page, 'eve-people')).toBe(200);
        expect(await saveFromPage(ed.page, 'eve-people')).toBe(200);
        eve.page.once('dialog', (d) => void d.accept());
        await eve.page.getByTestId('query-delete-eve-people').click();
        const error = eve.page.getByTestId('query-library-error');
        await error.waitFor({ timeout: 30_000 });
        expect(await error.textContent()).toMatch(/"eve-people" was saved by ed; only ed or an admin may delete it/);
        await shot(eve.page, 'query-owner-02-refused');

        // The owner deletes his own: gone from the list.
        await ed.page.reload();
        ed.page.once('dialog', (d) => void d.accept());
        await ed.page.getByTestId('query-delete-ed-people').click();
        await ed.page.getByTestId('query-ed-people').waitFor({ state: 'detached', timeout: 30_000 });
        for (const who of [ed, eve, ada]) expect(who.errors.filter((e) => !/403/.test(e))).toEqual([]);
      } finally {
        await ed.context.close();
        await eve.context.close();
        await ada.context.close();
      }
    },
    T,
  );
});
