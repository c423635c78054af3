/**
 * End to end, the panels around the graph: a claims result table fits its pane with nodes as
 * chips and text wrapping; the "In view" legend counts what is drawn after the timeline hides
 * the rest; the timeline strip fits its box and no bar covers another; the map keeps people without
 * coordinates in a tray beside it; the detail panel of a node selected again shows what was committed
 * since it was first read (the one test that writes: straight into Neo4j, put back after it).
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, idle, newPage, nodeId, openExplorer, shot } from '../support/browser';
import { testDriver, testNeo4j } from '../support/neo4j';
import { graphFingerprint, reseedIfChanged } from '../support/seeded';
import { captionBoxes } from './support/layout';

const T = 240_000;
const e2e = e2eSession();

describe('panels around the graph (e2e)', () => {
  it(
    'a claims table: node chips, wrapped statements, no wider than its pane',
    async () => {
      const { page } = await newPage(e2e.browser);
      const q = encodeURIComponent(
        'MATCH (c:Claim)-[r]->(e:Event) RETURN c, r, e, c.statement AS statement, c.date_basis AS basis LIMIT 12',
      );
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      const table = page.getByTestId('result-table');
      await table.waitFor({ timeout: 30_000 });
      await idle(page);
      const m = await table.evaluate((el) => {
        const pane = el.parentElement!;
        const chips = [...el.querySelectorAll('[data-testid=cell-node]')].map((c) => c.getBoundingClientRect().width);
        const cells = [...el.querySelectorAll('td')].map((c) => c.getBoundingClientRect().width);
        return { table: el.scrollWidth, pane: pane.clientWidth, chips, narrowest: Math.min(...cells) };
      });
      expect(m.chips.length).toBeGreaterThanOrEqual(12);
      for (const w of m.chips) expect(w).toBeLessThan(400); // a chip, not 700 px of JSON
      expect(m.table).toBeLessThanOrEqual(m.pane + 2);
      expect(m.narrowest).toBeGreaterThan(60); // no column squeezed to one word a line
      await shot(page, 'graph-panels-claims-table');
    },
    T,
  );

  it(
    'after "Hide the rest" on a brushed range, the legend counts what is drawn',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const legendTotal = () =>
        page.$$eval('[data-testid^=legend-]:not([data-testid=legend-contested])', (els) =>
          els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0),
        );
      const drawn = () => page.evaluate(() => window.__newsgraph!.views.drawn().nodes);
      expect(await legendTotal()).toBe(await drawn());
      const all = await drawn();
      await page.evaluate(() => {
        const e = window.__newsgraph!.explorer;
        e.setRange({ from: '2023-01-01', to: '2023-06-30' });
        e.setHideOutside(true);
      });
      await idle(page);
      const after = await drawn();
      expect(after).toBeLessThan(all);
      await expect.poll(legendTotal, { timeout: 10_000 }).toBe(after);
    },
    T,
  );

  it(
    'the timeline strip fits its box; overlapping bars get lanes of their own',
    async () => {
      const { page } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('timeline-chart').waitFor({ timeout: 30_000 });
      const m = await page.evaluate(() => {
        const strip = document.querySelector('[data-testid=timeline]')!.getBoundingClientRect();
        const chart = document.querySelector('[data-testid=timeline-chart]')!.getBoundingClientRect();
        const bars = [...document.querySelectorAll('[data-testid=timeline-event] rect')].map((r) =>
          r.getBoundingClientRect(),
        );
        return {
          strip: { left: strip.left, right: strip.right },
          chart: { left: chart.left, right: chart.right },
          bars: bars.map((b) => ({ l: b.left, r: b.right, t: b.top, b: b.bottom })),
        };
      });
      expect(m.chart.left).toBeGreaterThanOrEqual(m.strip.left - 0.5);
      expect(m.chart.right).toBeLessThanOrEqual(m.strip.right + 0.5);
      expect(m.bars.length).toBeGreaterThan(3);
      const overlaps: string[] = [];
      m.bars.forEach((a, i) =>
        m.bars.forEach((b, j) => {
          const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
          const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
          if (i < j && w > 1 && h > 1) overlaps.push(`${i}×${j}`);
        }),
      );
      expect(overlaps).toEqual([]);
    },
    T,
  );
  it.each([
    { width: 1440, height: 900, name: 'graph-panels-map-first-view' },
    { width: 1280, height: 720, name: 'graph-panels-map-first-view-1280' },
  ])(
    'the map at $width×$height: people without coordinates sit in the tray beside the map, never on it; located places are in the first view; captions do not pile up, fit the tray and are not cut at the edge',
    async ({ width, height, name }) => {
      const { page } = await newPage(e2e.browser);
      await page.setViewportSize({ width, height });
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('view-map').click();
      await page.waitForFunction(() => window.__newsgraph!.views.state().mapStatus.state === 'on', null, {
        timeout: 60_000,
      });
      await idle(page);
      const at = (key: string) =>
        page.evaluate((k) => {
          const h = window.__newsgraph!;
          const id = h.nodeId(k)!;
          return { ...h.nodePosition(id)!, located: h.views.location(id) !== null };
        }, key);
      const box = (await page.locator('[data-testid=graph]').boundingBox())!;
      const places = await Promise.all(['ukraine', 'belgorod', 'kharkiv', 'melitopol'].map(at));
      for (const p of places) {
        expect(p.located).toBe(true);
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(box.width);
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(box.height);
      }
      const east = Math.max(...places.map((p) => p.x));
      for (const person of ['dmitry-peskov', 'vyacheslav-gladkov']) {
        const p = await at(person);
        expect(p.located, person).toBe(false);
        expect(p.x, person).toBeGreaterThan(east);
      }
      // Captions avoid each other (no pile-up around Belgorod), the best connected places keep
      // theirs, and the tray is wide enough for its captions.
      const labels = await captionBoxes(page);
      expect(labels.length).toBeGreaterThan(8);
      const piled: string[] = [];
      labels.forEach((a, i) =>
        labels.forEach((b, j) => {
          if (i < j && a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1)
            piled.push(`${a.key}×${b.key}`);
        }),
      );
      expect(piled).toEqual([]);
      for (const key of ['belgorod', 'ukraine', 'russia']) expect(labels.map((l) => l.key)).toContain(key);
      const tray = (await page.getByTestId('map-layer').getAttribute('data-tray'))!.split(',').map(Number);
      const trayLabels = labels.filter((l) => l.tray);
      expect(trayLabels.length).toBeGreaterThan(0);
      for (const l of trayLabels) expect(l.r, l.key).toBeLessThanOrEqual(tray[2]! + 0.5);
      // The first view frames the whole tray panel, its right edge included.
      expect(tray[0]!, `${width}×${height}`).toBeGreaterThanOrEqual(0);
      expect(tray[2]!, `${width}×${height}`).toBeLessThanOrEqual(box.width);
      // No tray caption runs past the graph area (its last column is the view's right end).
      const outside = trayLabels.filter((l) => l.l < 0 || l.t < 0 || l.r > box.width || l.b > box.height);
      expect(
        outside.map((l) => `${l.key} ${Math.round(l.l)}–${Math.round(l.r)} of ${box.width}`),
        `${width}×${height}`,
      ).toEqual([]);
      // And on the canvas: no caption ink in the view's last pixel columns beside the tray.
      const edgeInk = await page.evaluate(
        ([top, bottom]) => {
          const c = window.__newsgraph!.explorer.sigmaController!.sigma.getCanvases().labels!;
          const k = c.width / c.getBoundingClientRect().width;
          const y0 = Math.max(0, Math.floor(top! * k));
          const y1 = Math.min(c.height, Math.ceil(bottom! * k));
          const px = c.getContext('2d')!.getImageData(c.width - 2, y0, 2, y1 - y0).data;
          let ink = 0;
          for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
          return ink;
        },
        [tray[1]!, tray[3]!],
      );
      expect(edgeInk, `${width}×${height}`).toBe(0);
      await shot(page, name);
    },
    T,
  );

  it(
    'a node selected again shows a change committed since its detail was first read',
    async () => {
      const seeded = await graphFingerprint();
      const driver = testDriver();
      const database = testNeo4j().database;
      // Another user's edit, as the database sees it: the app gets no word of it.
      const setDescription = async (text: string) =>
        (
          await driver.executeQuery(
            'MATCH (n:Person {id: $id}) WITH n, n.description AS was SET n.description = $text RETURN was',
            { id: 'vyacheslav-gladkov', text },
            { database },
          )
        ).records[0]!.get('was') as string;
      const { page, context } = await newPage(e2e.browser);
      try {
        await openExplorer(page, e2e.app.url);
        const [gladkov, region] = [
          (await nodeId(page, 'vyacheslav-gladkov'))!,
          (await nodeId(page, 'belgorod-region'))!,
        ];
        const select = (id: string) => page.evaluate((x) => window.__newsgraph!.explorer.select(x), id);
        const description = page.getByTestId('detail-description');
        await select(gladkov);
        await expect.poll(() => description.textContent(), { timeout: 30_000 }).toMatch(/^Governor of Russia's/);

        const original = await setDescription('Governor of the Belgorod region (edited while the explorer was open).');
        await select(region);
        await expect.poll(() => description.textContent(), { timeout: 30_000 }).toMatch(/^Russian border region/);
        await select(gladkov);
        await expect
          .poll(() => description.textContent(), { timeout: 15_000 })
          .toBe('Governor of the Belgorod region (edited while the explorer was open).');
        await setDescription(original);

        // A rename by someone else: once the detail is read again, its title, the paths hint and
        // the canvas label follow it too (not only the body), and no undo step is added.
        const seq = () => page.evaluate(() => window.__newsgraph!.explorer.state.history.past.length);
        const steps = await seq();
        await driver.executeQuery(
          'MATCH (n:Person {id: $id}) SET n.name = $name',
          { id: 'vyacheslav-gladkov', name: 'Vyacheslav V. Gladkov' },
          { database },
        );
        await select(region);
        await expect.poll(() => description.textContent(), { timeout: 30_000 }).toMatch(/^Russian border region/);
        await select(gladkov);
        const name = page.getByTestId('detail-name');
        await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe('Vyacheslav V. Gladkov');
        await expect
          .poll(() => page.getByTestId('find-paths-to-box').textContent())
          .toContain('paths from “Vyacheslav V. Gladkov”');
        await expect
          .poll(() => page.evaluate((x) => window.__newsgraph!.display(x)?.label, gladkov))
          .toBe('Vyacheslav V. Gladkov');
        expect(await seq()).toBe(steps);
      } finally {
        await context.close();
        await driver.close();
        await reseedIfChanged(seeded);
      }
    },
    T,
  );
});
