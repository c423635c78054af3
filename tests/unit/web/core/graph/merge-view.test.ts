import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { graphOf, redo, undo } from '../../../../../src/web/core/history/actions';
import { mergedView, unmergedView } from '../../../../../src/web/core/graph/merge-view';
import { stateWith } from '../state';

const node = (id: string, name: string): GraphNode => ({
  id: `e:${id}`,
  key: id,
  labels: ['Person', 'Entity'],
  caption: name,
  properties: { id, name },
});
const edge = (id: string, source: GraphNode, target: GraphNode): GraphEdge => ({
  id,
  source: source.id,
  target: target.id,
  type: 'GOVERNOR_OF',
  properties: {},
});
const gov = node('gladkov', 'Vyacheslav Gladkov');
const dup = node('v-gladkov', 'V. Gladkov');
const region = node('belgorod', 'Belgorod region');
const claim = node('claim', 'A claim');

describe('a merge drawn at once', () => {
  it('drops the duplicate and draws its moved relationships on the survivor, as one undoable step', () => {
    let s = stateWith({ nodes: [gov, dup, region], edges: [edge('r:old', dup, region)] });
    const steps = s.history.past.length;
    const moved = { nodes: [gov, region, claim], edges: [edge('r:new', gov, region), edge('r:about', claim, gov)] };
    s = mergedView({ duplicate: dup.id, survivor: gov.id, moved, title: 'Merged V. Gladkov', ref: 'gladkov' })(s);
    const g = graphOf(s);
    expect(g.nodes.has(dup.id)).toBe(false);
    expect(g.edges.has('r:old')).toBe(false);
    expect([...g.edges.keys()].sort()).toEqual(['r:about', 'r:new']);
    expect(g.nodes.has(claim.id)).toBe(true);
    expect(s.history.past.length).toBe(steps + 1);
    // Undo takes the drawn relationships away; the deleted duplicate stays gone.
    const back = graphOf(undo()(s));
    expect(back.nodes.has(dup.id)).toBe(false);
    expect(back.nodes.has(claim.id)).toBe(false);
    expect(back.edges.size).toBe(0);
    expect([...graphOf(redo()(undo()(s))).edges.keys()].sort()).toEqual(['r:about', 'r:new']);
  });

  it('puts the survivor, with the moved relationships, in place of a duplicate drawn without it', () => {
    const s0 = stateWith({ nodes: [dup, region], edges: [edge('r:old', dup, region)] });
    const moved = { nodes: [gov, region], edges: [edge('r:new', gov, region)] };
    const s = mergedView({ duplicate: dup.id, survivor: gov.id, moved, title: 'Merged', ref: 'gladkov' })(s0);
    expect(s.history.past.length).toBe(s0.history.past.length + 1);
    expect([...graphOf(s).nodes.keys()].sort()).toEqual([gov.id, region.id].sort());
    expect([...graphOf(s).edges.keys()]).toEqual(['r:new']);
    // With no relationship moved, the survivor still takes the duplicate's place.
    const alone = mergedView({
      duplicate: dup.id,
      survivor: gov.id,
      moved: { nodes: [gov], edges: [] },
      title: 'Merged',
      ref: 'gladkov',
    })(stateWith({ nodes: [dup, region], edges: [] }));
    expect([...graphOf(alone).nodes.keys()].sort()).toEqual([gov.id, region.id].sort());
    // Undo takes the survivor away again; the deleted duplicate stays gone.
    expect([...graphOf(undo()(s)).nodes.keys()]).toEqual([region.id]);
  });

  it('draws nothing when neither the survivor nor the duplicate is on the canvas', () => {
    const s0 = stateWith({ nodes: [region], edges: [] });
    const moved = { nodes: [gov, region], edges: [edge('r:new', gov, region)] };
    const s = mergedView({ duplicate: dup.id, survivor: gov.id, moved, title: 'Merged', ref: 'gladkov' })(s0);
    expect(s.history.past.length).toBe(s0.history.past.length);
    expect([...graphOf(s).nodes.keys()]).toEqual([region.id]);
  });
});

describe('an undone merge drawn at once', () => {
  it('drops the relationships that moved back everywhere and draws the duplicate with its own, as one step', () => {
    let s = stateWith({ nodes: [gov, region], edges: [edge('r:new', gov, region)] });
    const steps = s.history.past.length;
    const restored = { nodes: [dup, region, gov], edges: [edge('r:back', dup, region), edge('r:between', dup, gov)] };
    s = unmergedView({ survivor: gov.id, removed: ['r:new'], restored, title: 'Undid the merge', ref: 'v-gladkov' })(s);
    const g = graphOf(s);
    expect(g.nodes.has(dup.id)).toBe(true);
    expect([...g.edges.keys()].sort()).toEqual(['r:back', 'r:between']);
    expect(s.history.past.length).toBe(steps + 1);
    // Undo hides the duplicate again; the deleted relationship does not come back.
    const back = graphOf(undo()(s));
    expect(back.nodes.has(dup.id)).toBe(false);
    expect(back.edges.has('r:new')).toBe(false);
    expect(back.nodes.has(region.id)).toBe(true);
  });
});
