/**
 * Canvas 2D drawing of single edges and edge labels in viewport coordinates, matching sigma's
 * WebGL programs (straight arrow, @sigma/edge-curve curved arrow): used by the layers that draw
 * a few edges above or beside sigma's canvases. Cost per call: O(1) (O(label length) for labels).
 */
import { createDrawCurvedEdgeLabel, DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS } from '@sigma/edge-curve';
import type Sigma from 'sigma';
import { drawStraightEdgeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

/** A node as drawn on screen: viewport position (CSS px) and radius (px). */
export interface ScreenNode {
  key: string;
  x: number;
  y: number;
  size: number;
}

/** Sigma's arrow heads (DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS): length and width per edge thickness. */
const HEAD_LENGTH = 2.5;
const HEAD_WIDTH = 2;

/** Where sigma draws a node now, or null when it does not (unknown or hidden). O(1). */
export function screenNode(sigma: Sigma, key: string, data?: NodeDisplayData): ScreenNode | null {
  const d = data ?? sigma.getNodeDisplayData(key);
  if (!d || d.hidden) return null;
  const p = sigma.framedGraphToViewport(d);
  return { key, x: p.x, y: p.y, size: sigma.scaleSize(d.size) };
}

/** The quadratic curve's control point, as @sigma/edge-curve computes it (viewport, y down). */
function controlPoint(s: ScreenNode, t: ScreenNode, curvature: number): { x: number; y: number } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  return { x: (s.x + t.x) / 2 + dy * curvature, y: (s.y + t.y) / 2 - dx * curvature };
}

export interface EdgeShape {
  curved: boolean;
  curvature: number;
  color: string;
  /** Thickness in px. */
  width: number;
}

/** One edge, source → target, with an arrow head ending on the target's disc. */
export function drawEdgeShape(ctx: CanvasRenderingContext2D, s: ScreenNode, t: ScreenNode, e: EdgeShape): void {
  const cp = e.curved ? controlPoint(s, t, e.curvature) : null;
  // Direction into the target: from the control point (curves) or the source (lines).
  const fx = cp ? cp.x : s.x;
  const fy = cp ? cp.y : s.y;
  const len = Math.hypot(t.x - fx, t.y - fy);
  if (len < 1e-6) return;
  const ux = (t.x - fx) / len;
  const uy = (t.y - fy) / len;
  const tipX = t.x - ux * t.size;
  const tipY = t.y - uy * t.size;
  const headLen = e.width * HEAD_LENGTH;
  const baseX = tipX - ux * headLen;
  const baseY = tipY - uy * headLen;
  ctx.strokeStyle = e.color;
  ctx.fillStyle = e.color;
  ctx.lineWidth = e.width;
  ctx.beginPath();
  ctx.moveTo(s.x, s.y);
  if (cp) ctx.quadraticCurveTo(cp.x, cp.y, baseX, baseY);
  else ctx.lineTo(baseX, baseY);
  ctx.stroke();
  const half = (e.width * HEAD_WIDTH) / 2;
  ctx.beginPath();
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(baseX - uy * half, baseY + ux * half);
  ctx.lineTo(baseX + uy * half, baseY - ux * half);
  ctx.closePath();
  ctx.fill();
}

const drawCurvedEdgeLabel = createDrawCurvedEdgeLabel(DEFAULT_EDGE_CURVE_PROGRAM_OPTIONS);

/**
 * Sigma's own label drawers (straight or curved), reading font and colour from its settings. A
 * `curvedArrow` edge of curvature 0 (the middle one of an odd bunch of parallel edges) is drawn
 * straight by @sigma/edge-curve's program, so its label is written straight too (the curved
 * drawer would bend it by its default curvature, off the edge).
 */
export function drawEdgeLabel(
  ctx: CanvasRenderingContext2D,
  edge: Pick<EdgeDisplayData, 'label' | 'size'> & { key: string; type?: string; curvature?: number },
  s: ScreenNode,
  t: ScreenNode,
  settings: Settings,
): void {
  if (!edge.label) return;
  const data = {
    ...edge,
    color: '',
    hidden: false,
    forceLabel: true,
    zIndex: 0,
    type: edge.type ?? 'arrow',
  } as EdgeDisplayData & { key: string; curvature?: number };
  if (edge.type === 'curvedArrow' && edge.curvature !== 0)
    drawCurvedEdgeLabel(ctx, data, s as never, t as never, settings);
  else drawStraightEdgeLabel(ctx, data, s as never, t as never, settings);
}
