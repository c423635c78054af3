/**
 * Owns the one Sigma instance of the page: created once (by GraphCanvas's effect), fed by the
 * render graph, never rebuilt on a state change. Reducers are installed once and read the
 * highlight state below; every change refreshes only the items it affects, without re-indexing.
 */
import Sigma from 'sigma';
import type { Coordinates, EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { DRAW_THEMES } from './draw';
import type { LayoutRunner } from './layout';
import type { RenderEdgeAttributes, RenderGraph, RenderNodeAttributes } from './render-graph';
import { createSigmaSettings } from './settings';
import { UI_COLORS, type Theme } from './style';
import { NO_DECORATIONS, type ViewDecorations } from '../views/decorations';

export interface ControllerCallbacks {
  onClickNode(id: string, additive: boolean): void;
  onDoubleClickNode(id: string): void;
  onRightClickNode(id: string, at: Coordinates): void;
  onClickStage(): void;
  /** A node was dragged to a new place: pin it there. */
  onDragEnd(id: string): void;
}

/** What the reducers read. Mutated in place; never a React state. */
interface Highlight {
  hovered: string | null;
  hoverNeighbours: Set<string>;
  selected: Set<string>;
  path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
}

export type ExplorerSigma = Sigma<RenderNodeAttributes, RenderEdgeAttributes>;

export class SigmaController {
  readonly sigma: ExplorerSigma;
  private readonly hl: Highlight = { hovered: null, hoverNeighbours: new Set(), selected: new Set(), path: null };
  private theme: Theme;
  /** Filters of the investigation views (time, sources…): read by the reducers, replaced whole. */
  private decorations: ViewDecorations = NO_DECORATIONS;
  private dragged: string | null = null;
  private dragMoved = false;
  /** Incremented after every frame; e2e tests wait on it instead of sleeping. */
  renders = 0;

  constructor(
    container: HTMLElement,
    private readonly graph: RenderGraph,
    theme: Theme,
    private readonly layout: LayoutRunner,
    private readonly cb: ControllerCallbacks,
  ) {
    this.theme = theme;
    const settings = createSigmaSettings(() => DRAW_THEMES[this.theme]);
    this.sigma = new Sigma(graph, container, {
      ...settings,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.bindEvents();
  }

  // ---------------------------------------------------------------- reducers (run per item)

  private reduceNode(node: string, data: RenderNodeAttributes): Partial<NodeDisplayData> {
    // `data` is sigma's shallow copy of the attributes: safe to mutate, no allocation.
    const out = data as RenderNodeAttributes & { highlighted?: boolean; forceLabel?: boolean; dimmed?: boolean; hidden?: boolean };
    const ownColor = data.color;
    const { hovered, hoverNeighbours, path, selected } = this.hl;
    const deco = this.decorations;
    if (deco.hideNodes.has(node)) {
      out.hidden = true;
      return out as unknown as Partial<NodeDisplayData>;
    }
    if (deco.contested.has(node)) out.forceLabel = true;
    let bright = !deco.fadeNodes.has(node);
    if (hovered) bright = node === hovered || hoverNeighbours.has(node);
    else if (path) bright = bright && path.nodes.has(node);
    if (!bright) {
      out.color = UI_COLORS[this.theme].dimNode;
      out.label = '';
      out.dimmed = true;
    } else if (hovered && node !== hovered) {
      out.forceLabel = true;
    } else if (path && !hovered) {
      out.forceLabel = true;
    }
    if (selected.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
      out.dimmed = false;
      if (!bright) out.color = ownColor;
    }
    return out as unknown as Partial<NodeDisplayData>;
  }

  private reduceEdge(edge: string, data: RenderEdgeAttributes): Partial<EdgeDisplayData> {
    const out = data as RenderEdgeAttributes & { label?: string; hidden?: boolean };
    const { hovered, path, selected } = this.hl;
    const deco = this.decorations;
    if (deco.hideEdges.has(edge)) {
      out.hidden = true;
      return out as unknown as Partial<EdgeDisplayData>;
    }
    const width = deco.edgeWidth.get(edge);
    if (width !== undefined) out.size = width;
    const s = this.graph.source(edge);
    const t = this.graph.target(edge);
    if (!hovered && !path && deco.fadeEdges.has(edge)) {
      out.color = UI_COLORS[this.theme].dimEdge;
    } else if (hovered) {
      if (s === hovered || t === hovered) {
        out.label = data.relType;
        out.size = 2;
      } else {
        out.color = UI_COLORS[this.theme].dimEdge;
      }
    } else if (path) {
      if (path.edges.has(edge)) {
        out.label = data.relType;
        out.size = 2.6;
        out.color = UI_COLORS[this.theme].highlightEdge;
      } else {
        out.color = UI_COLORS[this.theme].dimEdge;
      }
    } else if (selected.has(s) || selected.has(t)) {
      out.label = data.relType;
      out.size = 1.8;
    }
    return out as unknown as Partial<EdgeDisplayData>;
  }

  // ---------------------------------------------------------------- state changes

  /**
   * Re-runs the reducers on the given items (all when omitted) and repaints them, without
   * re-indexing. O(items). Falls back to a scheduled full refresh when sigma has not indexed
   * a just-added item yet.
   */
  private repaint(nodes?: string[], edges?: string[]): void {
    try {
      this.sigma.refresh({
        partialGraph: { nodes: nodes ?? this.graph.nodes(), edges: edges ?? this.graph.edges() },
        skipIndexation: true,
        schedule: true,
      });
    } catch {
      this.sigma.scheduleRefresh();
    }
  }

  /** Nodes and edges touching the given nodes (what a selection change affects). */
  private around(ids: Iterable<string>): { nodes: string[]; edges: string[] } {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const id of ids) {
      if (!this.graph.hasNode(id)) continue;
      nodes.add(id);
      this.graph.forEachEdge(id, (e) => {
        edges.add(e);
      });
    }
    return { nodes: [...nodes], edges: [...edges] };
  }

  private setHover(node: string | null): void {
    if (this.hl.hovered === node) return;
    this.hl.hovered = node;
    this.hl.hoverNeighbours = node && this.graph.hasNode(node) ? new Set(this.graph.neighbors(node)) : new Set();
    // Hover dims everything else: all items change colour (but not position/size): no re-index.
    this.repaint();
  }

  setSelection(ids: readonly string[]): void {
    const next = new Set(ids.filter((id) => this.graph.hasNode(id)));
    const prev = this.hl.selected;
    if (next.size === prev.size && [...next].every((id) => prev.has(id))) return;
    this.hl.selected = next;
    if (this.hl.hovered || this.hl.path) return this.repaint();
    const { nodes, edges } = this.around([...prev, ...next]);
    this.repaint(nodes, edges);
  }

  setPath(path: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): void {
    if (this.hl.path === path) return;
    this.hl.path = path;
    this.repaint();
  }

  /**
   * Replaces the investigation views' decorations and repaints everything once (hidden flags
   * change what sigma indexes, so this re-indexes: O(nodes + edges)). Never re-installs reducers.
   */
  setDecorations(d: ViewDecorations): void {
    if (d === this.decorations) return;
    this.decorations = d;
    this.sigma.refresh();
  }

  getHighlight(): Readonly<Highlight> {
    return this.hl;
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    // Rare: the only place a setting changes after creation.
    this.sigma.setSetting('edgeLabelColor', { color: theme === 'dark' ? '#c7d0da' : '#4a5563' });
  }

  /** Call after the render graph changed; sigma already listens to graph events, this keeps the highlight sets coherent. */
  graphChanged(): void {
    const h = this.hl;
    if (h.hovered && !this.graph.hasNode(h.hovered)) {
      h.hovered = null;
      h.hoverNeighbours = new Set();
    } else if (h.hovered) {
      h.hoverNeighbours = new Set(this.graph.neighbors(h.hovered));
    }
    for (const id of [...h.selected]) if (!this.graph.hasNode(id)) h.selected.delete(id);
  }

  // ---------------------------------------------------------------- camera

  /** Animates the camera to a node. */
  focusNode(id: string, ratio = 0.6): void {
    const d = this.sigma.getNodeDisplayData(id);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 });
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 350 });
  }

  zoom(by: number): void {
    const cam = this.sigma.getCamera();
    if (by > 1) void cam.animatedZoom({ duration: 200, factor: by });
    else void cam.animatedUnzoom({ duration: 200, factor: 1 / by });
  }

  /** Viewport position of a node (e2e tests hover and click with it). */
  nodeViewportPosition(id: string): Coordinates | null {
    const d = this.sigma.getNodeDisplayData(id);
    return d ? this.sigma.framedGraphToViewport(d) : null;
  }

  // ---------------------------------------------------------------- events

  private bindEvents(): void {
    const s = this.sigma;
    s.on('enterNode', ({ node }) => {
      if (!this.dragged) this.setHover(node);
    });
    s.on('leaveNode', () => {
      if (!this.dragged) this.setHover(null);
    });
    s.on('clickNode', ({ node, event }) => {
      const e = event.original as MouseEvent;
      this.cb.onClickNode(node, !!(e.shiftKey || e.metaKey || e.ctrlKey));
    });
    s.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      this.cb.onDoubleClickNode(node);
    });
    s.on('rightClickNode', ({ node, event }) => {
      (event.original as MouseEvent).preventDefault();
      this.cb.onRightClickNode(node, { x: event.x, y: event.y });
    });
    s.on('clickStage', () => this.cb.onClickStage());
    s.on('afterRender', () => {
      this.renders++;
    });

    // Drag to move and pin (sigma's documented drag pattern).
    s.on('downNode', ({ node }) => {
      this.dragged = node;
      this.dragMoved = false;
    });
    s.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      if (!this.dragMoved) {
        // The worker would fight the drag; stop it (positions so far are kept).
        this.layout.stop();
        this.dragMoved = true;
      }
      const pos = s.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: pos.x, y: pos.y, fixed: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    const end = () => {
      const node = this.dragged;
      this.dragged = null;
      if (node && this.dragMoved && this.graph.hasNode(node)) this.cb.onDragEnd(node);
      this.dragMoved = false;
    };
    s.getMouseCaptor().on('mouseup', end);
    s.getContainer().addEventListener('contextmenu', (e) => e.preventDefault());
  }

  kill(): void {
    this.sigma.kill();
  }
}
