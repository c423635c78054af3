/**
 * What a graph export holds: exactly what the view shows. The canvas draws the visible graph
 * (hidden nodes and legend labels off removed) minus what the investigation filters hide
 * (single-source facts, "as reported by", a brush set to hide, mentions on the map): every file
 * takes the same set from here, and records which filters were on, so two exports of one view
 * agree with each other and with the screen. Pure; unit-tested.
 */
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import type { InvestigationFilters } from '../filters/filter';
import type { DateRange } from '../timeline/time-filter';
import { nodeRef, visibleGraph, type GraphState, type VisibleGraph } from './graph-store';

/** Which filters shaped the exported view, and what of the loaded graph they left out. */
export interface ViewRecord {
  /** The view's name in the history ("Overview", "Query: …"). */
  title: string;
  canvas: 'graph' | 'map';
  hideSingleSource: boolean;
  timeRange: DateRange | null;
  /** What the brush does to items outside the range: left out of the file, or kept (faded on screen). */
  outsideRange: 'left out' | 'faded, included' | null;
  asReportedBy: string | null;
  hiddenLabels: string[];
  /** Nodes the analyst hid (their `id` key, else element id). */
  hiddenNodes: string[];
  /** Loaded but not in the file (hidden on screen). */
  leftOut: { nodes: number; relationships: number };
}

export interface ExportView {
  filters: InvestigationFilters;
  hiddenLabels: ReadonlySet<string>;
  canvas: 'graph' | 'map';
  title: string;
  /** What the renderer hides on top of the visible graph (the view's decorations). */
  hide: { hideNodes: ReadonlySet<string>; hideEdges: ReadonlySet<string> };
}

/** The graph every export writes (the view as shown) and the record of how it was filtered. O(nodes + edges). */
export function exportSet(state: GraphState, view: ExportView): { graph: VisibleGraph; view: ViewRecord } {
  const visible = visibleGraph(state, view.hiddenLabels);
  const { hideNodes, hideEdges } = view.hide;
  const nodes: GraphNode[] = visible.nodes.filter((n) => !hideNodes.has(n.id));
  const kept = new Set(nodes.map((n) => n.id));
  const edges: GraphEdge[] = visible.edges.filter(
    (e) => !hideEdges.has(e.id) && kept.has(e.source) && kept.has(e.target),
  );
  const f = view.filters;
  const hiddenNodes: string[] = [];
  for (const id of state.hidden) {
    const n = state.nodes.get(id);
    if (n) hiddenNodes.push(nodeRef(n));
  }
  return {
    graph: { nodes, edges },
    view: {
      title: view.title,
      canvas: view.canvas,
      hideSingleSource: f.hideSingleSource,
      timeRange: f.range,
      outsideRange: f.range ? (f.hideOutside ? 'left out' : 'faded, included') : null,
      asReportedBy: f.asOf,
      hiddenLabels: [...view.hiddenLabels].sort(),
      hiddenNodes,
      leftOut: { nodes: state.nodes.size - nodes.length, relationships: state.edges.size - edges.length },
    },
  };
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/** The filters that are on, in words (a picture's subtitle lists them). */
export function filtersOn(v: ViewRecord): string[] {
  const on: string[] = [];
  if (v.hideSingleSource) on.push('single-source facts hidden');
  if (v.asReportedBy) on.push(`as reported by ${v.asReportedBy}`);
  if (v.timeRange) on.push(`time range ${v.timeRange.from} to ${v.timeRange.to} (outside it ${v.outsideRange})`);
  if (v.hiddenLabels.length) on.push(`labels off: ${v.hiddenLabels.join(', ')}`);
  if (v.hiddenNodes.length) on.push(`hidden: ${v.hiddenNodes.join(', ')}`);
  if (v.canvas === 'map') on.push('map (mentions not drawn)');
  return on;
}

/** The record in one line, for a GEXF description: the filters that are on and what they left out. */
export function describeView(v: ViewRecord): string {
  const on = filtersOn(v);
  const out = v.leftOut.nodes || v.leftOut.relationships;
  const left = out
    ? `; ${plural(v.leftOut.nodes, 'node')} and ${plural(v.leftOut.relationships, 'relationship')} loaded but hidden in the view are left out`
    : '';
  return `View “${v.title}”: ${on.length ? on.join('; ') : 'no filter'}${left}`;
}
