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
});
