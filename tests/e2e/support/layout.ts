/** Where things are on an end-to-end test's page: an element's box, and whether two boxes overlap. */
import type { Page } from 'playwright-core';

export type Box = { left: number; right: number; top: number; bottom: number };

export const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box of the first element `sel` finds, in viewport pixels. */
export function box(page: Page, sel: string): Promise<Box> {
  return page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, sel);
}
