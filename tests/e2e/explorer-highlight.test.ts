/**
 * The explorer end to end: what stands out on the canvas — hover (sigma's state, the hover
 * layer's pixels, the screen) and the shortest paths between two selected nodes. Every test
 * leaves a screenshot in tests/e2e/screenshots/ (git-ignored). The database is only read.
 */
import { describe, expect, it } from 'vitest';
import { e2eSession, frames, idle, newPage, nodeId, openExplorer, shot, snapshot } from '../support/browser';
import { boxesOverlap } from '../../src/web/core/graph/edge-label-boxes';
import { hubNode, labelFrame, unexplainedChanges } from './support/edge-labels';
import { screenPixels, zoomTo } from './support/explorer';

const T = 240_000;
const e2e = e2eSession();

describe('explorer highlighting (e2e, headless Chromium)', () => {
  it(
    'hovering a node keeps it and its neighbours bright and dims the rest (sigma state and pixels)',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const belgorod = (await nodeId(page, 'belgorod'))!;
      const p = await zoomTo(page, belgorod);
      const rendersBefore = await page.evaluate(() => window.__newsgraph!.renders());
      await page.mouse.move(p.x, p.y);
      await page.waitForFunction(
        (id) => window.__newsgraph!.explorer.sigmaController!.highlight.hovered === id,
        belgorod,
        { timeout: 30_000 },
      );
      await frames(page);

      const state = await page.evaluate((id) => {
        const h = window.__newsgraph!;
        // The veil's pixel: the least opaque of the four corners (an edge or disc may cross one).
        const veilPixel = (c: HTMLCanvasElement) => {
          const g = c.getContext('2d')!;
          const px = [
            [1, 1],
            [c.width - 2, 1],
            [1, c.height - 2],
            [c.width - 2, c.height - 2],
          ].map(([x, y]) => [...g.getImageData(x!, y!, 1, 1).data]);
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
          layerAboveLabels:
            at('sigma-newsgraph-hover') >
            Math.max(at('sigma-edges'), at('sigma-nodes'), at('sigma-labels'), at('sigma-newsgraph-edge-labels')),
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
          const px = [
            [1, 1],
            [c.width - 2, 1],
            [1, c.height - 2],
            [c.width - 2, c.height - 2],
          ].map(([x, y]) => [...g.getImageData(x!, y!, 1, 1).data]);
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
          .filter(
            (e) =>
              !e.contains(host) &&
              !host.contains(e) &&
              e.getClientRects().length > 0 &&
              getComputedStyle(e).visibility !== 'hidden',
          )
          .map((e) => e.getBoundingClientRect())
          // (a full-size, transparent wrapper would hide every probe; such a layer is not a card over nodes)
          .filter((o) => o.width * o.height < 0.5 * rect.width * rect.height);
        const hex = (c: ArrayLike<number>) =>
          `#${[c[0]!, c[1]!, c[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
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
          if (overlays.some((o) => sx >= o.left - 4 && sx <= o.right + 4 && sy >= o.top - 4 && sy <= o.bottom + 4))
            continue;
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
          const block = (c: CanvasRenderingContext2D) =>
            c.getImageData(Math.round(v.x * scale) - 3, Math.round(v.y * scale) - 3, 7, 7).data;
          const mine = block(ctx);
          const veilOnly = [...Array(49).keys()].every((i) => [...mine.slice(i * 4, i * 4 + 4)].join() === veil);
          if (!veilOnly || block(hovers).some((_, i) => i % 4 === 3 && _ !== 0)) continue;
          out.push({ x: v.x, y: v.y, colour });
        }
        // The page background behind sigma's transparent canvases.
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e: Element | null = host; e && /rgba\(.*, 0\)$|transparent/.test(bg); e = e.parentElement)
          bg = getComputedStyle(e).backgroundColor;
        return {
          others: out,
          neighboursShown,
          neighboursOwnColour,
          background: (bg.match(/\d+/g) ?? []).slice(0, 3).map(Number),
        };
      }, belgorod);
      expect(probes.neighboursShown).toBeGreaterThanOrEqual(3);
      // (A few may lie under another neighbour's disc or label.)
      expect(probes.neighboursOwnColour).toBeGreaterThanOrEqual(Math.ceil(probes.neighboursShown * 0.75));
      expect(probes.others.length).toBeGreaterThan(10);
      expect(probes.background).toHaveLength(3);
      const seen = await screenPixels(page, probes.others);
      const bg = probes.background;
      const dist = (a: number[], b: number[]) =>
        Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
      const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      // A dimmed node shows much nearer the background than its own colour is.
      await shot(page, '04b-hover-dims-zoomed-out');
      const bright = probes.others
        .map((q, i) => ({ ...q, seen: seen[i]! }))
        .filter((q) => dist(q.seen, bg) >= 0.3 * dist(rgb(q.colour), bg));
      // Sigma's state above says every other node is dimmed; on screen, allow a stray probe or two
      // (a chip or card that appeared between the probe and the screenshot, label anti-aliasing):
      // with dimming broken, nearly all of them would show their own colour.
      expect(bright.length, JSON.stringify(bright)).toBeLessThanOrEqual(
        Math.max(1, Math.floor(probes.others.length * 0.05)),
      );

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
    },
    T,
  );
  it(
    'two selected nodes → "Find paths" draws the shortest paths and dims the rest',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
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
    },
    T,
  );
  it(
    "a selected hub's relationship labels: none over another or over a caption, the same ones after a pan",
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const hub = await hubNode(page);
      await page.evaluate((id) => window.__newsgraph!.explorer.select(id), hub);
      await expect.poll(async () => (await snapshot(page)).selection).toEqual([hub]);
      await page.evaluate((id) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(id, 0.5), hub);
      await idle(page);
      const f = await labelFrame(page, hub);
      expect(f.hubEdges.length).toBeGreaterThan(8);
      expect(f.drawn.length).toBeGreaterThan(0);
      expect(f.ink).toBeGreaterThan(0);
      expect(f.data).toEqual({ drawn: String(f.drawn.length), skipped: String(f.skipped.length) });
      // Only the selection's edges are labelled, each written or skipped once.
      const keys = [...f.drawn, ...f.skipped].map((l) => l.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(f.hubEdges).toContain(k);
      // No two written labels overlap.
      for (let i = 0; i < f.drawn.length; i++)
        for (let j = i + 1; j < f.drawn.length; j++)
          expect(boxesOverlap(f.drawn[i]!.box, f.drawn[j]!.box), `${f.drawn[i]!.key} × ${f.drawn[j]!.key}`).toBe(false);
      // Labels did collide here (the check had work to do), and each skipped one would have covered
      // a written label or a written caption.
      expect(f.skipped.some((s) => f.drawn.some((d) => d.key === s.by))).toBe(true);
      for (const s of f.skipped) {
        if (s.by.startsWith('caption:')) expect(f.captions).toContain(s.by.slice('caption:'.length));
        else expect(boxesOverlap(s.box, f.drawn.find((d) => d.key === s.by)!.box, 2)).toBe(true);
      }
      await shot(page, '06-hub-edge-labels');

      // A pan moves every box alike: a label's fate changes only for a caption sigma wrote or dropped,
      // or a label that came into or left the view (and what those freed or covered).
      await page.evaluate(() => {
        const camera = window.__newsgraph!.explorer.sigmaController!.sigma.getCamera();
        const st = camera.getState();
        camera.setState({ ...st, x: st.x + 0.01, y: st.y - 0.005 });
      });
      await frames(page);
      const panned = await labelFrame(page, hub);
      expect(unexplainedChanges(f, panned)).toEqual([]);
      const kept = panned.drawn.filter((d) => f.drawn.some((e) => e.key === d.key));
      expect(kept.length).toBeGreaterThan(f.drawn.length / 2);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
