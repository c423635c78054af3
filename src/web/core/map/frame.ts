/**
 * What the first map view frames, in layout coordinates (north up): the located nodes and events
 * inside the focus (far outliers are left out), the tray's nodes, and the tray's corners. Pure.
 */
import type { GeoLayout } from './geo-layout';

export interface MapFrame {
  /** Nodes to bring into view. */
  ids: string[];
  /** Points to bring into view with them. */
  points: { x: number; y: number }[];
}

export function mapFrame(layout: GeoLayout): MapFrame {
  const f = layout.focus;
  const ids: string[] = [];
  for (const [id, p] of layout.positions) {
    if (p.placement === 'tray') ids.push(id);
    else if (!f || (p.x >= f.x[0] && p.x <= f.x[1] && p.y >= f.y[0] && p.y <= f.y[1])) ids.push(id);
  }
  // The tray is drawn as a panel reaching past its last column of nodes: framing only the nodes
  // cut its right edge off. Its corners are framed too.
  const t = layout.tray;
  const points = t
    ? [
        { x: t.x[0], y: t.y[0] },
        { x: t.x[1], y: t.y[1] },
      ]
    : [];
  return { ids, points };
}
