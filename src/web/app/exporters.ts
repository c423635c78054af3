/**
 * Exports of the current view: PNG at 2× or 3× and SVG (the whole graph or the view, with
 * title, legend and source line: render/export/), GEXF (opens in Gephi, with positions, colours,
 * sizes and every Neo4j property), JSON (the graph payload plus positions), CSV of a result
 * table. Loaded on demand: the writers and the GEXF writer are not in the first bundle.
 */
import { MultiDirectedGraph } from 'graphology';
import type { QueryResult } from '../../shared/api';
import type { Explorer } from './explorer';
import { primaryLabel, visibleGraph } from '../core/graph/graph-store';
import { labelColor, labelStyle } from '../render/style';
import { buildScene, type ExportArea, type LegendRow, type Scene } from '../render/export/scene';
import { drawSceneOnCanvas, sceneToSvg } from '../render/export/writers';
import { csvFileName, sortedRows, toCsv, truncationNote, type TableSort } from '../core/query/table';
import { citableFromProperties, formatOutlet } from '../ui/citation';
import { formatDate } from '../ui/format';

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** Saves a Blob through a temporary link (the browser's normal download). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ImageOptions {
  format: 'png' | 'svg';
  /** The whole graph, or what the view shows now. */
  area: ExportArea;
  /** PNG pixels per CSS px. */
  scale: 2 | 3;
}

const measureCtx = (): CanvasRenderingContext2D => document.createElement('canvas').getContext('2d')!;

/** The picture of the graph: title, the graph (what sigma draws), legend, source line. */
export function imageScene(explorer: Explorer, area: ExportArea): Scene {
  const ctrl = explorer.sigmaController;
  if (!ctrl) throw new Error('The graph view is not available (no WebGL), so there is nothing to draw.');
  ctrl.ensureIndexed();
  const s = explorer.state;
  const g = s.history.present.state;
  const theme = s.theme;
  const legend: LegendRow[] = Object.entries(s.shown.byLabel)
    .filter(([l, n]) => n > 0 && !s.hiddenLabels.has(l))
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => ({ label: l, text: `${labelStyle(l).plural} ${n}`, color: labelColor(l, theme), glyph: l }));
  if (s.shown.contested)
    legend.push({ label: 'contested', text: `Contested ${s.shown.contested}`, color: '', contested: true });
  const outlets = new Set<string>();
  let articles = 0;
  for (const n of g.nodes.values()) {
    if (!n.labels.includes('Article')) continue;
    articles++;
    const outlet = formatOutlet(citableFromProperties(n.properties));
    if (outlet) outlets.add(outlet);
  }
  const day = formatDate(new Date().toISOString().slice(0, 10));
  const source =
    `Source: ${articles ? `${articles} article${articles === 1 ? '' : 's'}${outlets.size ? ` (${[...outlets].slice(0, 4).join(', ')}${outlets.size > 4 ? '…' : ''})` : ''}` : 'the connected Neo4j database'}` +
    ` · newsgraph explorer, exported ${day}`;
  const labelled = new Set((ctrl.sigma as unknown as { displayedNodeLabels: Set<string> }).displayedNodeLabels);
  const ctx = measureCtx();
  return buildScene(
    ctrl.sigma as unknown as Parameters<typeof buildScene>[0],
    {
      area,
      theme,
      title: s.history.present.title,
      subtitle: `${s.shown.nodes} nodes, ${s.shown.edges} relationships · ${area === 'view' ? 'the current view' : 'the whole graph'}`,
      source,
      legend,
      labelled,
    },
    (text, font) => {
      ctx.font = font;
      return ctx.measureText(text).width;
    },
  );
}

/** PNG (2× or 3×) or SVG of the whole graph or the view, with title, legend and source line. */
export async function exportImage(explorer: Explorer, opts: ImageOptions): Promise<void> {
  const scene = imageScene(explorer, opts.area);
  const name = `newsgraph-${opts.area}-${stamp()}`;
  if (opts.format === 'svg') {
    download(new Blob([sceneToSvg(scene)], { type: 'image/svg+xml' }), `${name}.svg`);
    return;
  }
  const canvas = drawSceneOnCanvas(scene, opts.scale);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the image.');
  download(blob, `${name}@${opts.scale}x.png`);
}

/** GEXF attribute values must be scalars: lists are joined, objects (points) serialised. */
function gexfValue(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(' | ');
  return JSON.stringify(v);
}

/** Builds the GEXF document (pure apart from reading the explorer): exported for tests too. */
export async function buildGexf(explorer: Explorer): Promise<string> {
  const { write } = await import('graphology-gexf/browser');
  const s = explorer.state;
  const v = visibleGraph(s.history.present.state, s.hiddenLabels);
  const g = new MultiDirectedGraph();
  for (const n of v.nodes) {
    const r = explorer.graph.hasNode(n.id) ? explorer.graph.getNodeAttributes(n.id) : null;
    const attrs: Record<string, string | number | boolean> = {
      labels: n.labels.join(';'),
      main_label: primaryLabel(n.labels),
      element_id: n.id,
    };
    if (n.key) attrs.key = n.key;
    for (const [k, val] of Object.entries(n.properties)) attrs[`p_${k}`] = gexfValue(val);
    g.addNode(n.id, {
      label: n.caption,
      x: r?.x ?? 0,
      y: r?.y ?? 0,
      size: r?.size ?? 5,
      color: r?.color ?? '#999999',
      ...attrs,
    });
  }
  for (const e of v.edges) {
    const attrs: Record<string, string | number | boolean> = { type: e.type };
    for (const [k, val] of Object.entries(e.properties)) attrs[`p_${k}`] = gexfValue(val);
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, { label: e.type, ...attrs });
  }
  return write(g, {
    version: '1.3',
    formatNode: (_key, a) => {
      const { label, x, y, size, color, ...rest } = a as Record<string, string | number | boolean>;
      return {
        label: String(label),
        attributes: rest,
        viz: { x: Number(x), y: Number(y), size: Number(size), color: String(color) },
      };
    },
    formatEdge: (_key, a) => {
      const { label, ...rest } = a as Record<string, string | number | boolean>;
      return { label: String(label), attributes: rest };
    },
  });
}

export async function exportGexf(explorer: Explorer): Promise<void> {
  const xml = await buildGexf(explorer);
  download(new Blob([xml], { type: 'application/gexf+xml' }), `newsgraph-${stamp()}.gexf`);
}

export function exportJson(explorer: Explorer): void {
  const s = explorer.state;
  const v = visibleGraph(s.history.present.state, s.hiddenLabels);
  const positions: Record<string, { x: number; y: number }> = {};
  explorer.graph.forEachNode((id, a) => {
    positions[id] = { x: a.x, y: a.y };
  });
  const doc = { exportedAt: new Date().toISOString(), nodes: v.nodes, edges: v.edges, positions };
  download(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }), `newsgraph-${stamp()}.json`);
}

/** The result table as CSV, in the order the table shows it (its sort); a truncated one says so. */
export function exportCsv(result: QueryResult, title: string | null, sort: TableSort | null = null): void {
  const rows = sortedRows(result.table.rows, sort);
  download(
    new Blob([toCsv(result.table.columns, rows, truncationNote(result.summary))], { type: 'text/csv;charset=utf-8' }),
    csvFileName(title, result.summary, stamp()),
  );
}
