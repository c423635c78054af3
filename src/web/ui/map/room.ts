/**
 * Where the map's distance card and the legend sit in the graph area, both measured from the
 * controls above them (the view switch with its chip, the map's credit), which wrap and grow with
 * the window. In a short window they compete for the same columns: the legend gives way first (its
 * rows scroll down to its title) so that the card keeps CARD_MIN, since the card is what the
 * pointer asks for and the legend can be scrolled or folded; its room is kept whether a card is
 * shown or not, so the legend does not jump as the pointer moves over the map. O(controls).
 */

/** Room kept between the card or the legend and what it sits below or above (px). */
export const GAP = 8;
/** The controls over the graph area's top left the card and the legend stay below. */
const ABOVE = '.view-switch, .map-chip';
/** The narrowest the card is made to sit beside the legend rather than end above it (px). */
export const MIN_BESIDE = 180;
/** The least of the card kept above the legend: its title and about seven lines (px). */
export const CARD_MIN = 150;
/** A length views.css sets on the root for the card (its widest, its margins), in px; 0 when unstyled. */
const cardLength = (css: CSSStyleDeclaration, name: string): number =>
  parseFloat(css.getPropertyValue(`--hover-card-${name}`)) || 0;

/** The boxes of the elements `sel` matches in `area` that are shown. */
export function shown(area: HTMLElement, sel: string): DOMRect[] {
  return [...area.querySelectorAll(sel)].map((e) => e.getBoundingClientRect()).filter((r) => r.width && r.height);
}

/** Whether two boxes share columns. */
export const meets = (r: { left: number; right: number }, c: { left: number; right: number }): boolean =>
  r.left < c.right && c.left < r.right;

/** The top (from the area's) below the controls above; only those in the columns of `within`, when given. */
export function belowControls(area: HTMLElement, within?: { left: number; right: number }): number {
  const a = area.getBoundingClientRect();
  const above = shown(area, ABOVE).filter((r) => !within || meets(r, within));
  return Math.max(GAP, ...above.map((r) => r.bottom - a.top + GAP));
}

/** The card's columns at its widest, where views.css puts it (beside the "Not on the map" list when there). */
function cardColumns(area: HTMLElement): { left: number; right: number } {
  const a = area.getBoundingClientRect();
  const list = area.querySelector('.tray-list');
  const room = list ? parseFloat(area.style.getPropertyValue('--tray-list-room')) || 0 : 0;
  const css = getComputedStyle(area);
  const right = a.right - (list ? cardLength(css, 'beside-list') + room : cardLength(css, 'right'));
  return { left: Math.max(a.left, right - cardLength(css, 'width')), right };
}

/**
 * The legend's top room (px from the graph area's top): below the controls above it in its columns,
 * and, on the map, below the card's CARD_MIN where the card would end above the legend rather than
 * sit beside it.
 */
export function legendTopRoom(area: HTMLElement, legend: HTMLElement, map: boolean): number {
  const l = legend.getBoundingClientRect();
  const room = belowControls(area, l);
  if (!map) return room;
  const c = cardColumns(area);
  if (!meets(l, c) || c.right - l.right - GAP >= MIN_BESIDE) return room;
  return Math.max(room, belowControls(area) + CARD_MIN + GAP);
}
