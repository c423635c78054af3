/**
 * End to end, smaller windows, signed in as an admin (the fullest top bar) with a hidden node: at
 * 1280×800 the bar is one row with every control inside the window and the timeline's counts whole
 * (also at 800 and 420 px, by a brushed range); at 800×700 and 420×800 every
 * control is still inside the window, the graph keeps most of the width, and the Cypher drawer's
 * Run button is on screen; with the drawer open at 420×800 the timeline folds to its bar (its
 * button shows the chart again, by keyboard too), so the graph keeps most of the height. Signed in
 * as an editor at 900, 800, 600 and 420 px (the last with the Cypher drawer open): a node click
 * opens its details over the graph, inside the window with no scrolling, the graph still in sight
 * and the keyboard in the panel; Esc or its close button give the graph back. Search and saved
 * queries open over the graph from the top bar. A small laptop (1024×700): laptop-window.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http/server';
import { openAppStore } from '../../src/runtime/store/app-store';
import { Accounts } from '../../src/server/auth/accounts';
import { e2eSession, idle, nodeId, nodePoint, shot } from '../support/browser';
import { testNeo4j } from '../support/neo4j';
import { startApp } from './support/app';
import { box, expectCountsShown, type Box } from './support/layout';
import { signIn } from './support/sign-in';

const T = 240_000;
const e2e = e2eSession();

/** Every button, select and field of the top bar, with its box. */
function barControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.topbar button, .topbar select, .topbar input')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        name: el.getAttribute('aria-label') ?? el.textContent!.trim(),
        left: r.left,
        right: r.right,
        top: r.top,
      };
    }),
  );
}

async function expectBarInside(page: Page, width: number): Promise<void> {
  const outside = (await barControls(page)).filter((c) => c.left < 0 || c.right > width + 0.5);
  expect(outside).toEqual([]);
  const bar = await page.evaluate(() => {
    const tb = document.querySelector('.topbar')!;
    return { scroll: tb.scrollWidth, client: tb.clientWidth };
  });
  expect(bar.scroll).toBeLessThanOrEqual(bar.client);
}

describe('signed in as an admin, with a hidden node (e2e)', () => {
  const PASSWORD = 'correct horse battery';
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-narrow-'));
  let app: RunningServer;
  beforeAll(async () => {
    const store = openAppStore(dataDir);
    await new Accounts(store).add('ada', 'admin', PASSWORD);
    await new Accounts(store).add('ed', 'editor', PASSWORD);
    store.close();
    const t = testNeo4j();
    app = await startApp(
      { uri: t.uri, username: t.username, password: t.password, database: t.database },
      { NEWSGRAPH_DATA_DIR: dataDir },
    );
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'every top-bar control is on screen at 1280, 800 and 420 px; the graph keeps its room; Run shows',
    async () => {
      const { page, context } = await signIn(e2e.browser, app.url, 'ada', PASSWORD);
      try {
        await page.setViewportSize({ width: 1280, height: 800 });
        const id = (await nodeId(page, 'vyacheslav-gladkov'))!;
        await page.evaluate((x) => window.__newsgraph!.explorer.hide([x]), id);
        await page.getByTestId('show-hidden').waitFor();
        for (const testid of ['admin-open', 'sign-out', 'theme', 'export-menu', 'add-article', 'show-hidden'])
          expect(await page.getByTestId(testid).count()).toBe(1);
        await expectBarInside(page, 1280);
        // One row on a laptop.
        expect((await box(page, '.topbar')).bottom).toBeLessThan(50);
        // A brushed range's label shows both dates whole.
        await page.getByTestId('time-reported').waitFor({ timeout: 60_000 });
        await page.evaluate(() => window.__newsgraph!.explorer.setRange({ from: '2022-11-29', to: '2023-03-14' }));
        await page.getByTestId('timeline-brush').waitFor();
        const dates = await page.evaluate(() => {
          const label = document.querySelector('[data-testid=timeline-label]')!;
          const l = label.getBoundingClientRect();
          return [...label.querySelectorAll('b')].map((b) => {
            const r = b.getBoundingClientRect();
            return { text: b.textContent, inside: r.right <= l.right + 0.5 && r.bottom <= l.bottom + 0.5 };
          });
        });
        expect(dates).toEqual([
          { text: '29 Nov 2022', inside: true },
          { text: '14 Mar 2023', inside: true },
        ]);
        await expectCountsShown(page, '1280×800');
        await shot(page, 'narrow-window-1280x800-admin');

        await page.setViewportSize({ width: 800, height: 700 });
        await idle(page);
        await expectBarInside(page, 800);
        const mid = await box(page, 'main.main');
        expect(mid.right - mid.left).toBeGreaterThanOrEqual(400);
        expect(mid.bottom - mid.top).toBeGreaterThanOrEqual(300);
        // Room enough: the whole timeline strip, and no fold button.
        expect(await page.getByTestId('timeline').getAttribute('data-folded')).toBe('0');
        expect(await page.getByTestId('timeline-fold').count()).toBe(0);
        await expectCountsShown(page, '800×700');
        await shot(page, 'narrow-window-800x700');

        await page.setViewportSize({ width: 420, height: 800 });
        await idle(page);
        await expectBarInside(page, 420);
        const small = await box(page, 'main.main');
        expect(small.right - small.left).toBeGreaterThanOrEqual(400);
        expect(small.bottom - small.top).toBeGreaterThanOrEqual(300);
        await expectCountsShown(page, '420×800');
        await page.getByRole('button', { name: 'Cypher', exact: true }).click();
        await page.getByTestId('run').waitFor();
        // The editor takes the focus when it mounts; wait for that, or it steals the keys below.
        await expect
          .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid=cypher-editor]')))
          .toBe(true);
        const run = await box(page, '[data-testid=run]');
        expect(run.left).toBeGreaterThanOrEqual(0);
        expect(run.right).toBeLessThanOrEqual(420);
        expect(run.top).toBeGreaterThanOrEqual(0);
        expect(run.bottom).toBeLessThanOrEqual(800);
        // The graph keeps most of what the drawer leaves: the timeline folds to its bar.
        const share = async () => {
          const [area, canvas] = await Promise.all([box(page, 'main.main'), box(page, '.graph-host')]);
          return (canvas.bottom - canvas.top) / (area.bottom - area.top);
        };
        await expect.poll(share).toBeGreaterThanOrEqual(0.8);
        await shot(page, 'narrow-window-420x800-drawer');
        // Its button, from the keyboard, shows the chart and folds it again.
        const fold = page.getByTestId('timeline-fold');
        expect(await fold.getAttribute('aria-expanded')).toBe('false');
        await fold.focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('timeline-chart').waitFor();
        expect(await fold.getAttribute('aria-expanded')).toBe('true');
        expect(await share()).toBeLessThan(0.6);
        expect(await fold.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        await page.getByTestId('timeline-chart').waitFor({ state: 'hidden' });
        expect(await share()).toBeGreaterThanOrEqual(0.8);
        // With the drawer closed the strip is whole again.
        await page.getByRole('button', { name: 'Cypher', exact: true }).click();
        await expect.poll(() => page.getByTestId('timeline').getAttribute('data-folded')).toBe('0');
        expect(await fold.count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    "at 1280×800 the Cypher drawer's save form gets full-width fields and the editor keeps a few lines",
    async () => {
      const { page, context } = await signIn(e2e.browser, app.url, 'ada', PASSWORD);
      try {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.getByRole('button', { name: 'Cypher', exact: true }).click();
        await page.getByTestId('cypher-editor').waitFor();
        await page.evaluate(() =>
          window.__newsgraph!.explorer.setDrawer({
            cypher: 'MATCH (p:Person {id: $person})-[r]-(x) RETURN p, r, x LIMIT 20',
          }),
        );
        await page.getByTestId('cypher-param-person').waitFor();
        await page.getByTestId('save-query-open').click();
        const [title, description, editor] = await Promise.all([
          box(page, '[data-testid=save-query-title]'),
          box(page, '[data-testid=save-query-description]'),
          box(page, '[data-testid=cypher-editor]'),
        ]);
        expect(title.right - title.left).toBeGreaterThanOrEqual(300);
        expect(description.right - description.left).toBeGreaterThanOrEqual(300);
        // About five lines of the query stay visible.
        expect(editor.bottom - editor.top).toBeGreaterThanOrEqual(90);
        await shot(page, 'narrow-window-1280x800-save-query');
      } finally {
        await context.close();
      }
    },
    T,
  );

  it(
    'at 900, 800, 600 and 420 px a node click shows its details over the graph, in the window, without scrolling; Esc and Close give the graph back',
    async () => {
      const { page, context } = await signIn(e2e.browser, app.url, 'ed', PASSWORD);
      try {
        const id = (await nodeId(page, 'vyacheslav-gladkov'))!;
        for (const [width, height, drawer] of [
          [800, 700, false],
          [900, 700, false],
          [600, 800, false],
          [420, 800, true],
        ] as const) {
          const at = `${width}×${height}`;
          await page.setViewportSize({ width, height });
          await page.evaluate(() => window.__newsgraph!.explorer.select(null));
          if (drawer) {
            await page.getByRole('button', { name: 'Cypher', exact: true }).click();
            await page.getByTestId('run').waitFor();
          }
          await idle(page);
          // The details are not in the way until something is opened.
          expect(await page.locator('aside.right').isVisible(), at).toBe(false);
          // Close up, so that the click finds this node and no neighbour drawn over it.
          await page.evaluate((x) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(x, 0.08), id);
          await idle(page);
          const p = await nodePoint(page, id);
          await page.mouse.click(p.x, p.y);
          await page.getByTestId('detail-name').waitFor();
          await idle(page);
          expect(await page.getByTestId('detail-name').textContent(), at).toMatch(/Gladkov/);
          // In the window, with no scrolling: the panel, its title and its close button.
          expect(await page.evaluate(() => document.documentElement.scrollHeight), at).toBeLessThanOrEqual(height);
          for (const sel of ['aside.right', '[data-testid=detail-name]', '[data-testid=panel-close]']) {
            const b = await box(page, sel);
            expect(b.top, `${at} ${sel}`).toBeGreaterThanOrEqual(0);
            expect(b.bottom, `${at} ${sel}`).toBeLessThanOrEqual(height);
            expect(b.left, `${at} ${sel}`).toBeGreaterThanOrEqual(0);
            expect(b.right, `${at} ${sel}`).toBeLessThanOrEqual(width);
          }
          // The graph stays in view: the panel covers at most ~60 % of it, and the node clicked is not under it.
          const [graph, panel] = await Promise.all([box(page, 'main.main'), box(page, 'aside.right')]);
          const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
          const covered = area({
            left: Math.max(graph.left, panel.left),
            right: Math.min(graph.right, panel.right),
            top: Math.max(graph.top, panel.top),
            bottom: Math.min(graph.bottom, panel.bottom),
          });
          expect(graph.bottom - graph.top, at).toBeGreaterThanOrEqual(drawer ? 150 : 300);
          expect(covered / area(graph), at).toBeLessThanOrEqual(0.62);
          const q = await nodePoint(page, id);
          const under = q.x >= panel.left && q.x <= panel.right && q.y >= panel.top && q.y <= panel.bottom;
          expect(under, at).toBe(false);
          // The keyboard is in the panel.
          expect(await page.evaluate(() => !!document.activeElement?.closest('aside.right')), at).toBe(true);
          await shot(page, `narrow-window-details-${width}x${height}${drawer ? '-drawer' : ''}`);
          // Esc closes it; the keyboard is back on the graph, the node still selected.
          await page.keyboard.press('Escape');
          await expect.poll(() => page.locator('aside.right').isVisible()).toBe(false);
          expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=graph]')), at).toBe(true);
          expect(await page.evaluate(() => window.__newsgraph!.explorer.state.focus), at).toBe(id);
          // So does its close button. A second click within sigma's double-click time of the first
          // would be a double click (an expansion), so wait it out, and read the node's place again.
          await page.waitForTimeout(400);
          await idle(page);
          const again = await nodePoint(page, id);
          await page.mouse.click(again.x, again.y);
          await idle(page);
          await page.getByTestId('panel-close').click();
          await expect.poll(() => page.locator('aside.right').isVisible()).toBe(false);
          expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=graph]')), at).toBe(true);
          if (drawer) await page.getByRole('button', { name: 'Cypher', exact: true }).click();
        }
        // Search and saved queries open the same way, from the top bar, with the keyboard in the search field.
        await page.setViewportSize({ width: 800, height: 700 });
        await idle(page);
        expect(await page.locator('aside.left').isVisible()).toBe(false);
        await page.getByTestId('open-search').click();
        const left = await box(page, 'aside.left');
        expect(left.top).toBeGreaterThanOrEqual(0);
        expect(left.bottom).toBeLessThanOrEqual(700);
        // The field takes the keyboard on the next frame, once the panel is laid out.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
        await shot(page, 'narrow-window-search-800x700');
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('aside.left').isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    },
    T,
  );
});
