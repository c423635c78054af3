import { beforeAll, describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  boundsOf,
  captionBox,
  drawnCurvature,
  fitText,
  labelBox,
  outsideView,
  pickLabels,
  rectBox,
  type EdgeLabelInput,
  type LabelCandidate,
  type OrientedBox,
} from '../../../../../src/web/core/graph/edge-label-boxes';

const FONT = 10;
/** A monospaced stand-in for the canvas: 6 px a character. */
const measure = (s: string) => s.length * 6;
const node = (x: number, y: number, size = 6) => ({ x, y, size });

const candidate = (e: EdgeLabelInput, rank = 0, weight = 1): LabelCandidate => {
  const placed = labelBox(e, FONT, measure);
  if (!placed) throw new Error(`no label for ${e.key}`);
  return { ...placed, rank, weight };
};

/** Whether a point lies in a box, with `slack` px of tolerance. */
function inside(b: OrientedBox, x: number, y: number, slack = 0.5): boolean {
  const dx = x - b.cx;
  const dy = y - b.cy;
  return Math.abs(dx * b.ux + dy * b.uy) <= b.hw + slack && Math.abs(-dx * b.uy + dy * b.ux) <= b.hh + slack;
}

const pairsOverlapping = (boxes: OrientedBox[]) => {
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i]!, boxes[j]!)) n++;
  return n;
};

/** The edges of a hub with `n` neighbours on a circle (the selection of a well-connected node). */
const star = (n: number, r = 90): EdgeLabelInput[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `e${String(i).padStart(2, '0')}`,
    label: 'MENTIONED_IN',
    s: node(300, 300, 10),
    t: node(300 + r * Math.cos((2 * Math.PI * i) / n), 300 + r * Math.sin((2 * Math.PI * i) / n)),
    thickness: 1,
  }));

describe('edge label boxes', () => {
  it('cuts a label as sigma does, and gives up under four characters', () => {
    expect(fitText('ABOUT', 100, measure)).toBe('ABOUT');
    expect(fitText('MENTIONED_IN', 40, measure)).toBe('MENTI…');
    expect(measure(fitText('MENTIONED_IN', 40, measure)!)).toBeLessThanOrEqual(40);
    expect(fitText('MENTIONED_IN', 18, measure)).toBeNull();
  });

  it('puts a straight label under the middle of the edge, upright whichever way the edge runs', () => {
    const e = { key: 'a', label: 'MADE', s: node(0, 0, 5), t: node(200, 0, 5), thickness: 2 };
    const b = labelBox(e, FONT, measure)!;
    expect(b.text).toBe('MADE');
    expect(b.box.cx).toBeCloseTo(100);
    expect(b.box.cy).toBeGreaterThan(1);
    expect(b.box.hw).toBe(12);
    expect([b.box.ux, b.box.uy]).toEqual([1, 0]);
    const back = labelBox({ ...e, s: e.t, t: e.s }, FONT, measure)!;
    expect(back.box.cx).toBeCloseTo(b.box.cx);
    expect(back.box.cy).toBeCloseTo(b.box.cy);
    expect(labelBox({ ...e, t: node(8, 0, 5) }, FONT, measure)).toBeNull();
  });

  describe("matches sigma's own drawers", () => {
    type Drawer = (ctx: unknown, edge: unknown, s: unknown, t: unknown, settings: unknown) => void;
    let straight: Drawer;
    let curved: Drawer;
    const settings = {
      edgeLabelSize: FONT,
      edgeLabelFont: 'x',
      edgeLabelWeight: '600',
      edgeLabelColor: { color: '#000' },
    };

    beforeAll(async () => {
      // The drawers' modules read WebGL constants when loaded; the drawers themselves use Canvas 2D only.
      const gl = { UNSIGNED_BYTE: 0, FLOAT: 0, TRIANGLES: 0, POINTS: 0, LINES: 0 };
      (globalThis as Record<string, unknown>).WebGLRenderingContext ??= gl;
      (globalThis as Record<string, unknown>).WebGL2RenderingContext ??= gl;
      const curve = await import('@sigma/edge-curve');
      straight = (await import('sigma/rendering')).drawStraightEdgeLabel as Drawer;
      curved = curve.createDrawCurvedEdgeLabel(curve.DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS) as Drawer;
    });

    /** The corners of every glyph run sigma writes (baseline − ascent, baseline + descent). */
    function glyphCorners(draw: Drawer, e: EdgeLabelInput): { x: number; y: number }[] {
      const out: { x: number; y: number }[] = [];
      let m = { x: 0, y: 0, a: 0 };
      const at = (lx: number, ly: number) => ({
        x: m.x + lx * Math.cos(m.a) - ly * Math.sin(m.a),
        y: m.y + lx * Math.sin(m.a) + ly * Math.cos(m.a),
      });
      const ctx = {
        measureText: (s: string) => ({ width: measure(s) }),
        save: () => undefined,
        restore: () => (m = { x: 0, y: 0, a: 0 }),
        translate: (x: number, y: number) => (m = { ...m, x, y }),
        rotate: (a: number) => (m = { ...m, a }),
        fillText: (s: string, x: number, y: number) => {
          for (const dx of [0, measure(s)]) for (const dy of [-0.8 * FONT, 0.25 * FONT]) out.push(at(x + dx, y + dy));
        },
      };
      draw(ctx, { ...e, size: e.thickness, curvature: e.curvature }, e.s, e.t, settings);
      return out;
    }

    it('straight: every glyph lies in the box', () => {
      for (const [tx, ty] of [
        [180, 40],
        [-150, 90],
        [20, -160],
        [-120, -120],
      ] as const) {
        const e = { key: 'a', label: 'MENTIONED_IN', s: node(0, 0), t: node(tx, ty), thickness: 2 };
        const corners = glyphCorners(straight, e);
        expect(corners.length).toBeGreaterThan(0);
        const b = labelBox(e, FONT, measure)!.box;
        for (const p of corners) expect(inside(b, p.x, p.y)).toBe(true);
      }
    });

    it('curved: every glyph lies in the box at its place along the curve', () => {
      for (const curvature of [0.2, -0.4, 0.5]) {
        for (const [tx, ty] of [
          [160, 30],
          [-140, 80],
        ] as const) {
          const e = { key: 'a', label: 'REPORTED_BY', s: node(0, 0), t: node(tx, ty), thickness: 1, curvature };
          const corners = glyphCorners(curved, e);
          expect(corners.length).toBeGreaterThan(0);
          const b = labelBox(e, FONT, measure)!.box;
          // The characters turn along the curve; their outer corners may poke out by a pixel or two.
          for (const p of corners) expect(inside(b, p.x, p.y, 2)).toBe(true);
          // The box is the text's, not the whole curve's.
          expect(b.hw * 2).toBeLessThan(measure('REPORTED_BY') * 1.4);
        }
      }
    });
  });

  it('tells rotated boxes apart that their bounding rectangles would not', () => {
    const d = Math.SQRT1_2;
    const a = { cx: 0, cy: 0, ux: d, uy: d, hw: 50, hh: 5 };
    // Parallel, 12 px away across the text: the axis-aligned bounds overlap, the boxes do not.
    const b = { ...a, cx: -12 * d, cy: 12 * d };
    expect(boxesOverlap(a, b)).toBe(false);
    expect(boxesOverlap(a, b, 4)).toBe(true);
    // Crossing like an X.
    expect(boxesOverlap(a, { ...a, ux: d, uy: -d })).toBe(true);
    // Touching only.
    expect(
      boxesOverlap(
        rectBox({ left: 0, top: 0, right: 10, bottom: 10 }),
        rectBox({ left: 10, top: 0, right: 20, bottom: 10 }),
      ),
    ).toBe(false);
  });

  it('keeps one of parallel edges whose labels overlap', () => {
    // Three relationships the same way between two nodes: parallel-edges.ts bends the outer two
    // (±0.4) and leaves the middle one straight; its label, under it, runs into the one below.
    const s = node(100, 100);
    const t = node(190, 110);
    const edges = [
      { key: 'p1', label: 'LOCATED_IN', s, t, thickness: 1, curvature: -0.4 },
      { key: 'p2', label: 'STRUCK', s, t, thickness: 1, curvature: 0 },
      { key: 'p3', label: 'LOCATED_IN', s, t, thickness: 1, curvature: 0.4 },
    ].map((e) => candidate(e));
    expect(boxesOverlap(edges[0]!.box, edges[1]!.box)).toBe(true);
    expect(boxesOverlap(edges[1]!.box, edges[2]!.box)).toBe(false);
    const pick = pickLabels(edges);
    expect(pick.drawn.map((e) => e.key).sort()).toEqual(['p2', 'p3']);
    // The label with more room to spare wins (STRUCK fills less of its edge).
    expect(pick.skipped.map((x) => [x.label.key, x.by])).toEqual([['p1', 'p2']]);
    // Both ways between two nodes (each way bent to its side) on a short edge: one label.
    const back = [
      { key: 'f', label: 'ALLY_OF', s, t: node(160, 110), thickness: 1, curvature: 0.2 },
      { key: 'b', label: 'ALLY_OF', s: node(160, 110), t: s, thickness: 1, curvature: 0.2 },
    ].map((e) => candidate(e));
    expect(boxesOverlap(back[0]!.box, back[1]!.box)).toBe(true);
    expect(pickLabels(back).drawn).toHaveLength(1);
  });

  it('draws no two overlapping labels around a hub of 12 edges, and the same ones after a pan', () => {
    const edges = star(12).map((e) => candidate(e));
    expect(pairsOverlapping(edges.map((e) => e.box))).toBeGreaterThan(0);
    const pick = pickLabels(edges);
    expect(pick.drawn.length).toBeGreaterThan(1);
    expect(pick.drawn.length).toBeLessThan(12);
    expect(pairsOverlapping(pick.drawn.map((e) => e.box))).toBe(0);
    // Each skipped label covers what it was skipped for.
    for (const { label, by } of pick.skipped)
      expect(boxesOverlap(label.box, pick.drawn.find((d) => d.key === by)!.box, 2)).toBe(true);
    const keys = pick.drawn.map((e) => e.key).sort();
    // Listed in another order, or all moved by a pan: the same labels.
    expect(
      pickLabels([...edges].reverse())
        .drawn.map((e) => e.key)
        .sort(),
    ).toEqual(keys);
    const panned = star(12).map((e) =>
      candidate({
        ...e,
        s: { ...e.s, x: e.s.x + 37.3, y: e.s.y - 12.1 },
        t: { ...e.t, x: e.t.x + 37.3, y: e.t.y - 12.1 },
      }),
    );
    expect(
      pickLabels(panned)
        .drawn.map((e) => e.key)
        .sort(),
    ).toEqual(keys);
  });

  it('keeps every label when none overlaps', () => {
    const edges = [
      { key: 'a', label: 'MADE', s: node(0, 0), t: node(200, 0), thickness: 1 },
      { key: 'b', label: 'ABOUT', s: node(0, 100), t: node(200, 100), thickness: 1 },
      { key: 'c', label: 'STRUCK', s: node(300, 0), t: node(300, 200), thickness: 1 },
      { key: 'd', label: 'LOCATED_IN', s: node(0, 200), t: node(200, 300), thickness: 1, curvature: 0.3 },
    ].map((e) => candidate(e));
    const pick = pickLabels(edges);
    expect(pick.drawn.map((e) => e.key).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(pick.skipped).toEqual([]);
  });

  it('prefers rank, then weight, and skips labels over a caption', () => {
    const a = candidate({ key: 'a', label: 'MADE', s: node(0, 0), t: node(100, 0), thickness: 1 });
    const b = candidate({ key: 'b', label: 'MADE', s: node(0, 4), t: node(100, 4), thickness: 1 });
    expect(pickLabels([a, { ...b, weight: 3 }]).drawn.map((e) => e.key)).toEqual(['b']);
    expect(
      pickLabels([
        { ...a, rank: 1 },
        { ...b, weight: 3 },
      ]).drawn.map((e) => e.key),
    ).toEqual(['a']);
    // Equal in all: the key decides, so a frame never depends on the listing order.
    expect(pickLabels([b, a]).drawn.map((e) => e.key)).toEqual(['a']);
    const caption = { key: 'n1', box: rectBox({ left: 40, top: 0, right: 120, bottom: 20 }) };
    const pick = pickLabels([a], [caption]);
    expect(pick.drawn).toEqual([]);
    expect(pick.skipped[0]!.by).toBe('caption:n1');
    const far = { key: 'n2', box: rectBox({ left: 40, top: 60, right: 120, bottom: 80 }) };
    expect(pickLabels([a], [far]).drawn.map((e) => e.key)).toEqual(['a']);
  });

  it('writes the hovered edge’s label over captions, and before any other label', () => {
    const a = candidate({ key: 'a', label: 'MADE', s: node(0, 0), t: node(100, 0), thickness: 1 });
    const b = candidate({ key: 'b', label: 'MADE', s: node(0, 4), t: node(100, 4), thickness: 1 });
    const caption = { key: 'n1', box: rectBox({ left: 40, top: 0, right: 120, bottom: 20 }) };
    // Pointed at, it is written over the caption; the same label not pointed at gives way to it.
    const pointed = pickLabels([{ ...a, always: true }], [caption]);
    expect(pointed.drawn.map((e) => e.key)).toEqual(['a']);
    expect(pointed.skipped).toEqual([]);
    expect(pickLabels([a], [caption]).drawn).toEqual([]);
    // Other labels still give way to it, whatever their rank or weight, and still to captions.
    const pick = pickLabels(
      [
        { ...b, rank: 5, weight: 9 },
        { ...a, always: true },
      ],
      [caption],
    );
    expect(pick.drawn.map((e) => e.key)).toEqual(['a']);
    expect(pick.skipped.map((s) => s.label.key)).toEqual(['b']);
  });
});

describe('labels off the view', () => {
  it('tells a box wholly outside the view from one that reaches into it', () => {
    const box = (left: number, top: number) => rectBox({ left, top, right: left + 40, bottom: top + 10 });
    expect(outsideView(box(10, 10), 400, 300)).toBe(false);
    // Partly in, on each side.
    for (const [x, y] of [
      [-30, 10],
      [390, 10],
      [10, -5],
      [10, 295],
    ] as const)
      expect(outsideView(box(x, y), 400, 300), `${x},${y}`).toBe(false);
    // Wholly out, on each side.
    for (const [x, y] of [
      [-45, 10],
      [401, 10],
      [10, -11],
      [10, 301],
    ] as const)
      expect(outsideView(box(x, y), 400, 300), `${x},${y}`).toBe(true);
    // A turned label is judged by what it covers, not by its centre.
    const turned = { cx: -10, cy: 150, ux: Math.SQRT1_2, uy: Math.SQRT1_2, hw: 30, hh: 5 };
    expect(outsideView(turned, 400, 300)).toBe(false);
    expect(outsideView({ ...turned, cx: -30 }, 400, 300)).toBe(true);
  });
});

describe('a caption and a curve as the app draws them', () => {
  it('puts a caption right of its disc on its node’s line, as wide as its text', () => {
    const b = boundsOf(captionBox({ x: 100, y: 50, size: 8 }, 14, 60));
    expect(b.left).toBeCloseTo(112);
    expect(b.right).toBeCloseTo(172);
    expect(b.top).toBeLessThan(50);
    expect(b.bottom).toBeGreaterThan(50);
  });

  it('puts a caption the map turned left of its disc there, so labels are checked where it is', () => {
    const n = { x: 100, y: 50, size: 8 };
    const left = boundsOf(captionBox(n, 14, 60, 'left'));
    expect(left.left).toBeCloseTo(28);
    expect(left.right).toBeCloseTo(88);
    expect([left.top, left.bottom]).toEqual([
      boundsOf(captionBox(n, 14, 60)).top,
      boundsOf(captionBox(n, 14, 60)).bottom,
    ]);
    // A label left of the node meets the turned caption, not one on the right; one right of it the reverse.
    const west = candidate({ key: 'w', label: 'MADE', s: node(20, 54), t: node(90, 54), thickness: 1 });
    const east = candidate({ key: 'e', label: 'MADE', s: node(110, 54), t: node(180, 54), thickness: 1 });
    const turned = [{ key: 'n', box: captionBox(n, 14, 60, 'left') }];
    const right = [{ key: 'n', box: captionBox(n, 14, 60) }];
    expect(pickLabels([west, east], turned).drawn.map((e) => e.key)).toEqual(['e']);
    expect(pickLabels([west, east], right).drawn.map((e) => e.key)).toEqual(['w']);
  });

  it('gives a curved arrow its default curvature when none is set, and a straight one none', () => {
    expect(drawnCurvature('curvedArrow', undefined)).toBeGreaterThan(0);
    expect(drawnCurvature('curvedArrow', 0)).toBe(0);
    expect(drawnCurvature('arrow', 0.4)).toBeUndefined();
  });
});
