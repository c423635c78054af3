/**
 * End to end, the keyboard's way through what used to need the mouse: two entities found by
 * name (search, then Shift+Enter adds the second) give the path bar and the paths, with both in
 * view; the detail panel's "Find paths to…" box does the same; the graph itself takes the focus
 * and opens a node's menu from the keyboard; Esc in the Cypher editor closes the completion, then
 * the drawer; the saved queries are named by their titles and can be skipped.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot, snapshot } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testid: el?.dataset.testid ?? null, text: el?.textContent?.trim() ?? '' };
  });

/** Types into the focused search box and waits for a result naming `name`. */
async function typeSearch(page: Page, text: string, name: RegExp, box = 'search'): Promise<void> {
  await page.keyboard.insertText(text);
  await page
    .locator(`[data-testid=${box}-results] [role=option][aria-selected=true]`)
    .filter({ hasText: name })
    .waitFor({ timeout: 30_000 });
}

/** True when these nodes are all drawn inside the graph area. */
async function allInView(page: Page, ids: readonly string[]): Promise<boolean> {
  return page.evaluate((all) => {
    const h = window.__newsgraph!;
    const el = document.querySelector('[data-testid=graph]')!;
    const cam = h.explorer.sigmaController!.camera;
    return all.every((id) => {
      const p = cam.nodeViewportPosition(id);
      return !!p && p.x >= 0 && p.y >= 0 && p.x <= el.clientWidth && p.y <= el.clientHeight;
    });
  }, ids);
}
const bothInView = (page: Page, a: string, b: string) => allInView(page, [a, b]);

/** The captions (of these nodes) whose drawn text runs past the graph area's right edge. */
async function labelsCut(page: Page, ids: readonly string[]): Promise<string[]> {
  return page.evaluate((all) => {
    const sigma = window.__newsgraph!.explorer.sigmaController!.sigma;
    const cam = window.__newsgraph!.explorer.sigmaController!.camera;
    const width = document.querySelector('[data-testid=graph]')!.clientWidth;
    const st = sigma.getSettings();
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${st.labelWeight} ${st.labelSize}px ${st.labelFont}`;
    return all.flatMap((id) => {
      const d = sigma.getNodeDisplayData(id);
      const p = cam.nodeViewportPosition(id);
      if (!d?.label || !p) return [];
      const label = d.label.length > 34 ? `${d.label.slice(0, 33)}…` : d.label;
      return p.x + ctx.measureText(label).width + 4 > width ? [d.label] : [];
    });
  }, ids);
}

describe('paths and the graph by keyboard (e2e)', () => {
  it(
    'keyboard only: search A, Enter, search B, Shift+Enter adds it; Find paths has the focus; the path bar shows a path',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const hint = page.getByTestId('detail-empty');
      expect(await hint.textContent()).toMatch(/Shift\+Enter/);
      await page.keyboard.press('/');
      await typeSearch(page, 'Gladkov', /Gladkov/);
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-name').filter({ hasText: 'Gladkov' }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('detail').textContent()).toMatch(/Shift\+Enter/);
      await idle(page);
      await typeSearch(page, 'Zelensky', /Zelensky/);
      await page.keyboard.press('Shift+Enter');
      await page.getByTestId('pathbar').filter({ hasText: 'selected' }).waitFor({ timeout: 60_000 });
      await idle(page);
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      const zelensky = (await nodeId(page, 'volodymyr-zelensky'))!;
      expect(new Set((await snapshot(page)).selection)).toEqual(new Set([gladkov, zelensky]));
      expect(await bothInView(page, gladkov, zelensky)).toBe(true);
      expect((await focused(page)).testid).toBe('find-paths');
      await page.keyboard.press('Enter');
      const bar = page.getByTestId('pathbar').filter({ hasText: 'shortest path' });
      await bar.waitFor({ timeout: 60_000 });
      expect(await bar.textContent()).toMatch(/between Vyacheslav Gladkov and Volodymyr Zelensky/);
      await shot(page, 'keyboard-paths-search');
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'the detail panel\'s "Find paths to…" box adds the picked entity and hands the focus to Find paths; the path is framed, and the app\'s Back keeps it',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.keyboard.press('/');
      await typeSearch(page, 'Gladkov', /Gladkov/);
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-name').filter({ hasText: 'Gladkov' }).waitFor({ timeout: 60_000 });
      const to = page.getByRole('combobox', { name: 'Find paths to…' });
      await to.focus();
      await typeSearch(page, 'Zelensky', /Zelensky/, 'find-paths-to');
      await page.keyboard.press('Enter');
      await page.getByTestId('pathbar').filter({ hasText: 'selected' }).waitFor({ timeout: 60_000 });
      // The keyboard goes to Find paths on the frame after the bar is drawn.
      await idle(page);
      expect((await focused(page)).testid).toBe('find-paths');
      // The first entity is still the one whose detail is shown.
      expect(await page.getByTestId('detail-name').textContent()).toMatch(/Gladkov/);
      // The path found is framed: every node of it in view.
      await page.keyboard.press('Enter');
      const bar = page.getByTestId('pathbar');
      await bar.filter({ hasText: 'shortest path' }).waitFor({ timeout: 60_000 });
      await idle(page);
      const onPath = (await snapshot(page)).path!.nodes;
      expect(onPath.length).toBeGreaterThan(2);
      expect(await allInView(page, onPath)).toBe(true);
      // The line under the box says what the bar shows now, not the "Find paths" button it replaced.
      const hint = page.getByTestId('find-paths-to-box');
      expect(await hint.textContent()).toMatch(/paths found are drawn/);
      expect(await hint.textContent()).not.toMatch(/“Find paths” is at the bottom/);
      // Their captions too: a long one at the right end is not cut by the detail panel.
      expect(await labelsCut(page, onPath)).toEqual([]);
      // Hiding an end breaks the path, and the bar says so; the app's Back draws it again, in the URL too.
      await page.getByTestId('hide').click();
      await bar.filter({ hasText: 'broken' }).waitFor({ timeout: 30_000 });
      expect(await bar.textContent()).toMatch(/Vyacheslav Gladkov is hidden/);
      await page.getByTestId('back').click();
      await bar.filter({ hasText: '1 shortest path' }).waitFor({ timeout: 30_000 });
      await idle(page);
      expect((await snapshot(page)).path?.nodes).toEqual(onPath);
      expect(new URL(page.url()).searchParams.getAll('path')).toEqual(['vyacheslav-gladkov', 'volodymyr-zelensky']);
    },
    T,
  );

  it(
    "the graph takes the focus (named, with its keys said), and Shift+F10 opens the selected node's menu",
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const graph = page.getByTestId('graph');
      expect(await graph.getAttribute('tabindex')).toBe('0');
      expect(await graph.getAttribute('role')).toBeTruthy();
      expect(await graph.getAttribute('aria-label')).toMatch(/graph/i);
      await page.keyboard.press('/');
      await typeSearch(page, 'Gladkov', /Gladkov/);
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-name').filter({ hasText: 'Gladkov' }).waitFor({ timeout: 60_000 });
      await idle(page);
      await graph.focus();
      await page.keyboard.press('Shift+F10');
      const item = page.locator('.context-menu [role=menuitem]').first();
      await item.waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      await page.keyboard.press('Escape');
      await page.locator('.context-menu').waitFor({ state: 'detached', timeout: 10_000 });
    },
    T,
  );

  it(
    'Esc in the Cypher editor closes the completion first, then the drawer, and the focus goes back to its opener',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const opener = page.getByRole('button', { name: 'Cypher', exact: true });
      await opener.click();
      await page.locator('.cm-content').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(true);
      await page.keyboard.insertText('MATCH (n:Person) WH');
      await page.keyboard.press('Control+Space');
      await page.locator('.cm-tooltip-autocomplete').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await page.locator('.cm-editor').count()).toBe(1);
      await page.keyboard.press('Escape');
      await page.locator('.cm-editor').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await page.getByTestId('drawer-toggle').getAttribute('aria-expanded')).toBe('false');
      expect((await focused(page)).text).toBe('Cypher');
    },
    T,
  );

  it(
    'saved queries are named by their titles (the description is said after) and can be skipped',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const list = page.getByRole('navigation', { name: 'Saved queries' });
      const first = list.locator('button.qitem').first();
      await first.waitFor({ timeout: 60_000 });
      // The title is the button's own text; the description is the span after it.
      const title = await first.evaluate((el) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE || (n as Element).className === 'qtitle')
          .map((n) => n.textContent)
          .join('')
          .trim(),
      );
      expect(title).toBeTruthy();
      expect(await list.getByRole('button', { name: title, exact: true }).count()).toBe(1);
      expect(await first.getAttribute('aria-description')).toBeTruthy();
      const skip = page.getByRole('link', { name: 'Skip the saved queries' });
      await skip.focus();
      await page.keyboard.press('Enter');
      expect((await focused(page)).testid).toBe('graph');
    },
    T,
  );
});
