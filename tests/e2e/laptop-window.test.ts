/**
 * End to end, a small laptop (1024×700): every top-bar control stays on screen, the timeline's
 * switch keeps its words and its counts, and the path bar and the legend, both at the bottom of the
 * graph area, do not cover each other; the legend starts folded and the detail panel's title is one
 * line; the claims board's heading and claims are not squeezed or cut. The search box's placeholder
 * is whole there and at 1440×900. Smaller windows: narrow-window.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot } from '../support/browser';
import { box, expectCountsShown, overlap } from './support/layout';

const T = 240_000;
const e2e = e2eSession();

describe('a 1024×700 window (e2e)', () => {
  it(
    'the top bar fits, the legend starts folded, the path bar lifts it instead of covering it, and a long title is one line',
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1024, height: 700 });
      await openExplorer(page, e2e.app.url);
      const fold = page.locator('[data-testid=legend] .legend-fold');
      await expect(fold.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.locator('[data-testid=legend] .legend-rows').count()).resolves.toBe(0);
      await fold.click();
      await page.getByTestId('legend-Person').waitFor();
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
      await expectCountsShown(page, '1024×700');

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
      // A claim's statement as the detail panel's title: one line, cut with an ellipsis, whole in its tooltip.
      const claim = (await nodeId(page, 'claim-russia-ukraine-cluster-attack-belgorod-2022-07'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), claim);
      const name = page.getByTestId('detail-name').filter({ hasText: 'Russia accused Ukraine' });
      await name.waitFor({ timeout: 30_000 });
      const title = await name.evaluate((el) => ({
        text: el.textContent,
        tooltip: el.getAttribute('title'),
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
        cut: el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis',
      }));
      expect(title).toMatchObject({ tooltip: title.text, lines: 1, cut: true });
    },
    T,
  );

  it(
    "the claims board: its heading keeps one line and no claim's claimant or date runs past its card",
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1024, height: 700 });
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('view-claims').click();
      await page.locator('[data-testid=claims-board] .cb-claim').first().waitFor({ timeout: 60_000 });
      const fit = await page.evaluate(() => {
        const h2 = document.querySelector<HTMLElement>('.cb-head h2')!;
        const past: string[] = [];
        for (const claim of document.querySelectorAll('.cb-claim')) {
          const edge = claim.getBoundingClientRect().right;
          for (const part of claim.querySelectorAll('.cb-claim-top > *'))
            if (part.getBoundingClientRect().right > edge + 0.5) past.push(part.textContent ?? '');
        }
        // A side that starts a row (the first, or one wrapped under the others) draws no divider
        // at the card's edge: a left line inside the row of sides needs a side to its left.
        const edgeLines: string[] = [];
        let wrapped = 0;
        for (const sides of document.querySelectorAll('.cb-sides')) {
          const clip = sides.getBoundingClientRect();
          const boxes = [...sides.querySelectorAll<HTMLElement>('.cb-side')].map((el) => ({
            el,
            r: el.getBoundingClientRect(),
          }));
          for (const { el, r } of boxes) {
            const leftOf = boxes.some((o) => o.el !== el && Math.abs(o.r.top - r.top) < 2 && o.r.right <= r.left + 2);
            if (!leftOf && r.top > boxes[0]!.r.top + 2) wrapped++;
            const line = parseFloat(getComputedStyle(el).borderLeftWidth) > 0 && r.left >= clip.left - 0.5;
            if (line && !leftOf) edgeLines.push(el.dataset.side ?? '');
          }
        }
        return {
          headingLines: Math.round(h2.getBoundingClientRect().height / parseFloat(getComputedStyle(h2).lineHeight)),
          past,
          edgeLines,
          wrapped: wrapped > 0,
        };
      });
      await shot(page, 'claims-board-1024x700');
      expect(fit).toEqual({ headingLines: 1, past: [], edgeLines: [], wrapped: true });
    },
    T,
  );

  it(
    "the search box's placeholder is whole at 1440×900 and 1024×700",
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      for (const [width, height] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        const fit = await placeholderFit(page);
        expect(fit.placeholder).toMatch(/claims/i);
        expect(fit.overflow, `${width}×${height}: ${JSON.stringify(fit)}`).toBeLessThanOrEqual(0);
      }
    },
    T,
  );
});

/**
 * How far the search box's placeholder runs past the box (0 or less: it fits). Measured as typed
 * text: the placeholder set as the value, its scroll width against the box's, then cleared again.
 */
function placeholderFit(page: Page) {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=search]')!;
    const placeholder = input.placeholder;
    input.value = placeholder;
    const overflow = input.scrollWidth - input.clientWidth;
    input.value = '';
    return { placeholder, overflow, width: input.clientWidth };
  });
}
