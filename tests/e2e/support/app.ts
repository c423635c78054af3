/**
 * End-to-end harness: the built explorer served by the real API server (what `npm start` runs)
 * on a real seeded Neo4j, driven by Debian's Chromium through playwright-core. Waits are on the
 * app's own signals (window.__newsgraph.idle(), sigma frames, DOM), never fixed sleeps.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuild, newestSourceMtime } from '../../../src/server/cli/ensure-build';
import { loadEnv } from '../../../src/server/config';
import type { Neo4jTarget } from '../../../src/server/neo4j/connection';
import { ROOT } from '../../../src/server/paths';
import { startServer, type RunningServer } from '../../../src/server/server';

export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

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
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

const BUILDS = join(ROOT, 'node_modules', '.cache', 'newsgraph-e2e-web');

/**
 * The front end as the sources are now, built for tests (`--mode e2e`: with the test hooks) into
 * a folder named after the newest source time: immutable once built, so another process
 * rebuilding dist/ (or the sources changing) cannot pull assets from under a running test. Keeps
 * the three newest builds.
 */
export async function buildForTests(): Promise<string> {
  const dir = join(BUILDS, String(Math.floor(newestSourceMtime())));
  await ensureBuild({ outDir: dir, mode: 'e2e', log: () => {} });
  const old = readdirSync(BUILDS).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)).slice(3);
  for (const d of old) rmSync(join(BUILDS, d), { recursive: true, force: true });
  return dir;
}

/** Builds the front end when needed, then starts the API + explorer on a free port against `target`. */
export async function startApp(target: Neo4jTarget, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const webRoot = await buildForTests();
  const env = loadEnv({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    LOG_LEVEL: 'silent',
    NEWSGRAPH_TOKEN: '',
    ...extraEnv,
  });
  return startServer({ env, target, logger: false, webRoot });
}

export async function newPage(browser: Browser, opts: { theme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: opts.theme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(process.env.E2E_STACKS ? String(e.stack) : e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
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

/** Waits until no request, layout or deep-link replay is running, then for the frame after. */
export async function idle(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => !!window.__newsgraph && window.__newsgraph.idle(), null, { timeout, polling: 100 });
  await frames(page);
}

/** Opens the explorer and waits for the overview to be drawn. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => !!window.__newsgraph && window.__newsgraph.renders() > 0, null, { timeout: 90_000 });
  await idle(page);
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
