/** What the relationship-label layer wrote on the canvas, as end-to-end tests read it. */
import type { Page } from 'playwright-core';
import type { OrientedBox } from '../../../src/web/core/graph/edge-label-boxes';

export interface LabelFrame {
  drawn: { key: string; text: string; box: OrientedBox }[];
  skipped: { key: string; by: string; box: OrientedBox }[];
  data: { drawn?: string; skipped?: string };
  ink: number;
  captions: string[];
  hubEdges: string[];
}

/**
 * What the edge-label layer wrote in the last frame (the layer's own record, `edgeLabelFrame`), its
 * canvas's counts and inked pixels, sigma's written captions, and the edges of `hub`.
 */
export function labelFrame(page: Page, hub: string): Promise<LabelFrame> {
  return page.evaluate((id) => {
    const h = window.__newsgraph!;
    const ctrl = h.explorer.sigmaController!;
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=edge-label-layer]')!;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]) ink++;
    const f = ctrl.highlight.edgeLabelFrame;
    return {
      drawn: f.drawn,
      skipped: f.skipped,
      data: { drawn: c.dataset.drawn, skipped: c.dataset.skipped },
      ink,
      captions: [...(ctrl.sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels],
      hubEdges: h.explorer.graph.edges(id),
    };
  }, hub);
}

/** The overview's best-connected node (ties by id): its edges' labels crowd around it. */
export function hubNode(page: Page): Promise<string> {
  return page.evaluate(() => {
    const g = window.__newsgraph!.explorer.graph;
    return g.nodes().reduce((a, b) => (g.degree(b) > g.degree(a) || (g.degree(b) === g.degree(a) && b < a) ? b : a));
  });
}

/**
 * The labels whose fate (written or skipped) differs between two frames for no reason a move of the
 * camera gives. Sigma picks the captions it writes on a grid fixed to the screen, so a pan can change
 * them, and a label can leave the view; a label skipped for a caption, missing from one frame, or
 * skipped for a label whose own fate changed, is explained. What is left is flicker.
 */
export function unexplainedChanges(a: LabelFrame, b: LabelFrame): string[] {
  const fate = (f: LabelFrame) => {
    const m = new Map<string, string>();
    for (const d of f.drawn) m.set(d.key, 'drawn');
    for (const s of f.skipped) m.set(s.key, s.by);
    return m;
  };
  const fa = fate(a);
  const fb = fate(b);
  const changed = [...new Set([...fa.keys(), ...fb.keys()])].filter(
    (k) => (fa.get(k) === 'drawn') !== (fb.get(k) === 'drawn'),
  );
  const explained = new Set<string>();
  const cause = (by: string | undefined) =>
    by === undefined ||
    by.startsWith('caption:') ||
    explained.has(by) ||
    (by !== 'drawn' && !fa.has(by)) ||
    (by !== 'drawn' && !fb.has(by));
  for (let grew = true; grew;) {
    grew = false;
    for (const k of changed) {
      if (explained.has(k)) continue;
      const byA = fa.get(k);
      const byB = fb.get(k);
      if (!fa.has(k) || !fb.has(k) || (byA !== 'drawn' && cause(byA)) || (byB !== 'drawn' && cause(byB))) {
        explained.add(k);
        grew = true;
      }
    }
  }
  return changed.filter((k) => !explained.has(k));
}
