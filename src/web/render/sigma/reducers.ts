/**
 * Sigma's node and edge reducers, installed once per Sigma instance. They read the mutable
 * `RenderLook` below, which the controllers change in place (then repaint what it affects):
 * nothing is re-installed on a state change. Run per item per refresh: O(1) each.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ViewDecorations } from '../../core/filters/decorations';
import type { Theme } from '../../core/shell/actions';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from '../render-graph';
import { UI_COLORS } from '../style';

/** What the reducers read. Mutated in place; never a React state. */
export interface RenderLook {
  selected: Set<string>;
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Filters of the investigation views (time, sources…), replaced whole. */
  decorations: ViewDecorations;
  theme: Theme;
  /** Few nodes on screen: every (bright) node is labelled; the label grid only thins large views. */
  labelAll: boolean;
  /** Every node offers its caption and the label declutterer picks (the map). */
  declutter: boolean;
  /** The relationship under the pointer: drawn thicker, with its caption. */
  hoveredEdge: string | null;
}

/** Views of at most this many nodes label every node. */
export const LABEL_ALL_MAX_NODES = 50;

/** Edge size on a drawn path, next to a selected node, and under the pointer (sigma size units). */
const PATH_EDGE_SIZE = 2.6;
const SELECTED_EDGE_SIZE = 1.8;
const HOVERED_EDGE_SIZE = 3;

export function createReducers(look: RenderLook, graph: RenderGraph) {
  const nodeReducer = (node: string, data: RenderNodeAttributes): Partial<NodeDisplayData> => {
    // `data` is sigma's shallow copy of the attributes: safe to mutate, no allocation.
    const out = data as RenderNodeAttributes & {
      highlighted?: boolean;
      forceLabel?: boolean;
      dimmed?: boolean;
      hidden?: boolean;
    };
    const ownColor = data.color;
    const { path, selected, decorations: deco } = look;
    if (deco.hideNodes.has(node)) {
      out.hidden = true;
      return out as unknown as Partial<NodeDisplayData>;
    }
    if (deco.contested.has(node)) out.forceLabel = true;
    let bright = !deco.fadeNodes.has(node);
    if (path) bright = bright && path.nodes.has(node);
    if (!bright) {
      out.color = UI_COLORS[look.theme].dimNode;
      out.label = '';
      out.dimmed = true;
    } else if (path || look.labelAll || look.declutter) {
      out.forceLabel = true;
    }
    if (selected.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.dimmed = false;
      if (!bright) out.color = ownColor;
    }
    return out as unknown as Partial<NodeDisplayData>;
  };

  const edgeReducer = (edge: string, data: RenderEdgeAttributes): Partial<EdgeDisplayData> => {
    const out = data as RenderEdgeAttributes & { label?: string; hidden?: boolean };
    const { path, selected, decorations: deco } = look;
    if (deco.hideEdges.has(edge)) {
      out.hidden = true;
      return out as unknown as Partial<EdgeDisplayData>;
    }
    const width = deco.edgeWidth.get(edge);
    if (width !== undefined) out.size = width;
    if (!path && deco.fadeEdges.has(edge)) {
      out.color = UI_COLORS[look.theme].dimEdge;
    } else if (path) {
      if (path.edges.has(edge)) {
        out.label = data.caption;
        out.size = PATH_EDGE_SIZE;
        out.color = UI_COLORS[look.theme].highlightEdge;
      } else {
        out.color = UI_COLORS[look.theme].dimEdge;
      }
    } else if (selected.size && (selected.has(graph.source(edge)) || selected.has(graph.target(edge)))) {
      // (Ends looked up only when something is selected: this runs per edge on every re-index.)
      out.label = data.caption;
      out.size = SELECTED_EDGE_SIZE;
    }
    if (look.hoveredEdge === edge) {
      // A type whose caption is off is still named under the pointer.
      out.label = data.caption || data.relType;
      out.size = Math.max(out.size, HOVERED_EDGE_SIZE);
      out.color = UI_COLORS[look.theme].highlightEdge;
    }
    return out as unknown as Partial<EdgeDisplayData>;
  };

  return { nodeReducer, edgeReducer };
}
