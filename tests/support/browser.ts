/**
 * The browser side of the end-to-end harness: Debian's Chromium with software WebGL, pages, and
 * waits on the app's own signals (window.__newsgraph — in builds for tests only — sigma frames,
 * the DOM), never fixed sleeps. `e2eSession()` is the usual setup of a test file: the seeded
 * test Neo4j, the built app served on it, one browser; all closed after the file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import type { RunningServer } from '../../src/server/http/server';
import { startApp } from '../e2e/support/app';
import { testNeo4j } from './neo4j';
import { ensureSeeded } from './seeded';

export const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader-webgl',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface E2eSession {
  /** The app (API + explorer) on the seeded test database. */
  readonly app: RunningServer;
  readonly browser: Browser;
}

/** Starts the app on the seeded test Neo4j and a browser before the file's tests; closes both after. */
export function e2eSession(): E2eSession {
  const session = {} as { app: RunningServer; browser: Browser };
  beforeAll(async () => {
    await ensureSeeded();
    const t = testNeo4j();
    session.app = await startApp({ uri: t.uri, username: t.username, password: t.password, database: t.database });
    session.browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}

export async function newPage(
  browser: Browser,
  opts: { theme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: opts.theme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  failOnPageErrors(page, errors);
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * Every uncaught exception of the page is a failure of the test that opened it, whether or not
 * the test looks at `errors`: recorded in `errors` and re-raised when the test finishes. Pages
 * opened outside a test (beforeAll) only record them.
 */
export function failOnPageErrors(page: Page, errors: string[] = []): string[] {
  const uncaught: string[] = [];
  page.on('pageerror', (e) => {
    const text = process.env.E2E_STACKS ? String(e.stack) : e.message;
    errors.push(text);
    uncaught.push(text);
  });
  try {
    onTestFinished(() => {
      if (uncaught.length)
        throw new Error(`the page threw ${uncaught.length} uncaught error(s):\n${uncaught.join('\n')}`);
    });
  } catch {
    /* not inside a test */
  }
  return errors;
}

/** Two animation frames: whatever the last state change scheduled has been drawn. */
export async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** Waits until no request, layout, deep-link replay or view animation is running, then for the frame after. */
export async function idle(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => !!window.__newsgraph && window.__newsgraph.idle(), null, { timeout, polling: 100 });
  await frames(page);
}

/** Waits for sigma's first frames, then for the app to be idle. */
export async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__newsgraph && window.__newsgraph.renders() > 0, null, { timeout: 90_000 });
  await idle(page);
}

/** Opens the explorer and waits for the overview to be drawn. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await drawn(page);
}

/** Keeps a file the app produced (an export) beside the screenshots, to be looked at. */
export function keep(name: string, bytes: Uint8Array): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  writeFileSync(path, bytes);
  return path;
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Page coordinates of a node's centre (for mouse hover/click/drag). */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((nid) => window.__newsgraph!.nodePosition(nid), id);
  if (!p) throw new Error(`node ${id} is not drawn`);
  const box = await page.locator('[data-testid=graph]').boundingBox();
  if (!box) throw new Error('graph container not visible');
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Element id of a node by our own id (null when not loaded). */
export function nodeId(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => window.__newsgraph!.nodeId(k), key);
}

export function snapshot(page: Page) {
  return page.evaluate(() => window.__newsgraph!.snapshot());
}

/**
 * Counts the pixels of an element's screenshot that differ from its background, decoding the
 * PNG in the page (no image library needed in Node). Returns [differing, total].
 */
export async function inkedPixels(page: Page, selector: string): Promise<[number, number]> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    // (Decoded by hand: the page's CSP rightly forbids fetching data: URLs.)
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const blob = new Blob([bytes], { type: 'image/png' });
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const bg = [d[0]!, d[1]!, d[2]!];
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i]! - bg[0]!) + Math.abs(d[i + 1]! - bg[1]!) + Math.abs(d[i + 2]! - bg[2]!) > 30) inked++;
    }
    return [inked, d.length / 4] as [number, number];
  }, png.toString('base64'));
}
