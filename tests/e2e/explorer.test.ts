/**
 * The explorer end to end: the built front end served by the real API server on the seeded
 * test Neo4j, in Debian's headless Chromium (software WebGL). Every test leaves a screenshot in
 * tests/e2e/screenshots/ (git-ignored). The database is only read.
 */
import { readFileSync } from 'node:fs';
import { parse as parseGexf } from 'graphology-gexf';
import { MultiDirectedGraph } from 'graphology';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetailResponse, QueryResult, SchemaResponse } from '../../src/shared/api';
import type { RunningServer } from '../../src/server/server';
import { testNeo4j } from '../support/neo4j';
import { ensureSeeded } from '../support/seeded';
import { frames, idle, inkedPixels, launchChromium, newPage, nodeId, nodePoint, openExplorer, shot, snapshot, startApp } from './support/app';

const T = 240_000;
let app: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await ensureSeeded();
  const t = testNeo4j();
  app = await startApp({ uri: t.uri, username: t.username, password: t.password, database: t.database });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

/** Zooms the camera onto a node so it is big and clear of its neighbours, then returns its point. */
async function zoomTo(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.evaluate((nid) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(nid, 0.15), id);
  await idle(page);
  return nodePoint(page, id);
}

/** Colours on screen at the given points of the graph view (CSS px), from a screenshot decoded in the page. */
async function screenPixels(page: Page, points: Array<{ x: number; y: number }>): Promise<number[][]> {
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
      const at = (x: number, y: number) => [...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data].slice(0, 3);
      return pts.map((p) => at(p.x, p.y));
    },
    [png.toString('base64'), points] as const,
  );
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('search');
  await box.click();
  await box.fill(text);
  await page.locator('[data-testid=search-results] [role=option]').first().waitFor({ timeout: 30_000 });
}

describe('explorer (e2e, headless Chromium)', () => {
  it('renders the overview: a drawn WebGL canvas, and legend counts equal to /api/schema', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    const schema = await api<SchemaResponse>('/api/schema');

    // Sigma drew every node of our (small) graph, and the canvas is far from blank.
    const snap = await snapshot(page);
    expect(snap.renderNodes).toBe(schema.totals.nodes);
    const [inked, total] = await inkedPixels(page, '[data-testid=graph]');
    expect(inked / total).toBeGreaterThan(0.02);

    const legend = await page.$$eval('[data-testid^=legend-]', (els) =>
      els.map((e) => [e.getAttribute('data-testid')!.slice('legend-'.length), Number(e.getAttribute('data-count'))] as const),
    );
    expect(legend.map(([l]) => l).sort()).toEqual(['Article', 'Claim', 'Event', 'Organization', 'Person', 'Place', 'Weapon']);
    for (const [label, n] of legend) expect(n, label).toBe(schema.labels.find((l) => l.label === label)?.count);

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
  }, T);

  it('search "Gladkov" (keyboard) → select → the detail panel shows his role and a quote with its article', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
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
    const detail = await api<NodeDetailResponse>('/api/nodes/vyacheslav-gladkov');
    const titles = new Set(detail.evidence.map((e) => e.article.title));
    const first = page.getByTestId('evidence-item').first();
    const quote = (await first.getByTestId('quote').textContent())!;
    expect(detail.evidence.some((e) => quote.includes(e.quote))).toBe(true);
    const source = (await first.getByTestId('source').textContent())!;
    expect([...titles].some((t) => t && source.includes(t))).toBe(true);
    expect(source).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/);
    // His words are highlighted in the quotes about him.
    expect(await page.locator('[data-testid=evidence] mark').count()).toBeGreaterThan(0);
    // Claims he made are listed.
    expect(await page.getByTestId('claims-made').getByTestId('claim').count()).toBe(detail.claimsMade.length);
    expect((await snapshot(page)).url).toContain('focus=vyacheslav-gladkov');

    await shot(page, '02-search-gladkov-detail');
    expect(errors).toEqual([]);
    await context.close();
  }, T);

  it('double-click expands; "+N more" appears when the cap applies and pages; undo restores the previous graph', async () => {
    const { page, context, errors } = await newPage(browser);
    // Start from Gladkov alone (an ad-hoc query replaces the graph) with a small expansion cap.
    const q = encodeURIComponent("MATCH (p:Person {id: 'vyacheslav-gladkov'}) RETURN p");
    await openExplorer(page, `${app.url}/?cypher=${q}&run=1`);
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
    await expect.poll(async () => (await page.evaluate((id) => window.__newsgraph!.more(id), gladkov))[type] ?? 0, { timeout: 60_000 }).toBe(Math.max(0, n - 10));
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
  }, T);

  it('hovering a node keeps it and its neighbours bright and dims the rest (sigma state and pixels)', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    const belgorod = (await nodeId(page, 'belgorod'))!;
    const p = await zoomTo(page, belgorod);
    const rendersBefore = await page.evaluate(() => window.__newsgraph!.renders());
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction((id) => window.__newsgraph!.explorer.sigmaController!.highlight.hovered === id, belgorod, { timeout: 30_000 });
    await frames(page);

    const state = await page.evaluate((id) => {
      const h = window.__newsgraph!;
      // The veil's pixel: the least opaque of the four corners (an edge or disc may cross one).
      const veilPixel = (c: HTMLCanvasElement) => {
        const g = c.getContext('2d')!;
        const px = [[1, 1], [c.width - 2, 1], [1, c.height - 2], [c.width - 2, c.height - 2]].map(([x, y]) => [...g.getImageData(x!, y!, 1, 1).data]);
        return px.reduce((a, b) => (b[3]! < a[3]! ? b : a));
      };
      const ctrl = h.explorer.sigmaController!;
      const neighbours = h.neighbours(id);
      const all = h.explorer.graph.nodes();
      const others = all.filter((n) => n !== id && !neighbours.includes(n));
      const layer = h.hoverLayer()!;
      // Where the hover layer sits among sigma's layers: above what it veils, below sigma's hover layers.
      const order = [...ctrl.sigma.getContainer().children].map((e) => e.className);
      const at = (cls: string) => order.indexOf(cls);
      const corner = veilPixel(layer.canvas);
      return {
        neighbours: neighbours.length,
        others: others.length,
        hoveredDim: h.isDimmed(id),
        neighboursDim: neighbours.filter((n) => h.isDimmed(n)).length,
        othersDim: others.filter((n) => h.isDimmed(n)).length,
        veiled: layer.veiled,
        drawnAbove: layer.nodes.length,
        drawnEdges: layer.edges,
        edgesOfHovered: h.explorer.graph.edges(id).length,
        corner,
        layerAboveLabels: at('sigma-newsgraph-hover') > Math.max(at('sigma-edges'), at('sigma-nodes'), at('sigma-labels'), at('sigma-newsgraph-edge-labels')),
        layerBelowHovers: at('sigma-newsgraph-hover') < Math.min(at('sigma-hovers'), at('sigma-hoverNodes')),
        renders: h.renders(),
      };
    }, belgorod);
    expect(state.neighbours).toBeGreaterThan(3);
    expect(state.others).toBeGreaterThan(50);
    expect(state.hoveredDim).toBe(false);
    expect(state.neighboursDim).toBe(0);
    expect(state.othersDim).toBe(state.others);
    expect(state.veiled).toBe(true);
    // Every neighbour and every edge of the hovered node is drawn above the veil.
    expect(state.drawnAbove).toBe(state.neighbours);
    expect(state.drawnEdges).toBe(state.edgesOfHovered);
    expect(state.layerAboveLabels).toBe(true);
    expect(state.layerBelowHovers).toBe(true);
    // The veil: the background colour, mostly opaque, over the rest of the view.
    expect(state.corner[3]).toBeGreaterThan(180);
    expect(state.corner[3]).toBeLessThan(255);
    // Hover re-renders nothing in sigma (no reducers, no buffer uploads): O(degree), not O(graph).
    expect(state.renders).toBe(rendersBefore);
    await shot(page, '04-hover-dims');

    // Zoomed out with the pointer still on the node: the layer follows sigma's frames, and on
    // screen the other nodes are close to the background while the neighbours keep their colour.
    await page.evaluate(() => window.__newsgraph!.explorer.sigmaController!.camera.fit());
    await idle(page);
    expect(await page.evaluate(() => window.__newsgraph!.explorer.sigmaController!.highlight.hovered)).toBe(belgorod);
    const probes = await page.evaluate((id) => {
      const h = window.__newsgraph!;
      // The veil's pixel: the least opaque of the four corners (an edge or disc may cross one).
      const veilPixel = (c: HTMLCanvasElement) => {
        const g = c.getContext('2d')!;
        const px = [[1, 1], [c.width - 2, 1], [1, c.height - 2], [c.width - 2, c.height - 2]].map(([x, y]) => [...g.getImageData(x!, y!, 1, 1).data]);
        return px.reduce((a, b) => (b[3]! < a[3]! ? b : a));
      };
      const ctrl = h.explorer.sigmaController!;
      const layer = h.hoverLayer()!;
      const ctx = layer.canvas.getContext('2d')!;
      const scale = layer.canvas.width / layer.canvas.clientWidth;
      const { width, height } = ctrl.sigma.getDimensions();
      const veil = veilPixel(layer.canvas).join();
      const hovers = ctrl.sigma.getCanvases()['hovers']!.getContext('2d')!;
      const host = ctrl.sigma.getContainer();
      const rect = host.getBoundingClientRect();
      const neighbours = new Set(h.neighbours(id));
      // Every visible element drawn over the graph that is not sigma's (its container's ancestors excluded).
      const overlays = [...document.body.querySelectorAll('*')]
        .filter((e) => !e.contains(host) && !host.contains(e) && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => e.getBoundingClientRect())
        // (a full-size, transparent wrapper would hide every probe; such a layer is not a card over nodes)
        .filter((o) => o.width * o.height < 0.5 * rect.width * rect.height);
      const hex = (c: ArrayLike<number>) => `#${[c[0]!, c[1]!, c[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      const out: Array<{ x: number; y: number; colour: string }> = [];
      let neighboursShown = 0;
      let neighboursOwnColour = 0;
      for (const n of h.explorer.graph.nodes()) {
        if (n === id) continue;
        const d = ctrl.sigma.getNodeDisplayData(n);
        if (!d || d.hidden) continue;
        const v = ctrl.sigma.framedGraphToViewport(d);
        if (v.x < 20 || v.y < 20 || v.x > width - 20 || v.y > height - 20) continue;
        // Not under the explorer's own panels (legend, zoom buttons…), nor under an overlay that
        // lets the pointer through (the hover card with distances has pointer-events: none, so
        // elementFromPoint alone does not see it).
        if (!host.contains(document.elementFromPoint(rect.left + v.x, rect.top + v.y))) continue;
        const sx = rect.left + v.x;
        const sy = rect.top + v.y;
        if (overlays.some((o) => sx >= o.left - 4 && sx <= o.right + 4 && sy >= o.top - 4 && sy <= o.bottom + 4)) continue;
        const colour = h.explorer.graph.getNodeAttribute(n, 'color');
        if (neighbours.has(n)) {
          // On the layer: the disc in its own colour, opaque, just inside its rim (clear of the glyph).
          const r = ctrl.sigma.scaleSize(d.size);
          const px = ctx.getImageData(Math.round((v.x + r * 0.7) * scale), Math.round(v.y * scale), 1, 1).data;
          neighboursShown++;
          if (px[3] === 255 && hex(px) === colour) neighboursOwnColour++;
          continue;
        }
        // Others: only where nothing but the veil is on the layer and nothing on sigma's hover canvas
        // above it (no neighbour, edge, label or hover box over the node), in a 7×7 px square.
        const block = (c: CanvasRenderingContext2D) => c.getImageData(Math.round(v.x * scale) - 3, Math.round(v.y * scale) - 3, 7, 7).data;
        const mine = block(ctx);
        const veilOnly = [...Array(49).keys()].every((i) => [...mine.slice(i * 4, i * 4 + 4)].join() === veil);
        if (!veilOnly || block(hovers).some((_, i) => i % 4 === 3 && _ !== 0)) continue;
        out.push({ x: v.x, y: v.y, colour });
      }
      // The page background behind sigma's transparent canvases.
      let bg = 'rgba(0, 0, 0, 0)';
      for (let e: Element | null = host; e && /rgba\(.*, 0\)$|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
      return { others: out, neighboursShown, neighboursOwnColour, background: (bg.match(/\d+/g) ?? []).slice(0, 3).map(Number) };
    }, belgorod);
    expect(probes.neighboursShown).toBeGreaterThanOrEqual(3);
    // (A few may lie under another neighbour's disc or label.)
    expect(probes.neighboursOwnColour).toBeGreaterThanOrEqual(Math.ceil(probes.neighboursShown * 0.75));
    expect(probes.others.length).toBeGreaterThan(10);
    expect(probes.background).toHaveLength(3);
    const seen = await screenPixels(page, probes.others);
    const bg = probes.background;
    const dist = (a: number[], b: number[]) => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    // A dimmed node shows much nearer the background than its own colour is.
    await shot(page, '04b-hover-dims-zoomed-out');
    const bright = probes.others.map((q, i) => ({ ...q, seen: seen[i]! })).filter((q) => dist(q.seen, bg) >= 0.3 * dist(rgb(q.colour), bg));
    // Sigma's state above says every other node is dimmed; on screen, allow a stray probe or two
    // (a chip or card that appeared between the probe and the screenshot, label anti-aliasing):
    // with dimming broken, nearly all of them would show their own colour.
    expect(bright.length, JSON.stringify(bright)).toBeLessThanOrEqual(Math.max(1, Math.floor(probes.others.length * 0.05)));

    // Leaving the node restores everything: no veil, nothing dimmed, the layer transparent.
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.waitForFunction(() => window.__newsgraph!.explorer.sigmaController!.highlight.hovered === null);
    await frames(page);
    const after = await page.evaluate(() => {
      const h = window.__newsgraph!;
      const layer = h.hoverLayer()!;
      const c = layer.canvas;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]) opaque++;
      return { dimmed: h.explorer.graph.nodes().filter((n) => h.isDimmed(n)).length, veiled: layer.veiled, opaque };
    });
    expect(after).toEqual({ dimmed: 0, veiled: false, opaque: 0 });
    expect(errors).toEqual([]);
    await context.close();
  }, T);

  it('two selected nodes → "Find paths" draws the shortest paths and dims the rest', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    const a = (await nodeId(page, 'vyacheslav-gladkov'))!;
    const b = (await nodeId(page, 'volodymyr-zelensky'))!;
    const pa = await zoomTo(page, a);
    await page.mouse.click(pa.x, pa.y);
    await expect.poll(async () => (await snapshot(page)).selection).toEqual([a]);
    const pb = await zoomTo(page, b);
    await page.keyboard.down('Shift');
    await page.mouse.click(pb.x, pb.y);
    await page.keyboard.up('Shift');
    await expect.poll(async () => (await snapshot(page)).selection).toEqual([a, b]);

    await page.getByTestId('find-paths').click();
    await page.getByTestId('pathbar').filter({ hasText: 'shortest path' }).waitFor({ timeout: 60_000 });
    await idle(page);
    await page.evaluate(() => window.__newsgraph!.explorer.sigmaController!.camera.fit());
    await idle(page);
    const snap = await snapshot(page);
    expect(snap.path).not.toBeNull();
    expect(snap.path!.nodes).toEqual(expect.arrayContaining([a, b]));
    expect(snap.path!.edges.length).toBeGreaterThanOrEqual(2);
    expect(snap.url).toContain('path=vyacheslav-gladkov&path=volodymyr-zelensky');
    const dims = await page.evaluate((pathNodes) => {
      const h = window.__newsgraph!;
      const all = h.explorer.graph.nodes();
      return {
        pathDimmed: pathNodes.filter((n) => h.isDimmed(n)).length,
        restDimmed: all.filter((n) => !pathNodes.includes(n) && h.isDimmed(n)).length,
        rest: all.filter((n) => !pathNodes.includes(n)).length,
        pathEdgesDrawn: h.explorer.graph.edges().filter((e) => pathNodes.includes(h.explorer.graph.source(e))).length,
      };
    }, snap.path!.nodes);
    expect(dims.pathDimmed).toBe(0);
    expect(dims.restDimmed).toBe(dims.rest);
    expect(dims.pathEdgesDrawn).toBeGreaterThan(0);

    await shot(page, '05-paths');
    await page.getByTestId('clear-path').click();
    await frames(page);
    expect((await snapshot(page)).path).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, T);

  it('runs three saved queries with parameters (graph + table); a write in the editor shows the read-only error', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    const overviewNodes = (await snapshot(page)).nodes;

    // 1. Everything about a person — entity picker fed by search.
    await page.getByTestId('query-person-profile').click();
    await page.getByTestId('param-form').waitFor({ timeout: 60_000 });
    const picker = page.getByTestId('param-person');
    await picker.click();
    await picker.fill('Zelensk');
    await page.locator('[data-testid=param-person-results] [role=option]').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.getByText('volodymyr-zelensky', { exact: true }).waitFor();
    await page.getByTestId('run').click();
    await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
    await idle(page);
    let snap = await snapshot(page);
    expect(await page.locator('[data-testid=result-table] tbody tr').count()).toBeGreaterThan(0);
    expect(snap.layers.map((l) => l.kind)).toEqual(['query']);
    expect(snap.nodes).toBeGreaterThan(1);
    expect(snap.nodes).toBeLessThan(overviewNodes);
    expect(await nodeId(page, 'volodymyr-zelensky')).not.toBeNull();
    expect(snap.url).toContain('p.person=volodymyr-zelensky');
    await shot(page, '06a-saved-person-profile');

    // 2. Events in a place between two dates — a date parameter changed in the form.
    await page.getByTestId('query-events-in-place').click();
    await page.getByTestId('param-from').fill('2023-01-01');
    await page.getByTestId('run').click();
    await expect.poll(() => page.locator('.result-head strong').textContent(), { timeout: 60_000 }).toMatch(/Events in a place/i);
    await idle(page);
    const rows2 = await page.locator('[data-testid=result-table] tbody tr').count();
    expect(rows2).toBeGreaterThan(0);
    snap = await snapshot(page);
    expect(snap.nodes).toBeGreaterThan(0);
    expect(snap.url).toContain('p.from=2023-01-01');
    // The table sorts by a column on click.
    await page.locator('[data-testid=result-table] th').first().click();
    expect(await page.locator('[data-testid=result-table] th').first().getAttribute('aria-sort')).toBe('ascending');
    await shot(page, '06b-saved-events-in-place');

    // 3. Claims by status — a fixed-choice parameter.
    await page.getByTestId('query-claims-by-status').click();
    await page.getByTestId('param-status').selectOption('unanswered');
    await page.getByTestId('run').click();
    await expect.poll(() => page.locator('.result-head strong').textContent(), { timeout: 60_000 }).toMatch(/Claims by status/i);
    await idle(page);
    expect(await page.locator('[data-testid=result-table] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('summary').first().textContent()).toMatch(/\d+ rows? · \d+ nodes?/);
    expect((await snapshot(page)).nodes).toBeGreaterThan(0);
    await shot(page, '06c-saved-claims-by-status');

    // A write in the Cypher editor: refused, shown as a human error, nothing written.
    await page.getByRole('button', { name: 'Cypher', exact: true }).click();
    await page.locator('.cm-content').waitFor({ timeout: 60_000 });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('CREATE (n:Intruder {name: "x"}) RETURN n');
    await page.keyboard.press('Control+Enter');
    const err = page.getByTestId('query-error');
    await err.waitFor({ timeout: 60_000 });
    expect(await err.getAttribute('data-code')).toBe('QUERY_REJECTED');
    expect(await err.textContent()).toMatch(/read-only/i);
    await shot(page, '06d-write-refused');
    const check = await api<QueryResult>('/api/cypher', { query: 'MATCH (n:Intruder) RETURN count(n) AS n' });
    expect(check.table.rows[0]![0]).toBe(0);

    // A syntax error comes back with its position, shown under the line.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('MATCH (n RETURN n');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('error-position').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('error-position').textContent()).toMatch(/Line 1, column \d+/);
    await shot(page, '06e-syntax-error-position');
    expect(errors).toEqual([]);
    await context.close();
  }, T);

  it('a deep link restores the same focused node, expansion, query and parameters', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    await page.getByTestId('query-person-profile').click();
    await page.getByTestId('param-form').waitFor({ timeout: 60_000 });
    // A person other than the default, so that a parameter lost on the way is seen.
    const person = page.getByTestId('param-person');
    await person.click();
    await person.fill('Zelensky');
    await page.locator('[data-testid=param-person-results] [role=option][data-value=volodymyr-zelensky]').click({ timeout: 30_000 });
    expect(await person.getAttribute('data-value')).toBe('volodymyr-zelensky');
    await page.getByTestId('run').click();
    await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
    await idle(page);
    const tableBefore = await page.getByTestId('result-table').textContent();
    expect(tableBefore).toMatch(/Zelensky/);
    const ukraine = await nodeId(page, 'ukraine');
    expect(ukraine).not.toBeNull();
    await page.evaluate((id) => window.__newsgraph!.explorer.select(id), ukraine!);
    await page.getByTestId('expand').click();
    await idle(page);
    await page.getByTestId('detail-name').filter({ hasText: /^Ukraine$/ }).waitFor();
    const before = await snapshot(page);
    const rowsBefore = await page.locator('[data-testid=result-table] tbody tr').count();
    expect(before.url).toContain('query=person-profile');
    expect(before.url).toContain('p.person=volodymyr-zelensky');
    expect(before.url).toContain('focus=ukraine');
    expect(before.url).toContain('expand=ukraine');
    expect(before.url).toContain('run=1');
    const link = page.url();

    const second = await newPage(browser);
    await openExplorer(second.page, link);
    await second.page.getByTestId('detail-name').filter({ hasText: /^Ukraine$/ }).waitFor({ timeout: 60_000 });
    await second.page.getByTestId('result-table').waitFor({ timeout: 60_000 });
    const after = await snapshot(second.page);
    expect(after.focus).toBe(before.focus);
    expect(after.expanded).toEqual(before.expanded);
    expect([after.nodes, after.edges]).toEqual([before.nodes, before.edges]);
    expect(after.url).toBe(before.url);
    expect(await second.page.locator('[data-testid=param-form] h3').textContent()).toBe(await page.locator('[data-testid=param-form] h3').textContent());
    expect(await second.page.locator('[data-testid=result-table] tbody tr').count()).toBe(rowsBefore);
    expect(await second.page.getByTestId('param-person').getAttribute('data-value')).toBe('volodymyr-zelensky');
    expect(await second.page.getByTestId('result-table').textContent()).toBe(tableBefore);
    await shot(second.page, '07-deep-link-restored');
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.context.close();
    await context.close();
  }, T);

  it('exports a PNG and a GEXF that are non-empty and parse, plus JSON and CSV', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
    const snap = await snapshot(page);

    await page.getByTestId('export-menu').click();
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-png').click()]);
    const pngBytes = readFileSync((await png.path())!);
    expect(png.suggestedFilename()).toMatch(/^newsgraph-.*\.png$/);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngBytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(200); // width
    expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(200); // height
    expect(pngBytes.length).toBeGreaterThan(20_000);

    await page.getByTestId('export-menu').click();
    const [gexf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-gexf').click()]);
    const xml = readFileSync((await gexf.path())!, 'utf8');
    const g = parseGexf(MultiDirectedGraph, xml);
    expect(g.order).toBe(snap.nodes);
    expect(g.size).toBe(snap.edges);
    const gladkov = (await nodeId(page, 'vyacheslav-gladkov'))!;
    expect(g.getNodeAttributes(gladkov)).toMatchObject({ label: 'Vyacheslav Gladkov', key: 'vyacheslav-gladkov', main_label: 'Person' });
    expect(typeof g.getNodeAttribute(gladkov, 'x')).toBe('number');

    await page.getByTestId('export-menu').click();
    const [json] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-json').click()]);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { nodes: unknown[]; edges: unknown[]; positions: Record<string, unknown> };
    expect([doc.nodes.length, doc.edges.length, Object.keys(doc.positions).length]).toEqual([snap.nodes, snap.edges, snap.nodes]);

    // CSV of a result table (RFC 4180: header + one line per row).
    await page.getByTestId('query-most-connected').click();
    await page.getByTestId('run').click();
    await page.getByTestId('result-table').waitFor({ timeout: 60_000 });
    const rows = await page.locator('[data-testid=result-table] tbody tr').count();
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-csv').click()]);
    const lines = readFileSync((await csv.path())!, 'utf8').trimEnd().split('\r\n');
    expect(lines.length).toBe(rows + 1);
    await shot(page, '08-exports');
    expect(errors).toEqual([]);
    await context.close();
  }, T);

  it('dark theme: the whole UI and the canvas switch, and the choice survives a reload', async () => {
    const { page, context, errors } = await newPage(browser);
    await openExplorer(page, app.url);
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
  }, T);

  it('a server started with NEWSGRAPH_TOKEN: the explorer asks for the token, then works', async () => {
    const t = testNeo4j();
    const guarded = await startApp({ uri: t.uri, username: t.username, password: t.password, database: t.database }, { NEWSGRAPH_TOKEN: 'e2e-secret-token' });
    const { page, context } = await newPage(browser);
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
  }, T);

  it('without WebGL, a clear message replaces the canvas and search still works', async () => {
    const noGl = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
    try {
      const ctx = await noGl.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(app.url);
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
  }, T);
});
