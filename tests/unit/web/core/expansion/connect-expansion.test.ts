import { describe, expect, it } from 'vitest';
import type { GraphPayload } from '../../../../../src/shared/graph';
import {
  EMPTY_GRAPH,
  addLayer,
  collapse,
  connectRequest,
  expand,
  expansionOf,
  hide,
  visibleGraph,
  type GraphState,
} from '../../../../../src/web/core/graph/graph-store';
import { back, commit, forward, startHistory } from '../../../../../src/web/core/history/history';
import { neo4jIds } from '../../../../support/fixtures';

// "Connect result nodes": the relationships POST /api/edges/between returns after an expansion
// join the expansion's layer, so undo and collapse take them away again.
const { node, edge } = neo4jIds;
const eids = (s: GraphState) => [...s.edges.keys()].map((k) => k.slice(5)).sort();
const nids = (s: GraphState) => [...s.nodes.keys()].map((k) => k.slice(5)).sort();

// On screen: Gladkov and Putin (no edge between them). Expanding Gladkov brings the region and
// the report; the report concerns the region, and Putin took part in the report.
const screen: GraphPayload = { nodes: [node('gladkov'), node('putin')], edges: [] };
const page: GraphPayload = {
  nodes: [node('gladkov'), node('region'), node('report')],
  edges: [
    edge('g-region', 'GOVERNOR_OF', 'gladkov', 'region'),
    edge('g-report', 'PARTICIPATED_IN', 'gladkov', 'report'),
  ],
};
const links = [
  edge('report-region', 'CONCERNS', 'report', 'region'), // new × new
  edge('putin-report', 'PARTICIPATED_IN', 'putin', 'report'), // existing × new
];
const G = '4:db:gladkov';

function start(): GraphState {
  return addLayer(EMPTY_GRAPH, screen, { kind: 'query', title: 'screen' });
}

describe('expansion with connecting edges', () => {
  it('adds the connecting edges to the expansion layer and draws them', () => {
    const s = expand(start(), G, page, {}, 'Expanded gladkov', links);
    expect(eids(s)).toEqual(['g-region', 'g-report', 'putin-report', 'report-region']);
    const layer = expansionOf(s, G)!;
    expect([...layer.edgeIds].sort()).toEqual([
      '5:db:g-region',
      '5:db:g-report',
      '5:db:putin-report',
      '5:db:report-region',
    ]);
    expect(
      visibleGraph(s)
        .edges.map((e) => e.id.slice(5))
        .sort(),
    ).toEqual(eids(s));
    // They do not count as the anchor's own relationships (paging stays exact).
    expect(layer.loaded).toEqual({ GOVERNOR_OF: 1, PARTICIPATED_IN: 1 });
  });

  it('drops connecting edges that touch the anchor (they belong to its "+N more" pages) or an unknown node', () => {
    const s = expand(start(), G, page, { GOVERNOR_OF: 3 }, 'x', [
      ...links,
      edge('g-region-2', 'GOVERNOR_OF', 'gladkov', 'region'),
      edge('report-ghost', 'CONCERNS', 'report', 'ghost'),
    ]);
    expect(eids(s)).toEqual(['g-region', 'g-report', 'putin-report', 'report-region']);
    expect(expansionOf(s, G)!.more).toEqual({ GOVERNOR_OF: 3 });
  });

  it('undo removes the connecting edges with the expansion; redo brings them back', () => {
    const s0 = start();
    let h = startHistory(s0, 'screen');
    h = commit(h, expand(s0, G, page, {}, 'Expanded gladkov', links), 'Expanded gladkov');
    h = back(h);
    expect(h.present.state).toBe(s0);
    expect(eids(h.present.state)).toEqual([]);
    expect(nids(h.present.state)).toEqual(['gladkov', 'putin']);
    h = forward(h);
    expect(eids(h.present.state)).toContain('putin-report');
  });

  it('collapse removes the connecting edges but keeps nodes and edges another layer holds', () => {
    const s1 = expand(start(), G, page, {}, 'Expanded gladkov', links);
    const c = collapse(s1, G);
    expect(nids(c)).toEqual(['gladkov', 'putin']);
    expect(eids(c)).toEqual([]);
    // A later query that also holds the report–region edge keeps it after the collapse.
    const withQuery = addLayer(
      s1,
      { nodes: [node('report'), node('region')], edges: [links[0]!] },
      { kind: 'query', title: 'q' },
    );
    expect(eids(collapse(withQuery, G))).toEqual(['report-region']);
  });

  it('a second page merges its connecting edges into the same layer; one collapse removes all', () => {
    const s1 = expand(start(), G, page, { MET: 1 }, 'p1', links);
    const page2: GraphPayload = {
      nodes: [node('gladkov'), node('mayor')],
      edges: [edge('g-mayor', 'MET', 'gladkov', 'mayor')],
    };
    const s2 = expand(s1, G, page2, { MET: 0 }, 'p2', [edge('mayor-region', 'LOCATED_IN', 'mayor', 'region')]);
    expect(eids(s2)).toContain('mayor-region');
    expect(s2.layers.filter((l) => l.kind === 'expand')).toHaveLength(1);
    expect(eids(collapse(s2, G))).toEqual([]);
  });
});

describe('connectRequest: what to ask /api/edges/between', () => {
  it('new nodes are those of the page not loaded yet; among is everything loaded, hidden included', () => {
    const s = hide(start(), ['4:db:putin']);
    const r = connectRequest(s, page, { nodes: 500, among: 4000 })!;
    expect(r.nodes.sort()).toEqual(['4:db:region', '4:db:report']);
    expect(r.among.sort()).toEqual(['4:db:gladkov', '4:db:putin']);
    expect(r.cut).toBe(false);
  });

  it('null when the page brings nothing new', () => {
    expect(connectRequest(start(), screen, { nodes: 500, among: 4000 })).toBeNull();
  });

  it('cuts both lists to the caps and says so', () => {
    const big: GraphPayload = { nodes: Array.from({ length: 7 }, (_, i) => node(`n${i}`)), edges: [] };
    const r = connectRequest(start(), big, { nodes: 5, among: 1 })!;
    expect(r.nodes).toHaveLength(5);
    expect(r.among).toHaveLength(1);
    expect(r.cut).toBe(true);
  });

  it('takes the first loaded nodes up to the cap, and says so when the view holds more', () => {
    const loaded = [...start().nodes.keys()];
    const r = connectRequest(start(), page, { nodes: 500, among: loaded.length - 1 })!;
    expect(r.among).toEqual(loaded.slice(0, -1));
    expect(r.cut).toBe(true);
    expect(connectRequest(start(), page, { nodes: 500, among: loaded.length })!.cut).toBe(false);
  });
});
