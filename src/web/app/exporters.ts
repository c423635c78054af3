/**
 * Exports of the current view: PNG (sigma's layers composited), GEXF (opens in Gephi, with
 * positions, colours, sizes and every Neo4j property), JSON (the graph payload plus positions),
 * CSV of a result table. Loaded on demand: @sigma/export-image and the GEXF writer are not in
 * the first bundle.
 */
import { MultiDirectedGraph } from 'graphology';
import type { QueryResult } from '../../shared/api';
import type { Explorer } from './explorer';
import { primaryLabel, visibleGraph } from '../core/graph/graph-store';
import { UI_COLORS } from '../render/style';
import { toCsv } from '../core/query/table';

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

export async function exportPng(explorer: Explorer): Promise<void> {
  const sigma = explorer.sigmaController?.sigma;
  if (!sigma) throw new Error('The graph view is not available (no WebGL), so there is nothing to draw.');
  const { toBlob } = await import('@sigma/export-image');
  const blob = await toBlob(sigma as unknown as Parameters<typeof toBlob>[0], {
    format: 'png',
    backgroundColor: UI_COLORS[explorer.state.theme].background,
  });
  download(blob, `newsgraph-${stamp()}.png`);
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

export function exportCsv(result: QueryResult, title: string | null): void {
  const name =
    (title ?? 'result')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'result';
  download(
    new Blob([toCsv(result.table.columns, result.table.rows)], { type: 'text/csv;charset=utf-8' }),
    `${name}-${stamp()}.csv`,
  );
}
