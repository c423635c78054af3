/** Where things are on an end-to-end test's page: an element's box, whether two boxes overlap, the timeline's bar. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Box = { left: number; right: number; top: number; bottom: number };
export const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box of the first element `sel` finds, in viewport pixels. */
export function box(page: Page, sel: string): Promise<Box> {
  return page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, sel);
}

/** A caption sigma wrote on the canvas: its node, and its box in the graph area's pixels. */
export type CaptionBox = {
  id: string;
  key: string;
  text: string;
  /** Off the map, in its tray (map view only). */
  tray: boolean;
  /** The node's x. */
  x: number;
  l: number;
  r: number;
  t: number;
  b: number;
};

/**
 * The captions written on the canvas, each box measured here from its node's place and text; only
 * the side (right or left of the node) comes from the app, so a wrong box in the app shows.
 */
export function captionBoxes(page: Page): Promise<CaptionBox[]> {
  return page.evaluate(() => {
    const h = window.__newsgraph!;
    const ctrl = h.explorer.sigmaController!;
    const sigma = ctrl.sigma;
    const s = sigma.getSettings();
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
    return [...sigma.getNodeDisplayedLabels()].flatMap((id) => {
      const d = sigma.getNodeDisplayData(id);
      if (!d?.label) return [];
      const text = d.label.length > 34 ? `${d.label.slice(0, 33).trimEnd()}…` : d.label;
      const v = sigma.framedGraphToViewport(d);
      const size = sigma.scaleSize(d.size);
      const w = ctx.measureText(text).width;
      const before = (ctrl.labels.captionBox(id)?.left ?? Infinity) < v.x;
      const l = before ? v.x - size - 4 - w : v.x + size + 4;
      const key = h.explorer.graphState.nodes.get(id)?.key ?? id;
      return [{ id, key, text, tray: !h.views.location(id), x: v.x, l, r: l + w, t: v.y - 9, b: v.y + 4.8 }];
    });
  });
}

/**
 * The timeline's counts of what the graph shows are written, inside the strip's bar, over no other
 * control of the bar; a brushed range's dates stay whole beside them.
 */
export async function expectCountsShown(page: Page, at: string): Promise<void> {
  const bar = await page.evaluate(() => {
    const el = document.querySelector('[data-testid=timeline] .tl-bar')!;
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const counts = document.querySelector<HTMLElement>('[data-testid=shown-counts]')!;
    const label = document.querySelector('[data-testid=timeline-label]')!;
    const l = label.getBoundingClientRect();
    return {
      bar: rect(el),
      counts: { ...rect(counts), text: counts.innerText, cut: counts.scrollWidth > counts.clientWidth },
      others: [...el.children].filter((c) => c !== counts).map((c) => ({ name: c.className, ...rect(c) })),
      dates: [...label.querySelectorAll('b')].map((b) => b.getBoundingClientRect().right <= l.right + 0.5),
    };
  });
  const { counts } = bar;
  expect(counts.text, at).toMatch(/^\d+ nodes?\s*(·\s*)?\d+ links?/);
  expect(counts.right - counts.left, at).toBeGreaterThan(20);
  expect(counts.cut, at).toBe(false);
  expect(counts.left, at).toBeGreaterThanOrEqual(bar.bar.left - 0.5);
  expect(counts.right, at).toBeLessThanOrEqual(bar.bar.right + 0.5);
  expect(
    bar.others.filter((o) => o.right > bar.bar.right + 0.5 || overlap(o, counts)),
    at,
  ).toEqual([]);
  expect(bar.dates.every(Boolean), at).toBe(true);
}
