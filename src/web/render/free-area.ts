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

/**
 * What `host` keeps beside a panel laid over it (a side panel over the graph in a narrow window):
 * the whole strip along the cheaper edge goes, with no floor — the nodes under it cannot be seen.
 */
export function besidePanel(host: Rect, panel: Rect): Rect {
  const l = Math.max(panel.left, host.left);
  const r = Math.min(panel.right, host.right);
  const t = Math.max(panel.top, host.top);
  const b = Math.min(panel.bottom, host.bottom);
  if (r <= l || b <= t) return host;
  const options: Rect[] = [
    { ...host, left: r },
    { ...host, right: l },
    { ...host, top: b },
    { ...host, bottom: t },
  ];
  const area = (x: Rect) => Math.max(0, x.right - x.left) * Math.max(0, x.bottom - x.top);
  return options.reduce((best, x) => (area(x) > area(best) ? x : best));
}

/**
 * Room (CSS px) to keep right of framed points so no caption runs past it. A caption needs what its
 * width (`widths[i]`, px right of its node) exceeds its node's distance to the right-most point, at
 * the scale the frame gets (`scaleFor(room)`: px per unit of `xs` when framed with that room): only
 * the captions of nodes near the right edge count. More room frames smaller, which brings the nodes
 * closer together: a few rounds settle it. Between `min` and `max`. O(rounds × points).
 */
export function captionRoom(
  xs: readonly number[],
  widths: readonly number[],
  scaleFor: (room: number) => number,
  min: number,
  max: number,
): number {
  const right = Math.max(...xs);
  let room = Math.min(min, max);
  for (let round = 0; round < 12; round++) {
    const scale = scaleFor(room);
    let need = room;
    xs.forEach((x, i) => (need = Math.max(need, (widths[i] ?? 0) - (right - x) * scale)));
    need = Math.min(max, need);
    if (need <= room + 0.5) break;
    room = need;
  }
  return room;
}
