/**
 * Relationship labels end to end, on the edge-label layer's own record of what its last frame wrote
 * (`edgeLabelFrame`): the hovered relationship's label is written even where it covers a node's
 * caption (the one being read), while the same label is left out when only selected; and a label
 * panned wholly out of the view is neither written nor skipped. Caption boxes are measured here
 * (captionBoxes), not taken from the app. The database is only read.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boundsOf, boxesOverlap, rectBox, type OrientedBox } from '../../src/web/core/graph/edge-label-boxes';
import { e2eSession, frames, idle, newPage, openExplorer, shot, snapshot } from '../support/browser';
import { hubNode, labelFrame } from './support/edge-labels';
import { captionBoxes } from './support/layout';

const T = 240_000;
const e2e = e2eSession();

/** Selects the hub and brings the camera close to it (`ratio`), its edges labelled. */
async function selectHub(page: Page, ratio: number): Promise<string> {
  const hub = await hubNode(page);
  await page.evaluate((id) => window.__newsgraph!.explorer.select(id), hub);
  await expect.poll(async () => (await snapshot(page)).selection).toEqual([hub]);
  await page.evaluate(([id, r]) => window.__newsgraph!.explorer.sigmaController!.camera.focusNode(id, r), [
    hub,
    ratio,
  ] as const);
  await idle(page);
  return hub;
}

/**
 * Points the mouse at a straight edge (along it, between its two discs) until sigma reports that
 * edge hovered; false when no point picked it.
 */
async function hoverEdge(page: Page, edge: string): Promise<boolean> {
  const ends = await page.evaluate((e) => {
    const h = window.__newsgraph!;
    const g = h.explorer.graph;
    return [h.nodePosition(g.source(e)), h.nodePosition(g.target(e))];
  }, edge);
  const graph = (await page.getByTestId('graph').boundingBox())!;
  const [s, t] = ends;
  if (!s || !t) return false;
  for (const k of [0.5, 0.42, 0.58, 0.35, 0.65]) {
    await page.mouse.move(graph.x + s.x + (t.x - s.x) * k, graph.y + s.y + (t.y - s.y) * k);
    await frames(page);
    const hovered = await page.evaluate(() => window.__newsgraph!.explorer.state.edgeHover?.id ?? null);
    if (hovered === edge) return true;
  }
  return false;
}

const shifted = (b: OrientedBox, dx: number): OrientedBox => ({ ...b, cx: b.cx - dx });

describe('relationship labels (e2e, headless Chromium)', () => {
  it(
    "the hovered relationship's label is written over a node's caption that keeps it out when only selected",
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      // A label of the hub's that a caption keeps out (the closer the camera, the fewer collide).
      let found: { hub: string; edge: string; caption: string } | null = null;
      for (const ratio of [0.5, 0.35, 0.7, 1]) {
        const hub = await selectHub(page, ratio);
        const f = await labelFrame(page, hub);
        const straight = await page.evaluate(
          (keys) =>
            keys.filter((k) => {
              const d = window.__newsgraph!.explorer.sigmaController!.sigma.getEdgeDisplayData(k);
              return d && d.type !== 'curvedArrow';
            }),
          f.skipped.filter((s) => s.by.startsWith('caption:')).map((s) => s.key),
        );
        for (const edge of straight.sort()) {
          if (!(await hoverEdge(page, edge))) continue;
          found = { hub, edge, caption: f.skipped.find((s) => s.key === edge)!.by.slice('caption:'.length) };
          break;
        }
        if (found) break;
      }
      expect(found, 'a straight edge whose label a caption keeps out, picked by the mouse').not.toBeNull();
      const { hub, edge, caption } = found!;
      await frames(page);
      const f = await labelFrame(page, hub);
      const written = f.drawn.find((d) => d.key === edge);
      expect(written, JSON.stringify(f.skipped.find((s) => s.key === edge))).toBeDefined();
      expect(f.skipped.map((s) => s.key)).not.toContain(edge);
      expect(f.data.drawn).toBe(String(f.drawn.length));
      // Over the caption that kept it out: still written, and its box (measured here) is under the label.
      expect(f.captions).toContain(caption);
      const c = (await captionBoxes(page)).find((b) => b.id === caption)!;
      expect(c).toBeDefined();
      expect(boxesOverlap(written!.box, rectBox({ left: c.l, right: c.r, top: c.t, bottom: c.b }))).toBe(true);
      await shot(page, 'edge-label-hovered-over-caption');

      // The pointer gone, the caption keeps the label out again.
      await page.mouse.move(1, 1);
      await expect.poll(() => page.evaluate(() => window.__newsgraph!.explorer.state.edgeHover)).toBeNull();
      await frames(page);
      const after = await labelFrame(page, hub);
      expect(after.drawn.map((d) => d.key)).not.toContain(edge);
      expect(after.skipped.find((s) => s.key === edge)?.by).toBe(`caption:${caption}`);
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );

  it(
    'a label panned wholly out of the view is neither written nor skipped; the others stay as they were',
    async () => {
      const { page, context, errors } = await newPage(e2e.browser);
      await openExplorer(page, e2e.app.url);
      const hub = await selectHub(page, 0.5);
      const f = await labelFrame(page, hub);
      expect(f.drawn.length).toBeGreaterThan(1);
      // The written label that ends leftmost goes out of the view on the left; the rightmost stays in.
      const byRight = [...f.drawn].sort((a, b) => boundsOf(a.box).right - boundsOf(b.box).right);
      const out = byRight[0]!;
      const dx = Math.ceil(boundsOf(out.box).right) + 2;
      const width = await page.evaluate(
        () => window.__newsgraph!.explorer.sigmaController!.sigma.getDimensions().width,
      );
      const kept = f.drawn.filter(
        (d) => boundsOf(shifted(d.box, dx)).right > 0 && boundsOf(shifted(d.box, dx)).left < width,
      );
      expect(kept.length, `labels still in view after a pan of ${dx} px`).toBeGreaterThan(0);
      // A pan of dx px to the right: every box moves dx px left.
      await page.evaluate((by) => {
        const sigma = window.__newsgraph!.explorer.sigmaController!.sigma;
        const camera = sigma.getCamera();
        const { width: w, height: h } = sigma.getDimensions();
        const to = sigma.viewportToFramedGraph({ x: w / 2 + by, y: h / 2 });
        camera.setState({ ...camera.getState(), x: to.x, y: to.y });
      }, dx);
      await idle(page);
      const panned = await labelFrame(page, hub);
      expect((await snapshot(page)).selection).toEqual([hub]);
      expect(panned.hubEdges).toContain(out.key);
      expect(panned.drawn.map((d) => d.key)).not.toContain(out.key);
      expect(panned.skipped.map((s) => s.key)).not.toContain(out.key);
      expect(panned.data).toEqual({ drawn: String(panned.drawn.length), skipped: String(panned.skipped.length) });
      // The labels still in view are still placed (a caption the pan brings in may keep one out), and
      // those written are where they were, moved with the pan.
      const placed = [...panned.drawn, ...panned.skipped];
      for (const k of kept)
        expect(
          placed.map((p) => p.key),
          k.key,
        ).toContain(k.key);
      const still = kept.flatMap((k) => panned.drawn.filter((d) => d.key === k.key).map((d) => [k, d] as const));
      expect(still.length).toBeGreaterThan(0);
      for (const [k, now] of still) {
        expect(Math.abs(now.box.cx - (k.box.cx - dx)), k.key).toBeLessThan(1);
        expect(Math.abs(now.box.cy - k.box.cy), k.key).toBeLessThan(1);
      }
      await shot(page, 'edge-label-out-of-view');
      expect(errors).toEqual([]);
      await context.close();
    },
    T,
  );
});
