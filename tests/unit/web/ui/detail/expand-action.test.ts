import { describe, expect, it } from 'vitest';
import type { GraphPayload } from '../../../../../src/shared/graph';
import { EMPTY_GRAPH, addLayer, expand, hide, type GraphState } from '../../../../../src/web/core/graph/graph-store';
import { expandAction } from '../../../../../src/web/ui/detail/expand-action';
import { neo4jIds } from '../../../../support/fixtures';

const { node, edge } = neo4jIds;
const G = '4:db:gladkov';
const totals = { GOVERNOR_OF: 1, PARTICIPATED_IN: 2 };
const all: GraphPayload = {
  nodes: [node('gladkov'), node('region'), node('r1'), node('r2')],
  edges: [
    edge('g-region', 'GOVERNOR_OF', 'gladkov', 'region'),
    edge('g-r1', 'PARTICIPATED_IN', 'gladkov', 'r1'),
    edge('g-r2', 'PARTICIPATED_IN', 'gladkov', 'r2'),
  ],
};
const screen = (): GraphState =>
  addLayer(EMPTY_GRAPH, { nodes: [node('gladkov')], edges: [] }, { kind: 'query', title: 'q' });
const expandedFully = () => expand(screen(), G, all, {}, 'Expanded', [], { totals });

describe('the detail panel’s Expand button', () => {
  it('is the main action of a node not expanded yet', () => {
    expect(expandAction(screen(), G, 3)).toMatchObject({ label: 'Expand', count: '(3)', primary: true });
  });

  it('stops inviting a no-op once every relationship of the node is drawn', () => {
    const a = expandAction(expandedFully(), G, 3);
    expect(a.primary).toBe(false);
    expect(a.count).toBe('(all 3 shown)');
    expect(a.title).toMatch(/^All 3 relationships are already shown/);
  });

  it('stays the main action while there is more to load', () => {
    const page: GraphPayload = { nodes: all.nodes.slice(0, 3), edges: all.edges.slice(0, 2) };
    const part = expand(screen(), G, page, { PARTICIPATED_IN: 1 }, 'Expanded', [], { totals });
    expect(expandAction(part, G, 3)).toMatchObject({ label: 'Expand again', count: '(3)', primary: true });
  });

  it('stays the main action when it would bring something back or pick up something new', () => {
    // A neighbour hidden since: expanding again shows it.
    expect(expandAction(hide(expandedFully(), ['4:db:r1']), G, 3).primary).toBe(true);
    // The detail counts more relationships than the expansion did: some were added since.
    expect(expandAction(expandedFully(), G, 4).primary).toBe(true);
  });

  it('counts a self-loop as the detail does: once drawn, the node is all shown', () => {
    // The neighbours API counts the loop once; the detail's degree counts it out and in.
    const loop = edge('g-g', 'SAME_AS', 'gladkov', 'gladkov');
    const withLoop: GraphPayload = { nodes: all.nodes, edges: [...all.edges, loop] };
    const s = expand(screen(), G, withLoop, {}, 'Expanded', [], { totals: { ...totals, SAME_AS: 1 } });
    expect(expandAction(s, G, 5)).toMatchObject({ primary: false, count: '(all 4 shown)' });
    // One relationship more than that: added since.
    expect(expandAction(s, G, 6).primary).toBe(true);
  });

  it('asked again without a graph change, reads no edge (a render of the panel costs O(1))', () => {
    const s = hide(expandedFully(), ['4:db:r1']);
    let reads = 0;
    const edges = s.edges;
    const counted: GraphState = {
      ...s,
      edges: new Proxy(edges, {
        get(target, key) {
          if (key === 'values' || key === 'entries' || key === 'forEach' || key === Symbol.iterator) reads++;
          const v = Reflect.get(target, key, target) as unknown;
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }),
    };
    const first = expandAction(counted, G, 3);
    expect(first.primary).toBe(true); // a neighbour is hidden: expanding again shows it
    const read = reads;
    expect(read).toBeGreaterThan(0);
    expect(expandAction(counted, G, 3)).toEqual(first);
    expect(reads).toBe(read);
    // A new graph state (the hidden node back) is read afresh.
    expect(expandAction(expandedFully(), G, 3).primary).toBe(false);
  });
});
