/**
 * The exported picture (scene.ts) as a PNG canvas at 2× or 3×, or as an SVG document: the same
 * shapes in the same order — edges, nodes with their glyphs, labels, title, legend, source line.
 * O(shapes).
 */
import { labelStyle } from '../style';
import { BADGE_R, RING_GAP, SCENE_LAYOUT, type Scene, type SceneEdge, type SceneNode } from './scene';

const { MARGIN, LEGEND_ROW, LABEL_PX } = SCENE_LAYOUT;
const ARROW = 7;

function arrowPoints(e: SceneEdge): [number, number][] {
  const { x, y, angle } = e.tip;
  const size = ARROW + e.width;
  return [
    [x, y],
    [x - Math.cos(angle - 0.45) * size, y - Math.sin(angle - 0.45) * size],
    [x - Math.cos(angle + 0.45) * size, y - Math.sin(angle + 0.45) * size],
  ];
}

/** A contested node's dashed ring and its "!" badge at the upper right, as the marker layer draws them. */
function ringOf(n: SceneNode): { r: number; bx: number; by: number } {
  const r = n.r + RING_GAP;
  return { r, bx: n.x + r * 0.75, by: n.y - r * 0.75 };
}

function legendCells(scene: Scene): { x: number; y: number; row: Scene['legend']['rows'][number] }[] {
  const perRow = Math.max(1, Math.floor((scene.width - MARGIN * 2) / 150));
  return scene.legend.rows.map((row, i) => ({
    x: MARGIN + (i % perRow) * 150,
    y: scene.legend.y + Math.floor(i / perRow) * LEGEND_ROW,
    row,
  }));
}

/** Draws the scene on a canvas `scale` times its size in CSS px. */
export function drawSceneOnCanvas(scene: Scene, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(scene.width * scale);
  canvas.height = Math.round(scene.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  ctx.lineCap = 'round';
  for (const e of scene.edges) {
    ctx.strokeStyle = e.color;
    ctx.fillStyle = e.color;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    if (e.c) ctx.quadraticCurveTo(e.c.x, e.c.y, e.tip.x, e.tip.y);
    else ctx.lineTo(e.tip.x, e.tip.y);
    ctx.stroke();
    const [a, b, c] = arrowPoints(e);
    ctx.beginPath();
    ctx.moveTo(...a!);
    ctx.lineTo(...b!);
    ctx.lineTo(...c!);
    ctx.fill();
  }
  const glyph = (label: string, x: number, y: number, size: number, color: string) => {
    ctx.save();
    ctx.translate(x - size / 2, y - size / 2);
    ctx.scale(size / 24, size / 24);
    ctx.fillStyle = color;
    ctx.fill(new Path2D(labelStyle(label).glyph), 'evenodd');
    ctx.restore();
  };
  for (const n of scene.nodes) {
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, Math.PI * 2);
    ctx.fillStyle = n.color;
    ctx.fill();
    if (n.glyph) glyph(n.glyph, n.x, n.y, n.r * 1.15, scene.glyphColor);
  }
  for (const n of scene.nodes) {
    if (!n.contested) continue;
    const { r, bx, by } = ringOf(n);
    ctx.strokeStyle = scene.contestedColor;
    ctx.lineWidth = 2.5;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.arc(n.x, n.y, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(bx, by, BADGE_R, 0, Math.PI * 2);
    ctx.fillStyle = scene.contestedColor;
    ctx.fill();
    ctx.font = `700 9px ${scene.font}`;
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'center';
    ctx.fillText('!', bx, by + 3);
    ctx.textAlign = 'start';
  }
  ctx.font = `500 ${LABEL_PX}px ${scene.font}`;
  ctx.fillStyle = scene.textColor;
  for (const n of scene.nodes) if (n.label) ctx.fillText(n.label, n.x + n.r + 4, n.y + LABEL_PX / 3);
  ctx.font = `700 18px ${scene.font}`;
  ctx.fillText(scene.title, MARGIN, 30);
  ctx.font = `400 12px ${scene.font}`;
  ctx.fillStyle = scene.mutedColor;
  ctx.fillText(scene.subtitle, MARGIN, 48);
  for (const { x, y, row } of legendCells(scene)) {
    if (row.contested) {
      ctx.strokeStyle = scene.contestedColor;
      ctx.lineWidth = 1.6;
      ctx.setLineDash([2.6, 2]);
      ctx.beginPath();
      ctx.arc(x + 8, y + 8, 6.5, 0, Math.PI * 2);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.beginPath();
      ctx.arc(x + 8, y + 8, 8, 0, Math.PI * 2);
      ctx.fillStyle = row.color;
      ctx.fill();
      if (row.glyph) glyph(row.glyph, x + 8, y + 8, 11, scene.glyphColor);
    }
    ctx.font = `400 12px ${scene.font}`;
    ctx.fillStyle = scene.textColor;
    ctx.fillText(row.text, x + 22, y + 12);
  }
  ctx.font = `400 11px ${scene.font}`;
  ctx.fillStyle = scene.mutedColor;
  ctx.fillText(scene.source, MARGIN, scene.height - 14);
  return canvas;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n2 = (v: number) => Math.round(v * 100) / 100;

/** The scene as a standalone SVG document (text stays text: searchable, editable). */
export function sceneToSvg(scene: Scene): string {
  const out: string[] = [];
  const font = esc(scene.font);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${font}">`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
    '<g stroke-linecap="round">',
  );
  for (const e of scene.edges) {
    const d = e.c
      ? `M${n2(e.x1)} ${n2(e.y1)}Q${n2(e.c.x)} ${n2(e.c.y)} ${n2(e.tip.x)} ${n2(e.tip.y)}`
      : `M${n2(e.x1)} ${n2(e.y1)}L${n2(e.tip.x)} ${n2(e.tip.y)}`;
    const tri = arrowPoints(e)
      .map(([x, y]) => `${n2(x)},${n2(y)}`)
      .join(' ');
    out.push(`<path d="${d}" stroke="${e.color}" stroke-width="${n2(e.width)}" fill="none"/>`);
    out.push(`<polygon points="${tri}" fill="${e.color}"/>`);
  }
  out.push('</g><g>');
  const glyph = (label: string, x: number, y: number, size: number) =>
    `<path d="${labelStyle(label).glyph}" fill="${scene.glyphColor}" fill-rule="evenodd" transform="translate(${n2(x - size / 2)} ${n2(y - size / 2)}) scale(${n2(size / 24)})"/>`;
  for (const n of scene.nodes) {
    out.push(`<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(n.r)}" fill="${n.color}"/>`);
    if (n.glyph) out.push(glyph(n.glyph, n.x, n.y, n.r * 1.15));
  }
  for (const n of scene.nodes) {
    if (!n.contested) continue;
    const { r, bx, by } = ringOf(n);
    out.push(
      `<circle cx="${n2(n.x)}" cy="${n2(n.y)}" r="${n2(r)}" fill="none" stroke="${scene.contestedColor}" stroke-width="2.5" stroke-dasharray="4 3"/>`,
      `<circle cx="${n2(bx)}" cy="${n2(by)}" r="${BADGE_R}" fill="${scene.contestedColor}"/>`,
      `<text x="${n2(bx)}" y="${n2(by + 3)}" font-size="9" font-weight="700" fill="#fff" text-anchor="middle">!</text>`,
    );
  }
  out.push(`</g><g font-size="${LABEL_PX}" font-weight="500" fill="${scene.textColor}">`);
  for (const n of scene.nodes)
    if (n.label) out.push(`<text x="${n2(n.x + n.r + 4)}" y="${n2(n.y + LABEL_PX / 3)}">${esc(n.label)}</text>`);
  out.push('</g>');
  out.push(
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="700" fill="${scene.textColor}">${esc(scene.title)}</text>`,
  );
  out.push(`<text x="${MARGIN}" y="48" font-size="12" fill="${scene.mutedColor}">${esc(scene.subtitle)}</text>`);
  for (const { x, y, row } of legendCells(scene)) {
    if (row.contested)
      out.push(
        `<circle cx="${x + 8}" cy="${y + 8}" r="6.5" fill="none" stroke="${scene.contestedColor}" stroke-width="1.6" stroke-dasharray="2.6 2"/>`,
      );
    else {
      out.push(`<circle cx="${x + 8}" cy="${y + 8}" r="8" fill="${row.color}"/>`);
      if (row.glyph) out.push(glyph(row.glyph, x + 8, y + 8, 11));
    }
    out.push(`<text x="${x + 22}" y="${y + 12}" font-size="12" fill="${scene.textColor}">${esc(row.text)}</text>`);
  }
  out.push(
    `<text x="${MARGIN}" y="${scene.height - 14}" font-size="11" fill="${scene.mutedColor}">${esc(scene.source)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
