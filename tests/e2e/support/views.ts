/**
 * Helpers of the investigation views' end-to-end tests: opening the explorer with the views up,
 * waiting for them to settle, and reading the map layer's own pixels.
 */
import type { Page } from 'playwright-core';
import { frames, idle, openExplorer } from '../../support/browser';

/** Waits for the app (explorer and investigation views) to be idle, then three frames. */
export async function settled(page: Page): Promise<void> {
  await idle(page);
  await frames(page, 3);
}

/** Opens the explorer at `url` and waits for the timeline strip and everything else to settle. */
export async function openViews(page: Page, url: string): Promise<void> {
  await openExplorer(page, url);
  await page.getByTestId('timeline-chart').waitFor({ timeout: 60_000 });
  await settled(page);
}

/** Share of the map layer's own pixels that are drawn (outlines, land, labels), read from its 2D canvas. */
export function mapInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.sigma-newsgraph-map');
    if (!c || c.width === 0) return 0;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n / (d.length / 4);
  });
}

/** Share of the map layer's pixels in the border/coast colours (dark lines over light land). */
export function mapLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.sigma-newsgraph-map')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 3 * 215 && d[i + 3]! > 0) n++;
    return n / (d.length / 4);
  });
}
