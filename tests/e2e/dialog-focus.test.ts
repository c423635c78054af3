/**
 * End to end, the evidence reader from the keyboard: opened with Enter on a quote, it takes the
 * focus and keeps Tab inside itself; Esc closes it (and only it: the node stays selected) and
 * gives the focus back to the quote. A node's right-click menu takes the focus too, and the arrow
 * keys move through it.
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

describe('the evidence reader and the keyboard (e2e)', () => {
  it(
    'takes the focus, keeps Tab inside, and on Esc closes alone and gives the focus back',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
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
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
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
});
