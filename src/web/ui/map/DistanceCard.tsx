import { useLayoutEffect, useRef } from 'react';
import { useApp } from '../context';
import { belowControls, GAP, meets, MIN_BESIDE, shown as shownIn } from './room';

/** What sits lower in the graph area: the card ends above those that share its columns. */
const BELOW = '.legend, .overlay.zoom, .pathbar, .timeline-strip';

/**
 * The distance statements of the data around the hovered node (and its coordinates on the map).
 * Beside the "Not on the map" list (views.css); its top is measured from the controls above it (the
 * view switch with its chip, the map's credit), which wrap and grow with the window; it covers no
 * part of the legend (beside it, or ending above it: in a short window the card keeps its first
 * lines rather than covering the legend, which leaves it room.ts's CARD_MIN), the zoom buttons, the
 * path bar or the timeline.
 */
export function DistanceCard() {
  const hover = useApp((s) => s.view.hover);
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = card.current;
    const area = el?.parentElement;
    if (!el || !area) return;
    const place = () => placeCard(el, area);
    place();
    // The window's size changes the controls' (they wrap) and the legend's.
    const observer = new ResizeObserver(place);
    observer.observe(area);
    return () => observer.disconnect();
  }, [hover]);
  if (!hover) return null;
  return (
    <div className="overlay hover-card" data-testid="distance-card" ref={card}>
      <b>{hover.caption}</b>
      {hover.lines.map((l, i) => (
        <div key={i} className="small">
          {l}
        </div>
      ))}
    </div>
  );
}

/**
 * Sets the card's top under the controls above it; where the legend reaches into its columns it is
 * narrowed to the legend's right when that leaves room enough, else it ends above the legend (as
 * above the zoom buttons, path bar and timeline in its columns). O(controls).
 */
function placeCard(card: HTMLElement, area: HTMLElement): void {
  const a = area.getBoundingClientRect();
  const shown = (sel: string) => shownIn(area, sel);
  // However wide the card is, below every control above.
  const top = belowControls(area);
  card.style.top = `${top}px`;
  card.style.maxHeight = '';
  card.style.maxWidth = '';
  // Its columns and whole height, where the list beside it and its own text put it.
  let c = card.getBoundingClientRect();
  const legend = shown('.legend')[0];
  if (legend && meets(legend, c) && legend.top - GAP < c.bottom) {
    const beside = c.right - legend.right - GAP;
    if (beside >= MIN_BESIDE) {
      card.style.maxWidth = `${beside}px`;
      c = card.getBoundingClientRect();
    }
  }
  const bottom = Math.min(
    a.height - GAP,
    ...shown(BELOW)
      .filter((r) => meets(r, c) && r.bottom - a.top > top)
      .map((r) => r.top - a.top - GAP),
  );
  card.style.maxHeight = `${Math.max(0, bottom - top)}px`;
  card.classList.toggle('clipped', card.scrollHeight > card.clientHeight + 1);
}
