import { useEffect, useState } from 'react';
import { useApp } from '../context';

/** A graph area shorter than this would give the full strip (136 px) over a third of it. */
export const ROOM_FOR_CHART = 400;
/** Phones: search opens as a sheet over the top of the graph area, above the strip (narrow.css). */
const PHONE = '(max-width: 600px)';

export interface Fold {
  /** The graph area is short (or half covered): the strip offers to fold. */
  readonly tight: boolean;
  /** The strip shows its bar only (switch, Play, the range), not the chart. */
  readonly folded: boolean;
  readonly toggle: () => void;
}

/**
 * Folds the timeline strip to its bar while the graph area is short — the Cypher drawer open in a
 * small window, or search over it on a phone — so that the graph keeps the room. The user may
 * unfold it; that lasts until the room changes again. `strip` is the strip's element (in the graph area).
 */
export function useFold(strip: HTMLElement | null): Fold {
  const searchOpen = useApp((s) => s.sidePanel === 'left');
  const [short, setShort] = useState(false);
  const [phone, setPhone] = useState(false);
  const [unfolded, setUnfolded] = useState(false);
  useEffect(() => {
    const area = strip?.parentElement;
    if (!area) return;
    // The strip is laid over the area (absolute), so folding it never changes what is measured.
    const measure = () => {
      setShort(area.clientHeight < ROOM_FOR_CHART);
      setPhone(typeof matchMedia === 'function' && matchMedia(PHONE).matches);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(area);
    measure();
    return () => ro.disconnect();
  }, [strip]);
  const tight = short || (phone && searchOpen);
  useEffect(() => setUnfolded(false), [tight]);
  return { tight, folded: tight && !unfolded, toggle: () => setUnfolded((u) => !u) };
}
