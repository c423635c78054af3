/**
 * Pointer interaction with the graph: clicks (shift/ctrl/cmd adds to the selection), double-click,
 * right-click, hover, and dragging a node to pin it (sigma's documented drag pattern). Reports
 * intents through the callbacks; moves the dragged node in the render graph itself.
 */
import type { Coordinates } from 'sigma/types';
import type { LayoutRunner } from '../layout';
import type { ExplorerSigma, SigmaHost } from './sigma-controller';

export interface ControllerCallbacks {
  onClickNode(id: string, additive: boolean): void;
  onDoubleClickNode(id: string): void;
  onRightClickNode(id: string, at: Coordinates): void;
  onClickStage(): void;
  /** A node was dragged to a new place: pin it there. */
  onDragEnd(id: string): void;
  /** The pointer entered a node (also while dragging), or left it (null). */
  onHoverNode?(id: string | null): void;
  /** A relationship was clicked. */
  onClickEdge?(id: string): void;
  /** The pointer is over a relationship (viewport px), or left it (null). */
  onHoverEdge?(hover: { id: string; x: number; y: number } | null): void;
}

/** The pointer as sigma reports it; shared with the controller's frame bookkeeping. */
export interface PointerState {
  /** The node sigma itself holds as hovered (follows enter/leave even while dragging). */
  sigmaHovered: string | null;
  dragged: string | null;
}

export class InteractionController {
  private dragMoved = false;

  constructor(
    private readonly host: SigmaHost,
    private readonly pointer: PointerState,
    private readonly layout: LayoutRunner,
    private readonly cb: ControllerCallbacks,
    /** Shows (or clears) the hover highlight. */
    private readonly hover: (node: string | null) => void,
    /** Emphasises (or clears) the relationship under the pointer. */
    private readonly edgeHover: (edge: string | null) => void = () => {},
  ) {
    this.bind(host.sigma);
  }

  private bind(s: ExplorerSigma): void {
    const graph = this.host.graph;
    const pointer = this.pointer;
    s.on('enterNode', ({ node }) => {
      pointer.sigmaHovered = node;
      if (!pointer.dragged) this.hover(node);
      this.cb.onHoverNode?.(node);
    });
    s.on('leaveNode', () => {
      pointer.sigmaHovered = null;
      if (!pointer.dragged) this.hover(null);
      this.cb.onHoverNode?.(null);
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
    // Relationships: hover shows their card, a click opens them (sigma picks edges on its
    // picking layer; `enableEdgeEvents` in settings.ts).
    s.on('enterEdge', ({ edge, event }) => {
      if (pointer.dragged) return;
      this.edgeHover(edge);
      this.cb.onHoverEdge?.({ id: edge, x: event.x, y: event.y });
    });
    s.on('leaveEdge', () => {
      this.edgeHover(null);
      this.cb.onHoverEdge?.(null);
    });
    s.on('clickEdge', ({ edge }) => this.cb.onClickEdge?.(edge));

    s.on('downNode', ({ node }) => {
      pointer.dragged = node;
      this.dragMoved = false;
    });
    s.getMouseCaptor().on('mousemovebody', (e) => {
      if (!pointer.dragged) return;
      if (!graph.hasNode(pointer.dragged)) {
        pointer.dragged = null;
        return;
      }
      if (!this.dragMoved) {
        // The worker would fight the drag; stop it (positions so far are kept).
        this.layout.stop();
        this.dragMoved = true;
      }
      const pos = s.viewportToGraph(e);
      graph.mergeNodeAttributes(pointer.dragged, { x: pos.x, y: pos.y, fixed: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    s.getMouseCaptor().on('mouseup', () => {
      const node = pointer.dragged;
      pointer.dragged = null;
      if (node && this.dragMoved && graph.hasNode(node)) this.cb.onDragEnd(node);
      this.dragMoved = false;
    });
    s.getContainer().addEventListener('contextmenu', (e) => e.preventDefault());
  }
}
