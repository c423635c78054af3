/**
 * Fitting the map into the graph's frame: projection space → graph space, so that the focus
 * area of the geo layout fills the extent the force layout had. Pure.
 */

/** Projection space → graph space: x = s·px + tx, y = −s·py + ty (north up). */
export interface GeoToGraph {
  s: number;
  tx: number;
  ty: number;
}

export interface Box {
  x: [number, number];
  y: [number, number];
}

/** The focus area assumed when the layout has none (nothing located). */
const DEFAULT_FOCUS: Box = { x: [-50, 50], y: [-50, 50] };

/** The largest scale that fits `focus` into `bbox`, centred. */
export function fitFocus(focus: Box | null, bbox: Box): GeoToGraph {
  const f = focus ?? DEFAULT_FOCUS;
  const fw = Math.max(1e-6, f.x[1] - f.x[0]);
  const fh = Math.max(1e-6, f.y[1] - f.y[0]);
  const bw = Math.max(1e-6, bbox.x[1] - bbox.x[0]);
  const bh = Math.max(1e-6, bbox.y[1] - bbox.y[0]);
  const s = Math.min(bw / fw, bh / fh);
  return {
    s,
    tx: (bbox.x[0] + bbox.x[1]) / 2 - s * ((f.x[0] + f.x[1]) / 2),
    ty: (bbox.y[0] + bbox.y[1]) / 2 - s * ((f.y[0] + f.y[1]) / 2),
  };
}

/** A layout position (graph coordinates of the projection, north up) under the fit. */
export function placeAt(t: GeoToGraph, p: { x: number; y: number }): { x: number; y: number } {
  return { x: t.s * p.x + t.tx, y: t.s * p.y + t.ty };
}
