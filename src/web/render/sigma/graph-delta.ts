/**
 * What changed in the render graph while sigma's own graph listeners were detached (a batched
 * sync, a restyle, the pre-layout), recorded from graphology's events so that sigma re-runs its
 * reducers on those items only instead of on the whole graph. No sigma import: runs in Node tests.
 */

type Listener = (...args: unknown[]) => void;
interface Counted {
  readonly order: number;
  readonly size: number;
}

/** Bulk node updates that only move nodes: sigma's process() reads positions from the graph itself. */
const POSITION_FIELDS = new Set(['x', 'y']);

/** Beyond this many recorded items more than the graph's half, recording stops: everything is re-indexed. */
const SLACK = 1000;

export class GraphDelta {
  /** Nodes added or whose attributes changed. */
  readonly nodes = new Set<string>();
  readonly edges = new Set<string>();
  readonly droppedNodes = new Set<string>();
  readonly droppedEdges = new Set<string>();
  /** Every node's attributes may have changed (a bulk update other than positions). */
  nodesAll = false;
  /** Nodes moved (a bulk position update): sigma's index is current only after its full pass. */
  moved = false;
  /** Re-index everything: too much changed to track, or the graph was cleared. */
  full = false;

  size(): number {
    return this.nodes.size + this.edges.size + this.droppedNodes.size + this.droppedEdges.size;
  }

  /** Stops tracking items: the whole graph will be re-indexed. */
  private giveUp(): void {
    this.full = true;
    this.nodes.clear();
    this.edges.clear();
    this.droppedNodes.clear();
    this.droppedEdges.clear();
  }

  private record(set: Set<string>, key: string, graph: Counted): void {
    if (this.full) return;
    set.add(key);
    // (A fresh load adds the whole graph: tracking each item would only cost.)
    if (set.size > SLACK && this.size() > (graph.order + graph.size) / 2 + SLACK) this.giveUp();
  }

  /**
   * Graph-event listeners recording into the delta `current()` returns (the controller swaps in a
   * fresh one after each re-index). O(1) per event.
   */
  static listeners(current: () => GraphDelta, graph: Counted): Array<[string, Listener]> {
    const key = (p: unknown) => (p as { key: string }).key;
    const hinted = (p: unknown) => (p as { hints?: { attributes?: string[] } } | undefined)?.hints?.attributes;
    return [
      ['nodeAdded', (p) => current().record(current().nodes, key(p), graph)],
      ['nodeAttributesUpdated', (p) => current().record(current().nodes, key(p), graph)],
      ['nodeDropped', (p) => current().record(current().droppedNodes, key(p), graph)],
      ['edgeAdded', (p) => current().record(current().edges, key(p), graph)],
      ['edgeAttributesUpdated', (p) => current().record(current().edges, key(p), graph)],
      ['edgeDropped', (p) => current().record(current().droppedEdges, key(p), graph)],
      [
        'eachNodeAttributesUpdated',
        (p) => {
          const fields = hinted(p);
          if (!fields?.every((f) => POSITION_FIELDS.has(f))) current().nodesAll = true;
          else current().moved = true;
        },
      ],
      ['eachEdgeAttributesUpdated', () => current().giveUp()],
      ['edgesCleared', () => current().giveUp()],
      ['cleared', () => current().giveUp()],
    ];
  }
}
