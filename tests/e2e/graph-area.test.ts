/**
 * End to end, the graph area as a new user meets it: sigma follows its box when the Cypher drawer
 * opens (both viewports) and the area clips its canvases; the legend stays under the view switch;
 * Hide on a hub does not throw; small results label every node; an expansion whose neighbours
 * are all on screen says so and is no step; new neighbours land in the free part of the view;
 * framing keeps room at the right for the captions that could run past it, not for the longest
 * caption anywhere; PNG export at 2× and SVG carry title and legend.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, keep, newPage, nodeId, openExplorer, shot, snapshot } from '../support/browser';

const T = 240_000;
const e2e = e2eSession();

/** The graph box, and the boxes of every canvas sigma put in it. */
function boxes(page: Page) {
  return page.evaluate(() => {
    const graph = document.querySelector('[data-testid=graph]') as HTMLElement;
    const r = (e: Element) => {
      const b = e.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, height: b.height };
    };
    const clip = (e: Element | null): boolean => {
      for (let el = e; el; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (s.overflow !== 'visible' || s.overflowY !== 'visible') return true;
      }
      return false;
    };
    return {
      graph: r(graph),
      clipped: clip(graph),
      canvases: [...graph.querySelectorAll('canvas')].map(r),
      legend: document.querySelector('[data-testid=legend]')
        ? r(document.querySelector('[data-testid=legend]')!)
        : null,
      tabs: r(document.querySelector('[data-testid=view-graph]')!),
    };
  });
}

describe('the graph area (e2e)', () => {
  for (const vp of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    it(
      `the Cypher drawer open at ${vp.width}×${vp.height}: sigma's canvases fit the smaller area, which clips; the legend stays below the view switch`,
      async () => {
        const { page } = await newPage(e2e.browser);
        await page.setViewportSize(vp);
        await openExplorer(page, e2e.app.url);
        const closed = await boxes(page);
        await page.evaluate(() => window.__newsgraph!.explorer.openCypher('MATCH (n:Person) RETURN n LIMIT 3'));
        await expect
          .poll(async () => (await boxes(page)).graph.height, { timeout: 30_000 })
          .toBeLessThan(closed.graph.height - 50);
        // The editor is a lazy chunk: the screenshot shows the form as a user works with it.
        await page.locator('.cm-content').waitFor({ timeout: 60_000 });
        await idle(page);
        const open = await boxes(page);
        expect(open.clipped).toBe(true);
        expect(open.canvases.length).toBeGreaterThan(0);
        for (const c of open.canvases) {
          expect(c.bottom).toBeLessThanOrEqual(open.graph.bottom + 1);
          expect(c.height).toBeLessThanOrEqual(open.graph.height + 1);
        }
        // Sigma drew again in the new size: the graph is still on screen.
        expect((await snapshot(page)).renderNodes).toBeGreaterThan(100);
        if (open.legend) expect(open.legend.top).toBeGreaterThanOrEqual(open.tabs.bottom);
        await shot(page, `graph-area-drawer-open-${vp.width}x${vp.height}`);
      },
      T,
    );
  }

  it(
    'the Cypher drawer open at 1280×800: the graph keeps at least 40% of the window and the legend covers little of it',
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1280, height: 800 });
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() => window.__newsgraph!.explorer.openCypher('MATCH (n:Person) RETURN n LIMIT 3'));
      await page.locator('.cm-content').waitFor({ timeout: 60_000 });
      await idle(page);
      const open = await page.evaluate(() => {
        const r = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
        const g = r('[data-testid=graph]')!;
        const l = r('[data-testid=legend]');
        const w = l ? Math.max(0, Math.min(g.right, l.right) - Math.max(g.left, l.left)) : 0;
        const h = l ? Math.max(0, Math.min(g.bottom, l.bottom) - Math.max(g.top, l.top)) : 0;
        return { height: g.height, legendShare: (w * h) / (g.width * g.height) };
      });
      expect(open.height).toBeGreaterThanOrEqual(0.4 * 800);
      expect(open.legendShare).toBeLessThanOrEqual(0.15);
      await shot(page, 'graph-area-drawer-open-1280x800');
    },
    T,
  );

  it(
    'Hide on Russia (selected, hovered, many neighbours) removes it without an error',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const russia = (await nodeId(page, 'russia'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), russia);
      await page.evaluate((id) => window.__newsgraph!.explorer.hoverNode(id), russia);
      await page.getByTestId('detail-name').filter({ hasText: 'Russia' }).waitFor({ timeout: 30_000 });
      await page.getByTestId('hide').click();
      await idle(page);
      const snap = await snapshot(page);
      expect(snap.hidden).toEqual([russia]);
      expect(await page.evaluate((id) => window.__newsgraph!.explorer.graph.hasNode(id), russia)).toBe(false);
      // More frames with the highlight gone: still nothing thrown.
      await page.mouse.move(10, 300);
      await idle(page);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    "a small query result labels every node (a whole-graph view thins them); its message replaces the overview's and fades",
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const forced = () =>
        page.evaluate(() => {
          const h = window.__newsgraph!;
          return h.explorer.graph.nodes().map((id) => !!h.display(id)?.forceLabel);
        });
      expect((await forced()).filter(Boolean).length).toBeLessThan((await forced()).length / 2);
      // Every status message the page shows, in order (they fade: read as they come).
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = []);
        new MutationObserver(() => {
          const t = document.querySelector('[data-testid=status]')?.textContent ?? '';
          if (t && t !== seen[seen.length - 1]) seen.push(t);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const q = encodeURIComponent('MATCH (p:Person)-[r]->(o:Organization) RETURN p, r, o LIMIT 19');
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      const small = await forced();
      expect(small.length).toBeGreaterThan(5);
      expect(small.every(Boolean)).toBe(true);
      // The message describes the query's result, not the overview loaded before it, and fades.
      const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
      expect(statuses[statuses.length - 1]).toMatch(new RegExp(`: ${small.length} nodes`));
      await page.getByTestId('status').waitFor({ state: 'detached', timeout: 20_000 });
      await shot(page, 'graph-area-small-result-labels');
    },
    T,
  );

  it(
    'expanding a node whose neighbours are all shown: no "+N more", no history step',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() => window.__newsgraph!.explorer.setExpandLimit(10));
      const steps = () => page.evaluate(() => window.__newsgraph!.explorer.state.history.past.length);
      const before = await steps();
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      await page.evaluate((id) => window.__newsgraph!.explorer.expand(id), gladkov);
      await idle(page);
      const status = await page.getByTestId('status').textContent();
      expect(status).toMatch(/Gladkov/);
      expect(status).not.toMatch(/\+\d+ more/);
      const more = await page.evaluate((id) => window.__newsgraph!.more(id), gladkov);
      expect(Object.values(more).reduce((a, b) => a + b, 0)).toBe(0);
      expect(await steps()).toBe(before);
    },
    T,
  );

  it(
    'at 1280×720 a long status message stays clear of the Graph/Map/Claims tabs and the single-source box',
    async () => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1280, height: 720 });
      await openExplorer(page, e2e.app.url);
      await page.evaluate(() =>
        window.__newsgraph!.explorer.shell.setStatus(
          'info',
          'Showing the 240 best-connected of 1,204 nodes. Search or expand to see more of the graph.',
        ),
      );
      const status = page.getByTestId('status');
      await status.waitFor({ timeout: 10_000 });
      const hit = await page.evaluate(() => {
        const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        const s = r('[data-testid=status]');
        const graph = r('[data-testid=graph]');
        const others = ['[data-testid=view-graph]', '[data-testid=view-map]', '[data-testid=view-claims]'];
        others.push('[data-testid=single-source-toggle]');
        return {
          inside: s.left >= graph.left && s.right <= graph.right,
          overlaps: others.filter((sel) => {
            const o = r(sel);
            return s.left < o.right && o.left < s.right && s.top < o.bottom && o.top < s.bottom;
          }),
        };
      });
      expect(hit.overlaps).toEqual([]);
      expect(hit.inside).toBe(true);
      await shot(page, 'graph-area-status-1280x720');
    },
    T,
  );

  for (const vp of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ])
    it(
      `after an expansion at ${vp.width}×${vp.height} the new neighbours are in the part of the view no panel covers`,
      async () => {
        const { page } = await newPage(e2e.browser);
        await page.setViewportSize(vp);
        const q = encodeURIComponent("MATCH (p:Person {id: 'dmitry-peskov'}) RETURN p");
        await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
        const before = new Set(await page.evaluate(() => window.__newsgraph!.explorer.graph.nodes()));
        await page.evaluate(() => window.__newsgraph!.explorer.expand('dmitry-peskov'));
        await idle(page);
        const out = await page.evaluate(
          (old) => {
            const h = window.__newsgraph!;
            const free = h.explorer.sigmaController!.camera.freeRect();
            const fresh = h.explorer.graph.nodes().filter((id) => !old.includes(id));
            return {
              fresh: fresh.length,
              outside: fresh.filter((id) => {
                const p = h.nodePosition(id)!;
                return p.x < free.left || p.x > free.right || p.y < free.top || p.y > free.bottom;
              }),
            };
          },
          [...before],
        );
        expect(out.fresh).toBeGreaterThan(2);
        expect(out.outside).toEqual([]);
        await shot(page, `graph-area-expansion-in-free-area-${vp.width}x${vp.height}`);
      },
      T,
    );

  it(
    'framing keeps room at the right for the right-most captions only: a long caption far left of the edge does not shrink the frame',
    async () => {
      const { page, errors } = await newPage(e2e.browser);
      await page.setViewportSize({ width: 1280, height: 800 });
      await openExplorer(page, e2e.app.url);
      // A node with a long caption, and a short-captioned node right of it.
      const pair = await page.evaluate(() => {
        const ctrl = window.__newsgraph!.explorer.sigmaController!;
        const sigma = ctrl.sigma;
        const st = sigma.getSettings();
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${st.labelWeight} ${st.labelSize}px ${st.labelFont}`;
        const nodes = ctrl.graph.nodes().flatMap((id) => {
          const d = sigma.getNodeDisplayData(id);
          if (!d?.label || d.hidden) return [];
          const label = d.label.length > 34 ? `${d.label.slice(0, 33)}…` : d.label;
          return [{ id, x: d.x, width: d.size + 4 + ctx.measureText(label).width + 8 }];
        });
        // The left-most of the longest captions, and the right-most of the short ones.
        const widest = Math.max(...nodes.map((n) => n.width));
        const long = nodes.filter((n) => n.width > widest - 10).reduce((a, b) => (b.x < a.x ? b : a));
        const short = nodes.filter((n) => n.width < 110).reduce((a, b) => (b.x > a.x ? b : a));
        return { long, short };
      });
      expect(pair.short.x).toBeGreaterThan(pair.long.x);
      expect(pair.long.width).toBeGreaterThan(180);
      await page.evaluate(
        (ids) => window.__newsgraph!.explorer.sigmaController!.camera.reveal(ids, { fit: true }),
        [pair.long.id, pair.short.id],
      );
      await idle(page);
      const framed = await page.evaluate(
        ([a, b]) => {
          const cam = window.__newsgraph!.explorer.sigmaController!.camera;
          return { free: cam.freeRect(), left: cam.nodeViewportPosition(a!)!, right: cam.nodeViewportPosition(b!)! };
        },
        [pair.long.id, pair.short.id],
      );
      // The frame is centred between free.left + 8 and free.right − room: the room kept is what is left over.
      const room = framed.free.right - framed.right.x - (framed.left.x - framed.free.left - 8);
      // Enough for the right-most caption, not the long one on the left.
      expect(framed.right.x + pair.short.width).toBeLessThanOrEqual(framed.free.right + 1);
      expect(room).toBeLessThan(Math.max(70, pair.short.width) + 4);
      expect(room).toBeLessThan(pair.long.width - 60);
      expect(errors).toEqual([]);
    },
    T,
  );

  it(
    'SVG export has the title, legend, source line and nodes; PNG is that picture at 2× or 3×',
    async () => {
      const { page } = await newPage(e2e.browser);
      const q = encodeURIComponent("MATCH (p:Person {id: 'vyacheslav-gladkov'})-[r]-(x) RETURN p, r, x LIMIT 12");
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      const download = async (testid: string, scale?: string) => {
        await page.getByTestId('export-menu').click();
        if (scale) await page.getByTestId('export-scale').selectOption(scale);
        const [d] = await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.getByTestId(testid).click(),
        ]);
        return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
      };
      const svg = await download('export-svg');
      expect(svg.name).toMatch(/\.svg$/);
      const text = svg.bytes.toString('utf8');
      const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(text)![1]);
      const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(text)![1]);
      expect(text).toContain('Vyacheslav Gladkov'); // a node label
      expect(text).toMatch(/Source: .*newsgraph explorer/); // the source line
      expect((text.match(/<circle/g) ?? []).length).toBeGreaterThan(12); // nodes and legend swatches
      for (const scale of [2, 3]) {
        const png = await download('export-png', String(scale));
        expect(png.name).toMatch(new RegExp(`@${scale}x\\.png$`));
        expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
        expect(Math.abs(png.bytes.readUInt32BE(16) - width * scale)).toBeLessThanOrEqual(scale);
        expect(Math.abs(png.bytes.readUInt32BE(20) - height * scale)).toBeLessThanOrEqual(scale);
        keep(`graph-area-export@${scale}x.png`, png.bytes);
      }
      keep('graph-area-export.svg', svg.bytes);
    },
    T,
  );
});
