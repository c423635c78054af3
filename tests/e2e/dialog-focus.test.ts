/**
 * End to end, the modal dialogs from the keyboard: the evidence reader (Enter on a quote), the
 * sign-in form, Add article (with its staged articles) and Administration each take the focus and
 * keep Tab and Shift+Tab inside themselves; Esc closes the dismissable ones (and only them: the
 * selection stays) and gives the focus back to what opened them. A node's right-click menu takes
 * the focus too, and the arrow keys move through it. While a dialog is open the page behind is
 * inert (also for a dialog opened over another), and closing it gives everything back. On a server with accounts (an admin signs in),
 * with the pure-JS name finder for the staged article.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppStore } from '../../src/runtime/store/app-store';
import { Accounts } from '../../src/server/auth/accounts';
import { idle, newPage, nodeId } from '../support/browser';
import { submitArticle } from './support/add-article';
import { ingestSession } from './support/ingest-session';
import { signIn } from './support/sign-in';

const T = 240_000;
const PASSWORD = 'correct horse battery';
const e2e = ingestSession('newsgraph-e2e-dialogs-', async (dataDir) => {
  const store = openAppStore(dataDir);
  await new Accounts(store).add('ada', 'admin', PASSWORD);
  store.close();
});
const openExplorer = async () => (await signIn(e2e.browser, e2e.app.url, 'ada', PASSWORD)).page;

/** Presses Tab (every third press Shift+Tab) `n` times; after each the focus must be inside `selector`. */
async function tabsStayIn(page: Page, selector: string, n = 14): Promise<void> {
  const inside = () => page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
  expect(await inside(), 'focus inside when opened').toBe(true);
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await inside(), `after ${i + 1} presses`).toBe(true);
  }
}
const isFocused = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => el === document.activeElement);

describe('modal dialogs and the keyboard (e2e)', () => {
  it(
    'takes the focus, keeps Tab inside, and on Esc closes alone and gives the focus back',
    async () => {
      const page = await openExplorer();
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), gladkov);
      await idle(page);
      const quote = page.getByTestId('open-reader').first();
      await quote.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('evidence-reader').locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });

      const inReader = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=evidence-reader]'));
      expect(await inReader()).toBe(true);
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
        expect(await inReader(), `after ${i + 1} presses`).toBe(true);
      }

      await page.keyboard.press('Escape');
      await page.getByTestId('evidence-reader').waitFor({ state: 'detached', timeout: 10_000 });
      // Esc closed the reader only: the node read about is still selected, its quote still there.
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.selection)).toEqual([gladkov]);
      expect(await quote.evaluate((el) => el === document.activeElement)).toBe(true);
    },
    T,
  );

  it(
    "a node's right-click menu takes the focus; arrow keys move through it and Enter runs an item",
    async () => {
      const page = await openExplorer();
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.openContextMenu(id, 300, 200), gladkov);
      await idle(page);
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? null);
      expect(await focused()).toMatch(/^Expand/);
      await page.keyboard.press('ArrowUp'); // from the first item round to the last
      expect(await focused()).toBe('Add to selection (for paths)');
      await page.keyboard.press('Enter');
      await idle(page);
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.selection)).toEqual([gladkov]);
      await expect(page.locator('[role=menu]').count()).resolves.toBe(0);
    },
    T,
  );

  it(
    'the sign-in form keeps Tab inside itself',
    async () => {
      const { page, context } = await newPage(e2e.browser);
      await page.goto(e2e.app.url);
      await page.getByTestId('signin-form').waitFor({ timeout: 90_000 });
      await page.getByTestId('signin-name').fill('ada');
      await page.getByTestId('signin-password').fill(PASSWORD); // the submit button is enabled: three stops
      await tabsStayIn(page, '[data-testid=signin-form]');
      await context.close();
    },
    T,
  );

  it(
    'Add article (with staged articles) and Administration keep Tab inside; Esc closes them alone and gives the focus back',
    async () => {
      const page = await openExplorer();
      // An article staged first, so the dialog lists it (the buttons QA tabbed past).
      await submitArticle(page, { text: 'Governor Vyacheslav Gladkov said a drone struck Belgorod on Monday.' });
      await page.getByTestId('ingest-close').click();
      await page.getByTestId('ingest-dialog').waitFor({ state: 'detached' });

      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), gladkov);
      await idle(page);
      for (const [opener, dialog, ready] of [
        ['add-article', 'ingest-dialog', 'ingest-batch'],
        ['admin-open', 'admin-dialog', 'admin-user-ada'],
      ] as const) {
        await page.getByTestId(opener).focus();
        await page.keyboard.press('Enter');
        await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
        await tabsStayIn(page, `[data-testid=${dialog}]`, 24);
        await page.keyboard.press('Escape');
        await page.getByTestId(dialog).waitFor({ state: 'detached', timeout: 10_000 });
        expect(await isFocused(page, opener), `focus back on ${opener}`).toBe(true);
        expect(await page.evaluate(() => window.__newsgraph!.explorer.state.selection)).toEqual([gladkov]);
      }
    },
    T,
  );

  it(
    'the page behind Add article is inert: a click on it does nothing until Esc, then works',
    async () => {
      const page = await openExplorer();
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), gladkov); // for a quote
      await idle(page);
      const cypher = page.getByRole('button', { name: 'Cypher', exact: true });
      const box = (await cypher.boundingBox())!;
      const drawerOpen = () => page.evaluate(() => window.__newsgraph!.explorer.state.drawer.open);
      const inertCount = () => page.evaluate(() => document.querySelectorAll('[inert]').length);
      expect(await drawerOpen()).toBe(false);
      await page.getByTestId('add-article').click();
      await page.getByTestId('ingest-text').waitFor();
      // Hidden from assistive tech and the mouse: the top bar's other controls, the panels, the canvas.
      for (const sel of ['[data-testid=export-menu]', '.main', '.left'])
        expect(
          await page
            .locator(sel)
            .first()
            .evaluate((el) => !!el.closest('[inert]')),
          sel,
        ).toBe(true);
      expect(await page.getByTestId('ingest-dialog').evaluate((el) => !!el.closest('[inert]'))).toBe(false);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await idle(page);
      expect(await drawerOpen(), 'the click behind the dialog did nothing').toBe(false);
      await page.getByTestId('ingest-text').fill('still typing'); // the dialog itself still works

      // Nested: a dialog opened over this one (from script: everything else is inert) lives in
      // a part of the page Add article made inert; only the newest one's background is inert,
      // Esc closes it alone, and Add article gets its own back.
      const inert = (testId: string) => page.getByTestId(testId).evaluate((el) => !!el.closest('[inert]'));
      await page.evaluate(() => (document.querySelector('[data-testid=open-reader]') as HTMLElement).click());
      await page.getByTestId('evidence-reader').locator('[data-testid=reader-text]').waitFor({ timeout: 30_000 });
      expect([await inert('evidence-reader'), await inert('ingest-dialog')]).toEqual([false, true]);
      await page.keyboard.press('Escape');
      await page.getByTestId('evidence-reader').waitFor({ state: 'detached', timeout: 10_000 });
      expect([await inert('ingest-dialog'), await inert('export-menu')]).toEqual([false, true]);

      await page.keyboard.press('Escape');
      await page.getByTestId('ingest-dialog').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await inertCount()).toBe(0);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await idle(page);
      expect(await drawerOpen(), 'the same click after Esc opens the drawer').toBe(true);
    },
    T,
  );

  it(
    'Esc closes an open popover alone (the Export menu, a node menu, the style panel): the selection stays',
    async () => {
      const page = await openExplorer();
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), gladkov);
      await idle(page);
      const selection = () => page.evaluate(() => window.__newsgraph!.explorer.state.selection);
      const exportMenu = page.locator('.menu-list[role=menu]');
      // Opened with Enter, Esc from inside it (the Area select) and from its button.
      for (const tabs of [1, 0]) {
        await page.getByTestId('export-menu').focus();
        await page.keyboard.press('Enter');
        await exportMenu.waitFor();
        for (let i = 0; i < tabs; i++) await page.keyboard.press('Tab');
        if (tabs) expect(await isFocused(page, 'export-area')).toBe(true);
        await page.keyboard.press('Escape');
        expect(await exportMenu.count(), `menu closed (${tabs} Tab)`).toBe(0);
        expect(await isFocused(page, 'export-menu')).toBe(true);
        expect(await selection()).toEqual([gladkov]);
      }

      await page.evaluate((id) => window.__newsgraph!.explorer.openContextMenu(id, 300, 200), gladkov);
      await page.locator('.context-menu[role=menu]').waitFor();
      await page.keyboard.press('Escape');
      expect(await page.locator('.context-menu').count()).toBe(0);
      expect(await selection()).toEqual([gladkov]);

      await page.getByTestId('style-label-Person').click();
      await page.getByTestId('style-panel').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('style-panel').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await selection()).toEqual([gladkov]);
      expect(await isFocused(page, 'style-label-Person')).toBe(true);
    },
    T,
  );
});
