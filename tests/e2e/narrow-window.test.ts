/**
 * End to end, a small laptop window (1024×700): every top-bar control stays on screen, the
 * timeline's switch keeps its words, and the path bar and the legend, both at the bottom of the
 * graph area, do not cover each other.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function box(page: Page, sel: string): Promise<Box> {
  return page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, sel);
}

describe('a 1024×700 window (e2e)', () => {
  it(
    'the top bar fits, and the path bar lifts the legend instead of covering it',
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1024, height: 700 });
      await openExplorer(page, e2e.app.url);
      const bar = await page.evaluate(() => {
        const tb = document.querySelector('.topbar')!;
        return { scroll: tb.scrollWidth, client: tb.clientWidth, height: tb.getBoundingClientRect().height };
      });
      expect(bar.scroll).toBeLessThanOrEqual(bar.client);
      expect(bar.height).toBeLessThan(50);
      expect((await box(page, '[data-testid=theme]')).right).toBeLessThanOrEqual(1024);
      // The timeline's switch is not clipped by its own box.
      const [reported, seg] = await Promise.all([
        box(page, '[data-testid=time-reported]'),
        box(page, '[data-testid=timeline] .seg'),
      ]);
      expect(reported.right).toBeLessThanOrEqual(seg.right + 0.5);

      const [a, b] = [(await nodeId(page, 'vyacheslav-gladkov'))!, (await nodeId(page, 'oleh-syniehubov'))!];
      await page.evaluate(
        ([x, y]) => {
          window.__newsgraph!.explorer.select(x!);
          window.__newsgraph!.explorer.select(y!, true);
        },
        [a, b],
      );
      await page.getByTestId('pathbar').waitFor({ timeout: 30_000 });
      expect(overlap(await box(page, '[data-testid=pathbar]'), await box(page, '[data-testid=legend]'))).toBe(false);
      await page.getByTestId('find-paths').click();
      await page.getByTestId('pathbar').filter({ hasText: 'shortest path' }).waitFor({ timeout: 60_000 });
      await idle(page);
      const [pathbar, legend, zoom] = await Promise.all([
        box(page, '[data-testid=pathbar]'),
        box(page, '[data-testid=legend]'),
        box(page, '.overlay.zoom'),
      ]);
      expect(overlap(pathbar, legend)).toBe(false);
      expect(overlap(pathbar, zoom)).toBe(false);
      await shot(page, 'narrow-window-paths-1024x700');
    },
    T,
  );
});
