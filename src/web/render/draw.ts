/**
 * Canvas 2D drawing of node labels and hover boxes: the label's glyph inside the node disc, the
 * caption beside it, theme-aware hover boxes (sigma's default box is always white).
 * Called by sigma for the nodes its label grid keeps, so the cost is per displayed label.
 */
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { labelStyle } from './style';
import type { Theme } from '../core/shell/actions';

export type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { nodeLabel?: string };

const glyphCache = new Map<string, Path2D>();
function glyphPath(label: string): Path2D {
  let p = glyphCache.get(label);
  if (!p) {
    p = new Path2D(labelStyle(label).glyph);
    glyphCache.set(label, p);
  }
  return p;
}

/** Draws the 24×24 glyph of a label centred at (x, y), `size` px wide. */
export function drawGlyph(
  ctx: CanvasRenderingContext2D,
  label: string,
  x: number,
  y: number,
  size: number,
  color: string,
): void {
  const s = size / 24;
  ctx.save();
  ctx.translate(x - size / 2, y - size / 2);
  ctx.scale(s, s);
  ctx.fillStyle = color;
  ctx.fill(glyphPath(label), 'evenodd');
  ctx.restore();
}

/** Nodes at least this large on screen get their glyph drawn inside. */
const GLYPH_MIN_NODE_SIZE = 7;

export interface DrawTheme {
  theme: Theme;
  labelColor: string;
  hoverBackground: string;
  hoverShadow: string;
  glyphColor: string;
}

export const DRAW_THEMES: Record<Theme, DrawTheme> = {
  light: {
    theme: 'light',
    labelColor: '#1d232b',
    hoverBackground: '#ffffff',
    hoverShadow: 'rgba(0,0,0,0.35)',
    glyphColor: 'rgba(255,255,255,0.95)',
  },
  dark: {
    theme: 'dark',
    labelColor: '#e6eaf0',
    hoverBackground: '#232a33',
    hoverShadow: 'rgba(0,0,0,0.8)',
    glyphColor: 'rgba(10,14,18,0.85)',
  },
};

/** The settings the drawers read (a structural subset, so any Settings<N, E, G> fits). */
export interface LabelSettings {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

export function labelFont(settings: LabelSettings): string {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

/**
 * Returns the label drawer; `theme()` is read on every call so a theme switch needs no new
 * settings object (sigma re-processes everything on setSetting).
 */
export function createDrawNodeLabel(theme: () => DrawTheme) {
  return (ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void => {
    const t = theme();
    if (data.nodeLabel && data.size >= GLYPH_MIN_NODE_SIZE && data.color !== undefined && !isDim(data)) {
      drawGlyph(ctx, data.nodeLabel, data.x, data.y, data.size * 1.15, t.glyphColor);
    }
    if (!data.label) return;
    ctx.font = labelFont(settings);
    ctx.fillStyle = t.labelColor;
    ctx.fillText(labelText(data.label), data.x + data.size + 4, data.y + settings.labelSize / 3);
  };
}

/** Long captions (claims, headlines) are cut on the canvas; the hover box shows them whole. */
const MAX_LABEL = 34;
export function labelText(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label;
}

/** Reducers mark dimmed nodes; their glyph is skipped so dimmed discs stay quiet. */
function isDim(data: LabelData): boolean {
  return (data as { dimmed?: boolean }).dimmed === true;
}

export function createDrawNodeHover(theme: () => DrawTheme) {
  const drawLabel = createDrawNodeLabel(theme);
  return (ctx: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void => {
    const t = theme();
    ctx.font = labelFont(settings);
    const PADDING = 3;
    const size = settings.labelSize;
    ctx.fillStyle = t.hoverBackground;
    ctx.shadowOffsetX = 0;
    ctx.shadowOffsetY = 1;
    ctx.shadowBlur = 10;
    ctx.shadowColor = t.hoverShadow;
    const radius = Math.max(data.size, size / 2) + PADDING;
    ctx.beginPath();
    if (data.label) {
      const textWidth = ctx.measureText(data.label).width;
      const boxWidth = Math.round(textWidth + 8);
      const boxHeight = Math.round(size + 2 * PADDING + 2);
      const angle = Math.asin(Math.min(1, boxHeight / 2 / radius));
      const dx = Math.sqrt(Math.abs(radius * radius - (boxHeight / 2) ** 2));
      ctx.moveTo(data.x + dx, data.y + boxHeight / 2);
      ctx.lineTo(data.x + radius + boxWidth, data.y + boxHeight / 2);
      ctx.lineTo(data.x + radius + boxWidth, data.y - boxHeight / 2);
      ctx.lineTo(data.x + dx, data.y - boxHeight / 2);
      ctx.arc(data.x, data.y, radius, angle, -angle);
    } else {
      ctx.arc(data.x, data.y, radius, 0, Math.PI * 2);
    }
    ctx.closePath();
    ctx.fill();
    ctx.shadowBlur = 0;
    ctx.shadowOffsetY = 0;
    drawLabel(ctx, { ...data, label: null }, settings);
    if (data.label) {
      ctx.fillStyle = t.labelColor;
      ctx.fillText(data.label, data.x + data.size + 4, data.y + settings.labelSize / 3);
    }
  };
}
