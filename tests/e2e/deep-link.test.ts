/**
 * End to end: a link rebuilds the view it was taken from. After a query, two expansions, a
 * hidden node, a dragged pin and a timeline brush, the page's URL opened in a fresh browser
 * context draws the same nodes, with the pinned node where it was dropped — the query drawer
 * closed, so only the link's view recipe can say what made the view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, nodePoint, openExplorer, shot, snapshot } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

/** What sigma draws: our keys of the nodes not hidden (legend, hidden nodes, timeline filter). */
function drawnKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = window.__newsgraph!;
    const g = h.explorer.graphState;
    return h.explorer.graph
      .nodes()
      .filter((id) => !h.views.isHidden(id))
      .map((id) => g.nodes.get(id)?.key ?? id)
      .sort();
  });
}

/** Graph positions of the pinned nodes, by our key. */
function pins(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const e = window.__newsgraph!.explorer;
    const out: Record<string, { x: number; y: number }> = {};
    for (const id of e.graphState.pinned) {
      const a = e.graph.getNodeAttributes(id);
      out[e.graphState.nodes.get(id)?.key ?? id] = { x: a.x, y: a.y };
    }
    return out;
  });
}

describe('deep links (e2e)', () => {
  it(
    'query → expand → hide → pin → timeline brush: the link, reopened in a fresh context, draws the same nodes and pins',
    async () => {
      const { page, context } = await newPage(e2e.browser);
      const q = encodeURIComponent("MATCH (p:Person {id: 'dmitry-peskov'}) RETURN p");
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      expect((await snapshot(page)).nodes).toBe(1);
      await page.evaluate(() => window.__newsgraph!.explorer.setDrawer({ open: false }));
      await page.evaluate(() => window.__newsgraph!.explorer.expand('dmitry-peskov'));
      await idle(page);
      await page.evaluate(() => window.__newsgraph!.explorer.expand('kremlin'));
      await idle(page);
      const expanded = await snapshot(page);
      expect(expanded.expanded).toHaveLength(2);

      // Hide one of Kremlin's neighbours (not Peskov).
      const peskov = (await nodeId(page, 'dmitry-peskov'))!;
      const kremlin = (await nodeId(page, 'kremlin'))!;
      const other = (await page.evaluate((id) => window.__newsgraph!.neighbours(id), kremlin)).find(
        (id) => id !== peskov,
      )!;
      await page.evaluate((id) => window.__newsgraph!.explorer.hide([id]), other);
      await idle(page);

      // Drag Kremlin 60 px right: pinned where it is dropped.
      const from = await nodePoint(page, kremlin);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 6 * i, from.y + 3 * i);
      await page.mouse.up();
      await idle(page);
      expect((await snapshot(page)).pinned).toEqual([kremlin]);

      // Brush 2022–2023 and hide the rest.
      await page.evaluate(() => {
        const e = window.__newsgraph!.explorer;
        e.setRange({ from: '2022-01-01', to: '2023-12-31' });
        e.setHideOutside(true);
      });
      await idle(page);

      const keys = await drawnKeys(page);
      const pinned = await pins(page);
      const otherKey = await page.evaluate((id) => window.__newsgraph!.explorer.graphState.nodes.get(id)!.key, other);
      expect(keys).toContain('kremlin');
      expect(keys).not.toContain(otherKey);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      expect(keys.length).toBeLessThan(expanded.nodes);
      const link = page.url();
      expect(link).not.toContain('cypher=');
      await shot(page, 'deep-link-a-taken');
      await context.close();

      // A fresh browser context (no storage, no history) opens the link.
      const fresh = await newPage(e2e.browser);
      await openExplorer(fresh.page, link);
      expect(await drawnKeys(fresh.page)).toEqual(keys);
      const again = await pins(fresh.page);
      expect(Object.keys(again)).toEqual(['kremlin']);
      expect(again.kremlin!.x).toBeCloseTo(pinned.kremlin!.x, 1);
      expect(again.kremlin!.y).toBeCloseTo(pinned.kremlin!.y, 1);
      const hidden = (await snapshot(fresh.page)).hidden;
      expect(hidden).toEqual([await nodeId(fresh.page, otherKey!)]);
      await shot(fresh.page, 'deep-link-b-reopened');
      await fresh.context.close();
    },
    T,
  );

  it(
    'a reopened link at 1280×720 frames the whole view in the free area, the focused node selected, not zoomed onto',
    async () => {
      const { page, context } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1280, height: 720 });
      const q = encodeURIComponent("MATCH (p:Person {id: 'dmitry-peskov'}) RETURN p");
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      await page.evaluate(() => window.__newsgraph!.explorer.setDrawer({ open: false }));
      await page.evaluate(() => window.__newsgraph!.explorer.expand('dmitry-peskov'));
      await idle(page);
      const kremlin = (await nodeId(page, 'kremlin'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), kremlin);
      await idle(page);
      const link = page.url();
      expect(link).toMatch(/focus=/);
      await context.close();

      const fresh = await newPage(e2e.browser);
      await fresh.page.setViewportSize({ width: 1280, height: 720 });
      await openExplorer(fresh.page, link);
      const out = await fresh.page.evaluate(() => {
        const h = window.__newsgraph!;
        const free = h.explorer.sigmaController!.camera.freeRect();
        const ids = h.explorer.graph.nodes().filter((id) => !h.views.isHidden(id));
        return {
          free,
          count: ids.length,
          outside: ids.filter((id) => {
            const p = h.nodePosition(id)!;
            return p.x < free.left || p.x > free.right || p.y < free.top || p.y > free.bottom;
          }),
          selection: h.explorer.state.selection,
        };
      });
      expect(out.count).toBeGreaterThan(3);
      expect(out.outside).toEqual([]);
      expect(out.selection).toEqual([await nodeId(fresh.page, 'kremlin')]);
      await shot(fresh.page, 'deep-link-c-framed-1280x720');
      await fresh.context.close();
    },
    T,
  );

  it(
    'a view too long for a link (200 pins, 30 hidden nodes) is saved on the server; its vid= link rebuilds it in a fresh context',
    async () => {
      const { page, context } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() => {
        const e = window.__newsgraph!.explorer;
        const ids = e.graph.nodes();
        // Pinned all over a wide area at pseudo-random positions, every digit varying: the recipe
        // must not compress under the link limit whichever 200 nodes the overview lists first.
        e.layout.stop();
        let seed = 20261204;
        const next = () => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          // ±100,000 with two decimals: wide, yet exact in the renderer's float32 positions.
          return (seed % 20_000_000) / 100 - 100_000;
        };
        ids.slice(0, 200).forEach((id) => {
          e.graph.mergeNodeAttributes(id, { x: next(), y: next() });
          e.setPinned(id, true);
        });
        e.hide(ids.slice(200, 230));
      });
      await idle(page);
      await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/[?&]vid=[A-Za-z0-9_-]{22}/);
      const link = page.url();
      expect(link).not.toMatch(/[?&]v=/);
      const keys = await drawnKeys(page);
      const pinned = await pins(page);
      expect(Object.keys(pinned)).toHaveLength(200);
      await context.close();

      const fresh = await newPage(e2e.browser);
      await openExplorer(fresh.page, link);
      expect(await drawnKeys(fresh.page)).toEqual(keys);
      const again = await pins(fresh.page);
      expect(Object.keys(again).sort()).toEqual(Object.keys(pinned).sort());
      for (const [k, p] of Object.entries(pinned)) {
        expect(again[k]!.x, k).toBeCloseTo(p.x, 1);
        expect(again[k]!.y, k).toBeCloseTo(p.y, 1);
      }
      expect((await snapshot(fresh.page)).hidden).toHaveLength(30);
      await shot(fresh.page, 'deep-link-d-saved-view');
      await fresh.context.close();
    },
    T,
  );

  it(
    '"Expand up to" round-trips through the link and follows back/forward; a bad value leaves the default',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const limit = page.getByTestId('expand-limit');
      const urlLimit = () => new URL(page.url()).searchParams.get('limit');
      const [x, y] = await page.evaluate(() => [...window.__newsgraph!.explorer.graphState.nodes.keys()].slice(0, 2));
      // Selecting a node is a step (a new entry); changing the setting only rewrites the current one.
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), x!);
      await idle(page);
      const entries = await page.evaluate(() => history.length);
      await limit.selectOption('25');
      await idle(page);
      await expect.poll(urlLimit).toBe('25');
      expect(await page.evaluate(() => history.length)).toBe(entries);
      const link = page.url();
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), y!);
      await idle(page);
      await limit.selectOption('50');
      await idle(page);
      await expect.poll(urlLimit).toBe('50');
      expect(await page.evaluate(() => history.length)).toBe(entries + 1);

      // Back/forward: each entry's own setting, the default where its URL has none.
      const step = async (go: () => Promise<unknown>, value: string, inUrl: string | null) => {
        await go();
        await expect.poll(urlLimit).toBe(inUrl);
        await idle(page);
        await expect.poll(() => limit.inputValue()).toBe(value);
        expect(urlLimit()).toBe(inUrl);
      };
      await step(() => page.goBack(), '25', '25');
      await step(() => page.goBack(), '100', null);
      await step(() => page.goForward(), '25', '25');
      await step(() => page.goForward(), '50', '50');
      // A size the explorer does not offer is ignored, as in a link: that view is at the default.
      await page.evaluate(() => history.pushState(null, '', '?limit=7'));
      await step(() => page.goBack(), '50', '50');
      await step(() => page.goForward(), '100', null);
      expect(errors).toEqual([]);
      await context.close();

      const fresh = await newPage(e2e.browser);
      await openExplorer(fresh.page, link);
      await expect(fresh.page.getByTestId('expand-limit').inputValue()).resolves.toBe('25');
      await fresh.context.close();

      const bad = await newPage(e2e.browser);
      await openExplorer(bad.page, `${e2e.app.url}/?limit=abc`);
      await expect(bad.page.getByTestId('expand-limit').inputValue()).resolves.toBe('100');
      expect(bad.errors).toEqual([]);
      await bad.context.close();
    },
    T,
  );

  it(
    'a link to a missing node, saved view or saved query says so, and the rest of the link still works',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      const status = () => page.getByTestId('status').textContent();
      // An unknown focus: the link's expansion is still made, and the status says which node is missing.
      await openExplorer(page, `${e2e.app.url}/?focus=no-such-node-xyz&expand=vyacheslav-gladkov`);
      expect(await status()).toMatch(/no-such-node-xyz.*not found|not found.*no-such-node-xyz/i);
      expect((await snapshot(page)).expanded).toEqual([await nodeId(page, 'vyacheslav-gladkov')]);
      // The address stays as the reader gave it (to copy, fix or report) until they go elsewhere.
      const focusInUrl = () => new URL(page.url()).searchParams.get('focus');
      expect(focusInUrl()).toBe('no-such-node-xyz');
      expect(new URL(page.url()).searchParams.get('expand')).toBe('vyacheslav-gladkov');
      await shot(page, 'deep-link-e-unknown-focus');
      await page.evaluate(() => window.__newsgraph!.explorer.select(window.__newsgraph!.nodeId('vyacheslav-gladkov')));
      await idle(page);
      await expect.poll(focusInUrl).toBe('vyacheslav-gladkov');
      // Back: the address as given again, the node unselected and still said to be missing; forward: the node.
      await page.goBack();
      await idle(page);
      await expect.poll(focusInUrl).toBe('no-such-node-xyz');
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.focus)).toBeNull();
      expect(await status()).toMatch(/no-such-node-xyz/i);
      await page.goForward();
      await idle(page);
      await expect.poll(focusInUrl).toBe('vyacheslav-gladkov');
      expect(await page.evaluate(() => window.__newsgraph!.explorer.state.focus)).toBe(
        await nodeId(page, 'vyacheslav-gladkov'),
      );
      // A saved view id that is malformed, or well-formed and unknown: the overview, and why.
      for (const vid of ['doesnotexist', 'AAAAAAAAAAAAAAAAAAAAAA']) {
        await openExplorer(page, `${e2e.app.url}/?vid=${vid}`);
        expect(await status(), vid).toMatch(/saved view.*(not found|could not be opened)/i);
        expect((await snapshot(page)).nodes, vid).toBeGreaterThan(100);
      }
      await shot(page, 'deep-link-f-unknown-view');
      // An unknown saved query: the form's side says so too, instead of loading forever.
      await openExplorer(page, `${e2e.app.url}/?query=no-such-query&run=1`);
      const left = page.locator('.drawer-left');
      await expect.poll(() => left.textContent(), { timeout: 30_000 }).toMatch(/no saved query called/i);
      expect(await left.textContent()).not.toMatch(/Loading/);
      await shot(page, 'deep-link-g-unknown-query');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
