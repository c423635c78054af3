/**
 * Exports of the current view: PNG at 2× or 3× and SVG (the whole graph or the view, with
 * title, legend and source line: render/export/), GEXF (opens in Gephi, with positions, colours,
 * sizes and every Neo4j property), JSON (the graph payload plus positions), CSV of a result
 * table. Every graph export holds what the view shows (core/graph/export-set.ts) and records its
 * filters; GEXF and JSON hold long values whole (fetched before writing: list payloads cut them).
 * Loaded on demand: the writers and the GEXF writer are not in the first bundle.
 */
import type { Explorer } from './explorer';
import type { VisibleGraph } from '../core/graph/graph-store';
import { exportSet, filtersOn } from '../core/graph/export-set';
import { articlesCited, queriesOf } from '../core/graph/export-about';
import { stillCut, withWholeValues } from '../core/graph/whole-values';
import { gexfOf, jsonOf, type Drawn, type GraphFileAbout } from './graph-files';
import { labelColor, labelStyle } from '../render/style';
import { buildScene, type ExportArea, type LegendRow, type Scene } from '../render/export/scene';
import { drawSceneOnCanvas, sceneToSvg } from '../render/export/writers';
import { csvFileName, sortedRows } from '../core/query/table';
import { paramsSlug, resultCsv } from '../core/query/csv';
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

/** The export set of the view as it is now: what every export writes (the picture: what sigma draws of it). */
function viewRecord(explorer: Explorer): ReturnType<typeof exportSet> {
  const s = explorer.state;
  return exportSet(s.history.present.state, {
    filters: s.filters,
    hiddenLabels: s.hiddenLabels,
    canvas: s.view.canvasMode,
    title: s.history.present.title,
    hide: explorer.decorations.decorations,
  });
}

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
  const filters = filtersOn(viewRecord(explorer).view);
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
      subtitle:
        `${s.shown.nodes} nodes, ${s.shown.edges} relationships · ${area === 'view' ? 'the current view' : 'the whole graph'}` +
        filters.map((f) => ` · ${f}`).join(''),
      source,
      legend,
      labelled,
      contested: explorer.decorations.decorations.contested,
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

/**
 * What the view shows (core/graph/export-set.ts: the same set for every graph file), with every
 * value a list payload cut fetched whole (GET /api/values), so the file holds what the database
 * holds; and where it came from. A value that could not be fetched (deleted since) keeps its
 * `clipped` mark: JSON carries it as is, GEXF as a `clipped` attribute.
 */
async function exported(explorer: Explorer): Promise<{ graph: VisibleGraph; about: GraphFileAbout }> {
  const s = explorer.state;
  const g = s.history.present.state;
  const set = viewRecord(explorer);
  const graph = await withWholeValues(set.graph, (q) => explorer.api.values(q));
  const about: GraphFileAbout = {
    view: set.view,
    queries: queriesOf(g),
    database: s.schema?.database ?? null,
    articles: articlesCited(graph.edges, g.nodes.values(), s.timeline.data?.articles ?? []),
  };
  return { graph, about };
}

const drawnBy =
  (explorer: Explorer): Drawn =>
  (id) =>
    explorer.graph.hasNode(id) ? (explorer.graph.getNodeAttributes(id) as ReturnType<Drawn>) : null;

/** GEXF of what the view shows, long values whole; returns how many values are still cut (see exported). */
export async function exportGexf(explorer: Explorer): Promise<number> {
  const { graph, about } = await exported(explorer);
  download(
    new Blob([await gexfOf(graph, drawnBy(explorer), about)], { type: 'application/gexf+xml' }),
    `newsgraph-${stamp()}.gexf`,
  );
  return stillCut(graph);
}

/** JSON of what the view shows, long values whole; returns how many values are still cut. */
export async function exportJson(explorer: Explorer): Promise<number> {
  const { graph, about } = await exported(explorer);
  const positions: Record<string, { x: number; y: number }> = {};
  const kept = new Set(graph.nodes.map((n) => n.id));
  explorer.graph.forEachNode((id, a) => {
    if (kept.has(id)) positions[id] = { x: a.x, y: a.y };
  });
  download(
    new Blob([jsonOf(graph, positions, new Date(), about)], { type: 'application/json' }),
    `newsgraph-${stamp()}.json`,
  );
  return stillCut(graph);
}

/**
 * The result table as CSV, in the order the table shows it (its sort), with node keys, relationship
 * ends and what was asked (core/query/csv.ts); a truncated one says so.
 */
export function exportCsv(explorer: Explorer): void {
  const s = explorer.state;
  const d = s.drawer;
  if (!d.result) return;
  const source = d.resultSource;
  const about = { title: d.resultTitle, source, database: s.schema?.database ?? null };
  download(
    new Blob([resultCsv(d.result, sortedRows(d.result.table.rows, d.sort), about)], { type: 'text/csv;charset=utf-8' }),
    csvFileName(d.resultTitle, d.result.summary, stamp(), source ? paramsSlug(source.params) : ''),
  );
}
