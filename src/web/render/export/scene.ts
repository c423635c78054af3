/**
 * An exported picture of the graph as a list of shapes (edges, nodes, labels, title, legend,
 * source line) in CSS px, built from what sigma draws (its display data after the reducers: dims,
 * hides and colours included). The PNG and SVG writers draw the same scene, so both look alike.
 * The frame grows to hold every label: nothing is cut at the edge. O(nodes + edges).
 */
import type Sigma from 'sigma';
import type { Theme } from '../../core/shell/actions';
import { DRAW_THEMES } from '../draw';
import { UI_COLORS } from '../style';

export type ExportArea = 'whole' | 'view';

export interface SceneNode {
  x: number;
  y: number;
  r: number;
  color: string;
  /** Main label whose glyph goes inside the disc (none for small or dimmed nodes). */
  glyph?: string;
  label?: string;
  /** Ringed as on screen: an event whose claims contradict each other (the legend's "Contested"). */
  contested?: boolean;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Control point of a curved edge. */
  c?: { x: number; y: number };
  color: string;
  width: number;
  /** Arrow tip, on the target's rim. */
  tip: { x: number; y: number; angle: number };
}

export interface LegendRow {
  label: string;
  text: string;
  color: string;
  /** A label's glyph; none for the contested marker. */
  glyph?: string;
  contested?: boolean;
}

export interface Scene {
  width: number;
  height: number;
  background: string;
  textColor: string;
  mutedColor: string;
  font: string;
  title: string;
  subtitle: string;
  source: string;
  /** Where the graph is drawn (its shapes are already offset into it). */
  edges: SceneEdge[];
  nodes: SceneNode[];
  legend: { rows: LegendRow[]; y: number };
  contestedColor: string;
  glyphColor: string;
}

export interface SceneInput {
  area: ExportArea;
  theme: Theme;
  title: string;
  subtitle: string;
  source: string;
  legend: LegendRow[];
  /** Nodes whose label is on screen now (the "view" picture shows the same ones). */
  labelled: ReadonlySet<string>;
  /** Contested events: ringed unless dimmed, as the marker layer rings them on screen. */
  contested?: ReadonlySet<string>;
}

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';
const LABEL_PX = 12;
const MAX_LABEL = 34;
const GLYPH_MIN = 7;
const MARGIN = 28;
const HEADER = 58;
const LEGEND_ROW = 22;
const FOOTER = 30;
/** The whole graph is drawn on a square this many px wide before it is cropped to what it holds. */
const WHOLE_SPAN = 1100;
/** The contested ring's gap outside the disc, and its badge's radius (as on screen). */
export const RING_GAP = 4;
export const BADGE_R = 6.5;

type DisplayData = {
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string | null;
  hidden?: boolean;
  nodeLabel?: string;
  dimmed?: boolean;
  forceLabel?: boolean;
};
type EdgeDisplay = { color: string; size: number; hidden?: boolean; curvature?: number; type?: string };

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;
}

/** Builds the picture. `measure` gives a text's width at the label font (a canvas context's measureText). */
export function buildScene(sigma: Sigma, input: SceneInput, measure: (text: string, font: string) => number): Scene {
  const labelFont = `500 ${LABEL_PX}px ${FONT}`;
  const { width: vw, height: vh } = sigma.getDimensions();
  const pos = new Map<string, SceneNode & { inView: boolean }>();
  const graph = sigma.getGraph();
  graph.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id) as DisplayData | undefined;
    if (!d || d.hidden) return;
    let x: number, y: number, r: number, inView: boolean;
    if (input.area === 'view') {
      const v = sigma.framedGraphToViewport(d);
      r = sigma.scaleSize(d.size);
      ({ x, y } = v);
      inView = x >= -r && y >= -r && x <= vw + r && y <= vh + r;
    } else {
      x = d.x * WHOLE_SPAN;
      y = (1 - d.y) * WHOLE_SPAN;
      r = sigma.scaleSize(d.size, 1);
      inView = true;
    }
    if (!inView) return;
    const node: SceneNode & { inView: boolean } = { x, y, r, color: d.color, inView };
    if (d.nodeLabel && r >= GLYPH_MIN && !d.dimmed) node.glyph = d.nodeLabel;
    if (d.label && (input.area === 'whole' || input.labelled.has(id) || d.forceLabel)) node.label = shorten(d.label);
    if (input.contested?.has(id) && !d.dimmed) node.contested = true;
    pos.set(id, node);
  });
  // The whole graph has no label grid of its own: biggest nodes first, a label only where it fits.
  if (input.area === 'whole') thinLabels([...pos.values()], labelFont, measure);

  const edges: SceneEdge[] = [];
  graph.forEachEdge((id, _a, s, t) => {
    const a = pos.get(s);
    const b = pos.get(t);
    if (!a || !b || s === t) return;
    const d = sigma.getEdgeDisplayData(id) as EdgeDisplay | undefined;
    if (!d || d.hidden) return;
    const width = Math.max(1, input.area === 'view' ? sigma.scaleSize(d.size) : sigma.scaleSize(d.size, 1));
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const curv = d.type === 'curvedArrow' ? (d.curvature ?? 0) : 0;
    const c = curv
      ? { x: (a.x + b.x) / 2 + ((a.y - b.y) / len) * curv * len, y: (a.y + b.y) / 2 + ((b.x - a.x) / len) * curv * len }
      : undefined;
    const from = c ?? a;
    const angle = Math.atan2(b.y - from.y, b.x - from.x);
    const tip = { x: b.x - Math.cos(angle) * b.r, y: b.y - Math.sin(angle) * b.r, angle };
    edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, ...(c ? { c } : {}), color: d.color, width, tip });
  });

  // The frame: every disc and every label whole, plus a margin.
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const nodes = [...pos.values()];
  for (const n of nodes) {
    // A ring and its badge reach past the disc.
    const r = n.contested ? n.r + RING_GAP + BADGE_R : n.r;
    x0 = Math.min(x0, n.x - r);
    y0 = Math.min(y0, n.y - r, n.label ? n.y - LABEL_PX : Infinity);
    y1 = Math.max(y1, n.y + r, n.label ? n.y + LABEL_PX : -Infinity);
    x1 = Math.max(x1, n.x + r, n.x + n.r + (n.label ? 4 + measure(n.label, labelFont) : 0));
  }
  if (!nodes.length) [x0, y0, x1, y1] = [0, 0, 300, 120];
  const titleFont = `700 18px ${FONT}`;
  const textW = Math.max(measure(input.title, titleFont), measure(input.source, `400 11px ${FONT}`));
  const graphW = x1 - x0;
  const width = Math.ceil(Math.max(graphW, textW, 320) + MARGIN * 2);
  const perRow = Math.max(1, Math.floor((width - MARGIN * 2) / 150));
  const legendRows = Math.ceil(input.legend.length / perRow);
  const graphTop = HEADER;
  const legendY = graphTop + (y1 - y0) + MARGIN;
  const height = Math.ceil(legendY + legendRows * LEGEND_ROW + FOOTER + 8);
  const dx = MARGIN + (width - MARGIN * 2 - graphW) / 2 - x0;
  const dy = graphTop - y0;
  const shift = <T extends { x: number; y: number }>(p: T): T => ({ ...p, x: p.x + dx, y: p.y + dy });
  return {
    width,
    height,
    background: UI_COLORS[input.theme].background,
    textColor: DRAW_THEMES[input.theme].labelColor,
    mutedColor: input.theme === 'dark' ? '#9aa6b2' : '#5b6672',
    font: FONT,
    title: input.title,
    subtitle: input.subtitle,
    source: input.source,
    nodes: nodes.map(({ inView: _v, ...n }) => shift(n)),
    edges: edges.map((e) => ({
      ...e,
      x1: e.x1 + dx,
      y1: e.y1 + dy,
      x2: e.x2 + dx,
      y2: e.y2 + dy,
      ...(e.c ? { c: shift(e.c) } : {}),
      tip: shift(e.tip),
    })),
    legend: { rows: input.legend, y: legendY },
    contestedColor: input.theme === 'dark' ? '#ff6b6b' : '#d7263d',
    glyphColor: DRAW_THEMES[input.theme].glyphColor,
  };
}

/** Greedy label placement, biggest nodes first: a label that would overlap a placed one is dropped. */
function thinLabels(nodes: SceneNode[], font: string, measure: (t: string, f: string) => number): void {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const n of [...nodes].sort((a, b) => b.r - a.r)) {
    if (!n.label) continue;
    const box = {
      x0: n.x + n.r + 2,
      y0: n.y - LABEL_PX / 2 - 2,
      x1: n.x + n.r + 6 + measure(n.label, font),
      y1: n.y + LABEL_PX / 2 + 2,
    };
    if (placed.some((p) => p.x0 < box.x1 && box.x0 < p.x1 && p.y0 < box.y1 && box.y0 < p.y1)) delete n.label;
    else placed.push(box);
  }
}

export const SCENE_LAYOUT = { MARGIN, HEADER, LEGEND_ROW, FOOTER, LABEL_PX };
