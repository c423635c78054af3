/**
 * The explorer end to end: the built front end served by the real API server on the seeded
 * test Neo4j, in Debian's headless Chromium (software WebGL). Every test leaves a screenshot in
 * tests/e2e/screenshots/ (git-ignored). The database is only read.
 */
import { readFileSync } from 'node:fs';
import { parse as parseGexf } from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { NodeDetailResponse, SchemaResponse } from '../../src/shared/api';
import { testNeo4j } from '../support/neo4j';
import {
  e2eSession,
  idle,
  inkedPixels,
  launchChromium,
  newPage,
  nodeId,
  nodePoint,
  openExplorer,
  shot,
  snapshot,
} from '../support/browser';
import { startApp } from './support/app';
import { apiJson, search } from './support/explorer';

const T = 240_000;
const e2e = e2eSession();

describe('explorer (e2e, headless Chromium)', () => {
  it(
    'renders the overview: a drawn WebGL canvas, and legend counts equal to /api/schema',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const schema = await apiJson<SchemaResponse>(e2e.app, '/api/schema');

      // Sigma drew every node of our (small) graph, and the canvas is far from blank.
      const snap = await snapshot(page);
      expect(snap.renderNodes).toBe(schema.totals.nodes);
      const [inked, total] = await inkedPixels(page, '[data-testid=graph]');
      expect(inked / total).toBeGreaterThan(0.02);

      const legend = await page.$$eval('[data-testid^=legend-]', (els) =>
        els.map(
          (e) =>
            [e.getAttribute('data-testid')!.slice('legend-'.length), Number(e.getAttribute('data-count'))] as const,
        ),
      );
      // The contested marker has its own entry (how many contested events are drawn).
      const contested = legend.find(([l]) => l === 'contested');
      expect(contested?.[1]).toBeGreaterThan(0);
      const labels = legend.filter(([l]) => l !== 'contested');
      expect(labels.map(([l]) => l).sort()).toEqual([
        'Article',
        'Claim',
        'Event',
        'Organization',
        'Person',
        'Place',
        'Weapon',
      ]);
      for (const [label, n] of labels) expect(n, label).toBe(schema.labels.find((l) => l.label === label)?.count);

      // A legend toggle removes that label from the canvas, and the URL remembers it.
      await page.getByTestId('legend-Article').click();
      await idle(page);
      const without = await snapshot(page);
      expect(without.renderNodes).toBe(schema.totals.nodes - schema.labels.find((l) => l.label === 'Article')!.count);
      expect(without.url).toContain('hl=Article');
      await page.getByTestId('legend-Article').click();
      await idle(page);
      expect((await snapshot(page)).renderNodes).toBe(schema.totals.nodes);

      await shot(page, '01-overview');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'search "Gladkov" (keyboard) → select → the detail panel shows his role and a quote with its article',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await search(page, 'Gladkov');
      const options = page.locator('[data-testid=search-results] [role=option]');
      expect(await options.first().textContent()).toContain('Vyacheslav Gladkov');
      // Keyboard navigation: down moves the active option, up comes back, Enter picks.
      if ((await options.count()) > 1) {
        await page.keyboard.press('ArrowDown');
        await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('ArrowUp');
      }
      await expect.poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');

      await page.getByTestId('detail-name').filter({ hasText: 'Vyacheslav Gladkov' }).waitFor();
      await page.getByTestId('evidence').waitFor();
      await idle(page);
      const gladkov = await nodeId(page, 'vyacheslav-gladkov');
      expect((await snapshot(page)).focus).toBe(gladkov);
      expect(await page.getByTestId('detail-role').textContent()).toMatch(/governor of the Belgorod region/i);

      // At least one quote, with the title, outlet and date of the article it comes from.
      const detail = await apiJson<NodeDetailResponse>(e2e.app, '/api/nodes/vyacheslav-gladkov');
      const titles = new Set(detail.evidence.map((e) => e.article.title));
      const first = page.getByTestId('evidence-item').first();
      const quote = (await first.getByTestId('quote').textContent())!;
      expect(detail.evidence.some((e) => quote.includes(e.quote))).toBe(true);
      const source = (await first.getByTestId('source').textContent())!;
      expect([...titles].some((t) => t && source.includes(t))).toBe(true);
      expect(source).toMatch(
        /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/,
      );
      // His words are highlighted in the quotes about him.
      expect(await page.locator('[data-testid=evidence] mark').count()).toBeGreaterThan(0);
      // Claims he made are listed.
      expect(await page.getByTestId('claims-made').getByTestId('claim').count()).toBe(detail.claimsMade.length);
      expect((await snapshot(page)).url).toContain('focus=vyacheslav-gladkov');

      await shot(page, '02-search-gladkov-detail');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'double-click expands; "+N more" appears when the cap applies and pages; undo restores the previous graph',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      // Start from Gladkov alone (an ad-hoc query replaces the graph) with a small expansion cap.
      const q = encodeURIComponent("MATCH (p:Person {id: 'vyacheslav-gladkov'}) RETURN p");
      await openExplorer(page, `${e2e.app.url}/?cypher=${q}&run=1`);
      await page.getByTestId('expand-limit').selectOption('10');
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      const start = await snapshot(page);
      expect(start.nodes).toBe(1);
      expect(start.layers.map((l) => l.kind)).toEqual(['query']);

      const p = await nodePoint(page, gladkov);
      await page.mouse.dblclick(p.x, p.y);
      await page.getByTestId('more').waitFor({ timeout: 60_000 });
      await idle(page);
      const expanded = await snapshot(page);
      expect(expanded.expanded).toEqual([gladkov]);
      expect(expanded.nodes).toBeGreaterThan(1);
      expect(expanded.nodes).toBeLessThanOrEqual(11);
      // Gladkov has 20 relationships: with a cap of 10, ten are "more", by type.
      const more = await page.evaluate((id) => window.__newsgraph!.more(id), gladkov);
      const hidden = Object.values(more).reduce((a, b) => a + b, 0);
      expect(hidden).toBe(10);
      const buttons = page.locator('[data-testid^=more-]');
      expect(await buttons.count()).toBe(Object.keys(more).length);
      expect(await buttons.first().textContent()).toMatch(/^\+\d+ more /);
      await shot(page, '03a-expanded-with-more');

      // Page in the largest remaining type.
      const [type, n] = Object.entries(more).sort((a, b) => b[1] - a[1])[0]!;
      await page.getByTestId(`more-${type}`).click();
      await expect
        .poll(async () => (await page.evaluate((id) => window.__newsgraph!.more(id), gladkov))[type] ?? 0, {
          timeout: 60_000,
        })
        .toBe(Math.max(0, n - 10));
      await idle(page);
      const paged = await snapshot(page);
      expect(paged.edges).toBeGreaterThan(expanded.edges);

      // Back twice: the expansion's page, then the expansion itself, are undone exactly.
      await page.getByTestId('back').click();
      await idle(page);
      const back1 = await snapshot(page);
      expect([back1.nodes, back1.edges]).toEqual([expanded.nodes, expanded.edges]);
      await page.getByTestId('back').click();
      await idle(page);
      const back2 = await snapshot(page);
      expect([back2.nodes, back2.edges, back2.renderNodes]).toEqual([1, 0, 1]);
      expect(back2.layers).toEqual(start.layers);
      // Forward re-applies it; Collapse removes what the expansion added.
      await page.getByTestId('forward').click();
      await idle(page);
      expect((await snapshot(page)).nodes).toBe(expanded.nodes);
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), gladkov);
      await page.getByTestId('collapse').click();
      await idle(page);
      expect((await snapshot(page)).nodes).toBe(1);

      await shot(page, '03b-after-undo-collapse');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'exports a PNG and a GEXF that are non-empty and parse, plus JSON and CSV',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const snap = await snapshot(page);

      await page.getByTestId('export-menu').click();
      const [png] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-png').click(),
      ]);
      const pngBytes = readFileSync((await png.path())!);
      expect(png.suggestedFilename()).toMatch(/^newsgraph-.*\.png$/);
      expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(pngBytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(200); // width
      expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(200); // height
      expect(pngBytes.length).toBeGreaterThan(20_000);

      await page.getByTestId('export-menu').click();
      const [gexf] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-gexf').click(),
      ]);
      const xml = readFileSync((await gexf.path())!, 'utf8');
      const g = parseGexf(MultiDirectedGraph, xml);
      expect(g.order).toBe(snap.nodes);
      expect(g.size).toBe(snap.edges);
      const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
      expect(g.getNodeAttributes(gladkov)).toMatchObject({
        label: 'Vyacheslav Gladkov',
        key: 'vyacheslav-gladkov',
        main_label: 'Person',
      });
      expect(typeof g.getNodeAttribute(gladkov, 'x')).toBe('number');

      await page.getByTestId('export-menu').click();
      const [json] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-json').click(),
      ]);
      const doc = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
        nodes: unknown[];
        edges: unknown[];
        positions: Record<string, unknown>;
      };
      expect([doc.nodes.length, doc.edges.length, Object.keys(doc.positions).length]).toEqual([
        snap.nodes,
        snap.edges,
        snap.nodes,
      ]);

      // "Hide single-source facts": JSON and GEXF hold what the screen draws, and say the filter was on.
      await page.getByTestId('single-source-toggle').check();
      await idle(page);
      const drawn = await page.evaluate(() => window.__newsgraph!.views.drawn());
      expect(drawn.edges).toBeLessThan(snap.edges);
      await page.getByTestId('export-menu').click();
      const [filtered] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-json').click(),
      ]);
      const fdoc = JSON.parse(readFileSync((await filtered.path())!, 'utf8')) as {
        edges: unknown[];
        view: { hideSingleSource: boolean; leftOut: { relationships: number } };
      };
      expect(fdoc.edges.length).toBe(drawn.edges);
      expect(fdoc.view.hideSingleSource).toBe(true);
      expect(fdoc.view.leftOut.relationships).toBe(snap.edges - drawn.edges);
      await page.getByTestId('export-menu').click();
      const [fgexf] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-gexf').click(),
      ]);
      const fxml = readFileSync((await fgexf.path())!, 'utf8');
      expect(parseGexf(MultiDirectedGraph, fxml).size).toBe(drawn.edges);
      expect(fxml).toContain('<creator>newsgraph</creator>');
      expect(fxml).toMatch(/<description>[^<]*single-source facts hidden/);
      await page.getByTestId('single-source-toggle').uncheck();

      // CSV of a result table (RFC 4180: header + one line per row; node cells with their keys).
      await page.getByTestId('query-most-connected').click();
      await page.getByTestId('run').click();
      await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
      const rows = await page.locator('[data-testid=result-table] tbody tr').count();
      const [csv] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('download-csv').click(),
      ]);
      const lines = readFileSync((await csv.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      // The query's own LIMIT cut it (more entities than its 20): the file says so in a last row.
      expect(lines.length).toBe(rows + 2);
      expect(lines.at(-1)).toMatch(/TRUNCATED: /);
      expect(lines[0]).toMatch(/ key,.*,query,parameters,run at/);
      await shot(page, '08-exports');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'dark theme: the whole UI and the canvas switch, and the choice survives a reload',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      await page.getByTestId('theme').click();
      await idle(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.main')!).backgroundColor);
      expect(bg).toBe('rgb(18, 22, 27)');
      await page.reload();
      await idle(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await search(page, 'Belgorod');
      await page.keyboard.press('Enter');
      await page.getByTestId('evidence').waitFor({ timeout: 60_000 });
      await idle(page);
      await shot(page, '09-dark-theme');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
  it(
    'a server started with NEWSGRAPH_TOKEN: the explorer asks for the token, then works',
    async () => {
      const t = testNeo4j();
      const guarded = await startApp(
        { uri: t.uri, username: t.username, password: t.password, database: t.database },
        { NEWSGRAPH_TOKEN: 'e2e-secret-token' },
      );
      const { page, context } = await newPage(e2e.browser);
      try {
        await page.goto(guarded.url);
        await page.getByTestId('token-input').waitFor({ timeout: 60_000 });
        await page.getByTestId('token-input').fill('wrong-token-123');
        await page.getByTestId('token-submit').click();
        // A wrong token asks again, saying so.
        await page.getByTestId('token-rejected').waitFor({ timeout: 60_000 });
        await page.getByTestId('token-input').fill('e2e-secret-token');
        await page.getByTestId('token-submit').click();
        await page.waitForFunction(() => window.__newsgraph!.snapshot().nodes > 100, null, { timeout: 90_000 });
        await idle(page);
        expect(await page.getByTestId('token-input').count()).toBe(0);
        await shot(page, '10b-token-accepted');
      } finally {
        await context.close();
        await guarded.close();
      }
    },
    T,
  );

  it(
    'without WebGL, a clear message replaces the canvas and search still works',
    async () => {
      const noGl = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
      try {
        const ctx = await noGl.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(e2e.app.url);
        await page.getByTestId('no-webgl').waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('no-webgl').textContent()).toMatch(/needs WebGL/);
        await idle(page);
        await search(page, 'Gladkov');
        await page.keyboard.press('Enter');
        await page.getByTestId('detail-name').filter({ hasText: 'Vyacheslav Gladkov' }).waitFor({ timeout: 60_000 });
        await shot(page, '10-no-webgl');
      } finally {
        await noGl.close();
      }
    },
    T,
  );
});
