/**
 * The page's active perspective, read by the style functions (render/style.ts), captions and the
 * label rules of core/graph. One perspective is active per page; keeping it here lets every
 * drawer — sigma's programs, the canvas layers, React glyphs — agree without threading it through
 * each call. The app replaces it when the perspective loads or is edited (perspective/actions.ts
 * keeps the same object in the store, so store listeners restyle), never anything else.
 */
import type { Perspective } from '../../../shared/api/perspectives';

let active: Perspective | null = null;

/** O(1); callers then update the store so whatever draws restyles. */
export function setActivePerspective(p: Perspective | null): void {
  active = p;
}

export function activePerspective(): Perspective | null {
  return active;
}
