/**
 * End to end, the map's "Not on the map" list, folded at first: opened at 1440×900 it lists every
 * node of the tray drawn beside the map (as many as the canvas tray holds, each with its caption),
 * over no other control;
 * its filter finds one, a click selects it as a click on the canvas does (details) and brings the
 * camera there, pointing at a row highlights the node; it follows a hidden node and the timeline's
 * "Hide the rest" (what it hides is not listed, nor counted, until shown again) and is gone off the
 * map. At 1440×900 and 1280×720, opened, the map is framed again with the tray's nodes beside it,
 * not under it, and no caption is written under it. At 1024×700, 900×600, 640×560 and 420×800, folded
 * or not, it covers no other control, a long status message shown or not (at 420 px the message
 * wraps below the list's usual top: the list moves below it). At each size, opened or folded, the
 * distance card shown on hover sits beside the list, over none of the controls above it (the view
 * switch, its single-source chip, the map credit) nor the legend (at the small sizes opened too),
 * whole in the window; with the legend opened, the card is read whole or keeps its title and first
 * lines, and the legend covers none of those controls either.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, openExplorer, shot } from '../../support/browser';
import { box, captionBoxes, overlap, type Box } from '../support/layout';

const T = 240_000;
const e2e = e2eSession();

/** The controls over the graph the list must not cover (those present). */
const CONTROLS = [
  '.view-switch',
  '[data-testid=map-credit]',
  '[data-testid=legend]',
  '.overlay.zoom',
  '[data-testid=status]',
  '[data-testid=timeline]',
  '.layout-chip',
  '[data-testid=pathbar]',
];

async function toMap(page: Page): Promise<void> {
  await page.getByTestId('view-map').click();
  await page.waitForFunction(() => window.__newsgraph!.views.state().mapStatus.state === 'on', null, {
    timeout: 60_000,
  });
  await idle(page);
}

/** Opens the folded list; the map is framed again beside it (the camera's animation waited out). */
async function unfold(page: Page): Promise<void> {
  const fold = page.getByTestId('tray-list-fold');
  expect(await fold.getAttribute('aria-expanded')).toBe('false');
  await fold.click();
  await expect.poll(() => rowCount(page)).toBeGreaterThan(0);
  await idle(page);
  await page.waitForFunction(() => !window.__newsgraph!.explorer.sigmaController!.sigma.getCamera().isAnimated());
  await idle(page);
}

/** The controls the list's box overlaps, and whether it stays inside the graph area. */
async function covered(page: Page): Promise<{ overlaps: string[]; inside: boolean }> {
  const list = await box(page, '[data-testid=tray-list]');
  const overlaps: string[] = [];
  for (const sel of CONTROLS) {
    const boxes = await page.$$eval(sel, (els) =>
      els.flatMap((el) => {
        const r = el.getBoundingClientRect();
        return r.width && r.height ? [{ left: r.left, right: r.right, top: r.top, bottom: r.bottom }] : [];
      }),
    );
    if (boxes.some((b: Box) => overlap(b, list))) overlaps.push(sel);
  }
  const main = await box(page, 'main.main');
  const inside =
    list.left >= main.left && list.right <= main.right && list.top >= main.top && list.bottom <= main.bottom;
  return { overlaps, inside };
}

/** A status message long enough to wrap in a narrow window (as an expansion's can be). */
const LONG_MESSAGE =
  'Vyacheslav Gladkov: 12 of 20 relationships shown, 9 new nodes · +8 more (a hub: 50 at a time). ' +
  'Not every link to the rest of the view is shown.';

/**
 * covered() while a long status message shows (kept until cleared), and how far down the message
 * reaches from the graph area's top.
 */
async function coveredWithMessage(page: Page): Promise<{ overlaps: string[]; inside: boolean; reach: number }> {
  await page.evaluate((t) => window.__newsgraph!.explorer.shell.setStatus('busy', t), LONG_MESSAGE);
  await page.getByTestId('status').filter({ hasText: 'Not every link' }).waitFor({ timeout: 10_000 });
  const [status, main] = [await box(page, '[data-testid=status]'), await box(page, 'main.main')];
  const seen = await covered(page);
  await page.evaluate(() => window.__newsgraph!.explorer.shell.clearStatus());
  return { ...seen, reach: status.bottom - main.top };
}

/** The listed nodes drawn under the list (their centre inside its box), by their row's text. */
function underList(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = window.__newsgraph!;
    const list = document.querySelector('[data-testid=tray-list]')!.getBoundingClientRect();
    const graph = document.querySelector('[data-testid=graph]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid=tray-row]')].flatMap((el) => {
      const p = h.nodePosition(el.dataset.id!);
      if (!p) return [];
      const x = graph.left + p.x;
      const y = graph.top + p.y;
      return x >= list.left && x <= list.right && y >= list.top && y <= list.bottom ? [el.textContent ?? ''] : [];
    });
  });
}

/**
 * The canvas's written captions that run under the list, by text (boxes from captionBoxes, moved
 * to page pixels), and how many tray captions are written.
 */
async function captionsUnderList(page: Page): Promise<{ under: string[]; tray: number }> {
  const [list, graph, captions] = [
    await box(page, '[data-testid=tray-list]'),
    await box(page, '[data-testid=graph]'),
    await captionBoxes(page),
  ];
  const trayLeft = Number((await page.getByTestId('map-layer').getAttribute('data-tray'))!.split(',')[0]);
  const tray = captions.filter((c) => c.tray && c.x >= trayLeft).length;
  const under = captions
    .filter((c) =>
      overlap({ left: graph.left + c.l, right: graph.left + c.r, top: graph.top + c.t, bottom: graph.top + c.b }, list),
    )
    .map((c) => c.text);
  return { under, tray };
}

type Card = { card: Box; list: Box; main: Box; views: Box; chip: Box; credit: Box; legend: Box; viewport: Box };

/**
 * The distance card shown for a node (as on hover), its box, the list's, the view switch's and its
 * chip's, the map credit's and the legend's.
 */
async function distanceCard(page: Page, key: string): Promise<Card> {
  await page.evaluate((k) => window.__newsgraph!.explorer.hoverNode(window.__newsgraph!.nodeId(k)), key);
  await page.getByTestId('distance-card').waitFor({ timeout: 30_000 });
  const { width, height } = page.viewportSize()!;
  return {
    card: await box(page, '[data-testid=distance-card]'),
    list: await box(page, '[data-testid=tray-list]'),
    main: await box(page, 'main.main'),
    views: await box(page, '.view-switch [role=tablist]'),
    chip: await box(page, '.view-switch label:has([data-testid=single-source-toggle])'),
    credit: await box(page, '[data-testid=map-credit]'),
    legend: await box(page, '[data-testid=legend]'),
    viewport: { left: 0, top: 0, right: width, bottom: height },
  };
}

/**
 * The card beside the list, over none of the controls above it (the view switch, its chip, the map
 * credit) nor the legend, whole in the graph area and the window.
 */
async function expectCardBeside(page: Page, key = 'belgorod'): Promise<void> {
  const { card, list, main, views, chip, credit, legend, viewport } = await distanceCard(page, key);
  const at = JSON.stringify({ card, list, views, chip, credit, legend });
  expect(overlap(card, list), at).toBe(false);
  expect(overlap(card, views), at).toBe(false);
  expect(overlap(card, chip), at).toBe(false);
  expect(overlap(card, credit), at).toBe(false);
  expect(overlap(card, legend), at).toBe(false);
  for (const frame of [main, viewport]) {
    expect(card.left, at).toBeGreaterThanOrEqual(frame.left);
    expect(card.right, at).toBeLessThanOrEqual(frame.right);
    expect(card.top, at).toBeGreaterThanOrEqual(frame.top);
    expect(card.bottom, at).toBeLessThanOrEqual(frame.bottom);
  }
  expect(card.right - card.left).toBeGreaterThan(100);
}

/** The legend over none of the controls above it: the view switch, its single-source chip, the map credit. */
async function expectLegendBelowControls(page: Page): Promise<void> {
  const legend = await box(page, '[data-testid=legend]');
  for (const sel of [
    '.view-switch [role=tablist]',
    '.view-switch label:has([data-testid=single-source-toggle])',
    '[data-testid=map-credit]',
  ]) {
    const control = await box(page, sel);
    expect(overlap(legend, control), JSON.stringify({ sel, legend, control })).toBe(false);
  }
}

const unhover = (page: Page) => page.evaluate(() => window.__newsgraph!.explorer.hoverNode(null));

const trayCount = async (page: Page) => Number(await page.getByTestId('map-layer').getAttribute('data-tray-count'));
const rowCount = (page: Page) => page.getByTestId('tray-row').count();

describe('the map\'s "Not on the map" list (e2e)', () => {
  it(
    'at 1440×900 lists every node of the tray; a row selects its node and brings the camera there',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await toMap(page);
      await unfold(page);
      const n = await trayCount(page);
      expect(n).toBeGreaterThan(20);
      const list = page.getByTestId('tray-list');
      await expect.poll(() => list.getByRole('heading').textContent()).toContain(`(${n})`);
      expect(await rowCount(page)).toBe(n);
      // Each row is a node of the tray as drawn: no coordinates, right of the map, its caption written whole.
      const rows = await page.evaluate(() => {
        const h = window.__newsgraph!;
        const tray = document.querySelector('[data-testid=map-layer]')!.getAttribute('data-tray')!.split(',');
        return [...document.querySelectorAll<HTMLElement>('[data-testid=tray-row]')].map((el) => {
          const id = el.dataset.id!;
          return {
            id,
            text: el.querySelector('.tray-caption')!.textContent,
            caption: h.explorer.graphState.nodes.get(id)?.caption,
            located: h.views.location(id) !== null,
            inTray: h.nodePosition(id)!.x >= Number(tray[0]),
          };
        });
      });
      expect(new Set(rows.map((r) => r.id)).size).toBe(n);
      for (const r of rows) {
        expect(r.text, r.id).toBe(r.caption);
        expect(r.located, r.caption).toBe(false);
        expect(r.inTray, r.caption).toBe(true);
      }
      // The last row can be scrolled into the list's view.
      const last = page.getByTestId('tray-row').last();
      await last.scrollIntoViewIfNeeded();
      const [lb, rb] = [await last.boundingBox(), await page.locator('.tray-rows').boundingBox()];
      expect(lb!.y + lb!.height).toBeLessThanOrEqual(rb!.y + rb!.height + 1);
      expect(await covered(page)).toEqual({ overlaps: [], inside: true });
      expect(await underList(page)).toEqual([]);
      // No caption is written under the list (those of the tray that would be turn left or give way).
      const captions = await captionsUnderList(page);
      expect(captions.tray).toBeGreaterThan(5);
      expect(captions.under).toEqual([]);
      await shot(page, 'map-tray-list-1440');
      // The distance card (Belgorod's, as on hover) sits beside the list, both read whole.
      await expectCardBeside(page);
      await shot(page, 'map-tray-list-1440-distance-card');
      await unhover(page);

      // Filter, point at, click: the node is highlighted, then selected with its details, the camera on it.
      const id = (await page.evaluate(() => window.__newsgraph!.nodeId('dmitry-peskov')))!;
      await page.getByTestId('tray-list-filter').fill('PESKOV');
      await expect.poll(() => rowCount(page)).toBeLessThan(n);
      const found = await page.getByTestId('tray-row').allTextContents();
      expect(found.length).toBeGreaterThan(0);
      for (const text of found) expect(text.toLowerCase()).toContain('peskov');
      const row = page.locator(`[data-testid=tray-row][data-id="${id}"]`);
      await row.hover();
      expect(await page.evaluate(() => window.__newsgraph!.explorer.sigmaController!.highlight.hovered)).toBe(id);
      await row.click();
      await idle(page);
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.focus)).toBe(id);
      await expect.poll(() => page.getByTestId('detail-name').textContent(), { timeout: 30_000 }).toBe('Dmitry Peskov');
      await expect
        .poll(() => page.evaluate(() => window.__newsgraph!.explorer.sigmaController!.highlight.hovered))
        .toBe(null);
      const graph = (await page.locator('[data-testid=graph]').boundingBox())!;
      await expect
        .poll(async () => {
          const p = (await page.evaluate((x) => window.__newsgraph!.nodePosition(x), id))!;
          return Math.hypot(p.x - graph.width / 2, p.y - graph.height / 2);
        })
        .toBeLessThan(4);

      // It follows the graph: a hidden tray node leaves the list with the canvas tray.
      await page.getByTestId('tray-list-filter').fill('');
      await page.evaluate((x) => window.__newsgraph!.explorer.hide([x]), id);
      await idle(page);
      expect(await trayCount(page)).toBe(n - 1);
      await expect.poll(() => rowCount(page)).toBe(n - 1);
      expect(await page.locator(`[data-testid=tray-row][data-id="${id}"]`).count()).toBe(0);

      // The timeline's "Hide the rest": the tray nodes it hides leave the list and its count (the
      // canvas tray keeps their slots), and come back with them.
      await page.evaluate(() => window.__newsgraph!.explorer.setRange({ from: '2023-01-01', to: '2023-12-31' }));
      await page.getByTestId('timeline-hide').check();
      await idle(page);
      const trayNodes = () =>
        page.evaluate(() => {
          const h = window.__newsgraph!;
          const [l, t, r, b] = document
            .querySelector('[data-testid=map-layer]')!
            .getAttribute('data-tray')!
            .split(',')
            .map(Number);
          const inTray = (x: string) => {
            const p = h.nodePosition(x)!;
            return !h.views.location(x) && p.x >= l! && p.x <= r! && p.y >= t! && p.y <= b!;
          };
          const ids = h.explorer.graph.nodes().filter(inTray);
          return {
            shown: ids.filter((x) => !h.views.isHidden(x)).sort(),
            hidden: ids.filter((x) => h.views.isHidden(x)).length,
            listed: [...document.querySelectorAll<HTMLElement>('[data-testid=tray-row]')]
              .map((el) => el.dataset.id!)
              .sort(),
          };
        });
      const brushed = await trayNodes();
      expect(brushed.hidden).toBeGreaterThan(0);
      expect(brushed.shown.length).toBeGreaterThan(0);
      expect(brushed.shown.length + brushed.hidden).toBe(n - 1);
      expect(brushed.listed).toEqual(brushed.shown);
      expect(await list.getByRole('heading').textContent()).toContain(`(${brushed.shown.length})`);
      await shot(page, 'map-tray-list-hide-the-rest');
      await page.getByTestId('timeline-hide').uncheck();
      await idle(page);
      await expect.poll(() => rowCount(page)).toBe(n - 1);
      expect((await trayNodes()).hidden).toBe(0);
      await page.evaluate(() => window.__newsgraph!.explorer.setRange(null));
      await idle(page);

      // Folded it keeps its title only, the distance card beside it too; off the map it is gone.
      await page.getByTestId('tray-list-fold').click();
      expect(await rowCount(page)).toBe(0);
      await expectCardBeside(page);
      await unhover(page);
      await page.getByTestId('view-graph').click();
      await expect.poll(() => page.getByTestId('tray-list').count()).toBe(0);
    },
    T,
  );

  it(
    'at 1280×720, opened, the map is framed again with the tray beside the list, not under it',
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1280, height: 720 });
      await openExplorer(page, e2e.app.url);
      await toMap(page);
      await unfold(page);
      expect(await rowCount(page)).toBe(await trayCount(page));
      expect(await covered(page)).toEqual({ overlaps: [], inside: true });
      expect(await underList(page)).toEqual([]);
      // (The tray here has room for few captions: the check with many of them is at 1440×900.)
      expect((await captionsUnderList(page)).under).toEqual([]);
      await shot(page, 'map-tray-list-1280');
      await expectCardBeside(page);
      await shot(page, 'map-tray-list-1280-distance-card');
      await unhover(page);
      await page.getByTestId('tray-list-fold').click();
      await expectCardBeside(page);
    },
    T,
  );

  it.each([
    { width: 1024, height: 700, wraps: false },
    { width: 900, height: 600, wraps: false },
    { width: 640, height: 560, wraps: false },
    // The status line has ~180 px here: a long message reaches below the list's usual top.
    { width: 420, height: 800, wraps: true },
  ])(
    'at $width×$height, folded or not, it covers no other control, a long status message shown or not; nor does the distance card, the legend opened too',
    async ({ width, height, wraps }) => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width, height });
      await openExplorer(page, e2e.app.url);
      await toMap(page);
      const fold = page.getByTestId('tray-list-fold');
      expect(await fold.getAttribute('aria-expanded')).toBe('false');
      expect(await covered(page)).toEqual({ overlaps: [], inside: true });
      await expectCardBeside(page);
      await unhover(page);
      await fold.click();
      await expect.poll(() => rowCount(page)).toBeGreaterThan(3);
      expect(await covered(page)).toEqual({ overlaps: [], inside: true });
      // While a long message shows, the list (opened, then folded) is below it, over no other control.
      for (const folded of [false, true]) {
        const seen = await coveredWithMessage(page);
        expect(seen, `folded: ${folded}`).toMatchObject({ overlaps: [], inside: true });
        if (wraps) expect(seen.reach).toBeGreaterThan(56);
        await fold.click();
      }
      expect(await covered(page)).toEqual({ overlaps: [], inside: true });
      await shot(page, `map-tray-list-${width}`);
      await expectCardBeside(page);
      await shot(page, `map-tray-list-${width}-distance-card`);
      // The legend starts folded in a small window; opened, it reaches higher, yet stays below the
      // controls above it, and the card still covers none of it (a wide card over its column ends
      // above it) and is read whole or at least its title and first lines: the legend's rows scroll first.
      await unhover(page);
      const legendFold = page.locator('[data-testid=legend] .legend-fold');
      if ((await legendFold.getAttribute('aria-expanded')) === 'false') await legendFold.click();
      expect(await legendFold.getAttribute('aria-expanded')).toBe('true');
      await expectLegendBelowControls(page);
      await expectCardBeside(page);
      const card = await page
        .getByTestId('distance-card')
        .evaluate((el) => ({ shown: el.clientHeight, whole: el.scrollHeight }));
      expect(card.shown, JSON.stringify(card)).toBeGreaterThanOrEqual(Math.min(card.whole, 140));
      await expectLegendBelowControls(page);
      await shot(page, `map-tray-list-${width}-distance-card-legend`);
    },
    T,
  );
});
