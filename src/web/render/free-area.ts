/**
 * The part of the graph area that nothing covers: the panels drawn over the canvas (legend, view
 * switch, status line, zoom buttons, path bar…) each take the strip along the edge they sit on —
 * a corner panel the cheaper of its two strips. Pure geometry (unit-tested in Node).
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Free rectangle of `host` (both in the same coordinates) around the `covers`. O(covers). */
export function freeArea(host: Rect, covers: readonly Rect[]): Rect {
  const w = host.right - host.left;
  const h = host.bottom - host.top;
  const inset = { left: 0, top: 0, right: 0, bottom: 0 };
  for (const c of covers) {
    const l = Math.max(c.left, host.left);
    const r = Math.min(c.right, host.right);
    const t = Math.max(c.top, host.top);
    const b = Math.min(c.bottom, host.bottom);
    if (r <= l || b <= t) continue;
    // The strip each edge would need to give up to clear this panel, as a share of the area.
    const options: [keyof typeof inset, number, number][] = [
      ['left', r - host.left, (r - host.left) / w],
      ['right', host.right - l, (host.right - l) / w],
      ['top', b - host.top, (b - host.top) / h],
      ['bottom', host.bottom - t, (host.bottom - t) / h],
    ];
    options.sort((a, b2) => a[2] - b2[2]);
    const [edge, depth] = options[0]!;
    inset[edge] = Math.max(inset[edge], depth);
  }
  // Never less than a third of the area each way (a crowded screen still shows something).
  const left = Math.min(inset.left, w / 3);
  const right = Math.min(inset.right, w / 3);
  const top = Math.min(inset.top, h / 3);
  const bottom = Math.min(inset.bottom, h / 3);
  return { left: host.left + left, top: host.top + top, right: host.right - right, bottom: host.bottom - bottom };
}
