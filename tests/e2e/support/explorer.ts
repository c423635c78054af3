/**
 * Helpers of the explorer's end-to-end tests: the API as the test sees it, the camera, on-screen
 * colours, the search box.
 */
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../../src/server/http/server';
import { idle, nodePoint } from '../../support/browser';

/** GET (or POST with a body) on the running app's API, as JSON. */
export async function apiJson<T>(app: RunningServer, path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${app.url}${path}`,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return (await res.json()) as T;
}

/** Zooms the camera onto a node so it is big and clear of its neighbours, then returns its point. */
export async function zoomTo(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.evaluate((nid) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(nid, 0.15), id);
  await idle(page);
  return nodePoint(page, id);
}

/** Colours on screen at the given points of the graph view (CSS px), from a screenshot decoded in the page. */
export async function screenPixels(page: Page, points: Array<{ x: number; y: number }>): Promise<number[][]> {
  const png = await page.locator('[data-testid=graph]').screenshot();
  return page.evaluate(
    async ([b64, pts]) => {
      // (Decoded by hand: the page's CSP forbids fetching data: URLs.)
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const scale = bmp.width / document.querySelector('[data-testid=graph]')!.clientWidth;
      const at = (x: number, y: number) =>
        [...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data].slice(0, 3);
      return pts.map((p) => at(p.x, p.y));
    },
    [png.toString('base64'), points] as const,
  );
}

export async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('search');
  await box.click();
  await box.fill(text);
  await page.locator('[data-testid=search-results] [role=option]').first().waitFor({ timeout: 30_000 });
}
