import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { commitGraph, graphOf, redo, undo } from '../../../../../src/web/core/history/actions';
import { addLayer, hide } from '../../../../../src/web/core/graph/graph-store';
import { aroundPart, mergedView, repointedSource, unmergedView } from '../../../../../src/web/core/graph/merge-view';
import { decodeRecipe, encodeRecipe } from '../../../../../src/web/core/history/recipe';
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

// The duplicate comes back with a new element id; `back` is it, `far` an end never on the canvas.
const back = { ...dup, id: 'e:v-gladkov-again' };
const far = node('kharkiv', 'Kharkiv');
const restored = {
  nodes: [back, region, gov, far],
  edges: [edge('r:back', back, region), edge('r:between', back, gov), edge('r:far', back, far)],
};
const unmerge = (was?: string) =>
  unmergedView({
    survivor: gov.id,
    duplicate: back.id,
    ...(was ? { was } : {}),
    removed: ['r:new'],
    restored,
    title: 'Undid the merge',
    ref: 'v-gladkov',
  });
const merge = mergedView({
  duplicate: dup.id,
  survivor: gov.id,
  moved: { nodes: [gov, region], edges: [edge('r:new', gov, region)] },
  title: 'Merged',
  ref: 'gladkov',
});

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
    s = unmergedView({
      survivor: gov.id,
      duplicate: dup.id,
      removed: ['r:new'],
      restored,
      title: 'Undid the merge',
      ref: 'v-gladkov',
    })(s);
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

  it('brings the duplicate back as it was seen when the survivor was hidden since, the survivor left hidden', () => {
    let s = merge(stateWith({ nodes: [gov, dup, region], edges: [edge('r:old', dup, region)] }));
    s = commitGraph(hide(graphOf(s), [gov.id]), 'Hid Vyacheslav Gladkov')(s);
    const steps = s.history.past.length;
    s = unmerge(dup.id)(s);
    const g = graphOf(s);
    expect(s.history.past.length).toBe(steps + 1);
    expect([...g.nodes.keys()].sort()).toEqual([back.id, gov.id, region.id].sort());
    expect(g.hidden.has(gov.id)).toBe(true);
    // Its relationships to what is loaded, the survivor's one between them included; none elsewhere.
    expect([...g.edges.keys()].sort()).toEqual(['r:back', 'r:between']);
    expect(graphOf(undo()(s)).nodes.has(back.id)).toBe(false);
    // Remembered once: a second answer for the same merge draws nothing new.
    expect(s.mergedShown.has(dup.id)).toBe(false);
  });

  it('brings the duplicate back at its place when the survivor that took it was removed since', () => {
    let s = merge(stateWith({ nodes: [dup, region], edges: [edge('r:old', dup, region)] }));
    expect(graphOf(s).nodes.has(gov.id)).toBe(true);
    s = undo()(s);
    expect(graphOf(s).nodes.has(gov.id)).toBe(false);
    s = unmerge(dup.id)(s);
    const g = graphOf(s);
    expect([...g.nodes.keys()].sort()).toEqual([back.id, region.id].sort());
    expect([...g.edges.keys()]).toEqual(['r:back']);
  });

  it('draws nothing when neither the survivor nor the duplicate was on the canvas', () => {
    // The duplicate was never seen: the survivor alone was, and was hidden since.
    let s = merge(stateWith({ nodes: [gov, region], edges: [] }));
    s = commitGraph(hide(graphOf(s), [gov.id]), 'Hid Vyacheslav Gladkov')(s);
    const steps = s.history.past.length;
    const after = unmerge(dup.id)(s);
    expect(after.history.past.length).toBe(steps);
    expect(graphOf(after).nodes.has(back.id)).toBe(false);
    expect(graphOf(after).hidden.has(gov.id)).toBe(true);
    // A merge seen but not named by the undo (an audit entry without it) is not drawn either.
    const seen = merge(stateWith({ nodes: [dup, region], edges: [] }));
    expect(graphOf(unmerge()(undo()(seen))).nodes.has(back.id)).toBe(false);
  });
});

describe('a merge or its undo rebuilt from a link', () => {
  const lastLayer = (s: ReturnType<typeof stateWith>) => graphOf(s).layers[graphOf(s).layers.length - 1]!;

  it('records what the undo drew as the duplicate with its relationships to those nodes, and reads back only them', () => {
    // Merged while only the duplicate was drawn, the survivor removed since: undone as last seen.
    const before = undo()(merge(stateWith({ nodes: [dup, region], edges: [edge('r:old', dup, region)] })));
    const live = unmerge(dup.id)(before);
    const layer = lastLayer(live);
    expect(layer.source).toEqual({ kind: 'around', ref: 'v-gladkov', ends: ['belgorod'] });
    // The recipe carries it through a link.
    expect(decodeRecipe(encodeRecipe({ layers: [layer.source!] }))?.layers).toEqual([layer.source]);
    // The replay reads the relationships between the duplicate and the loaded ends, and a page of
    // its neighbours holding more (the one to Kharkiv, and a relationship added since): only the
    // undo's own join.
    const later = node('kyiv', 'Kyiv');
    const part = aroundPart(
      back,
      layer.source!.kind === 'around' ? layer.source!.ends : [],
      [...restored.edges, edge('r:later', back, later), edge('r:elsewhere', gov, region)],
      [...restored.nodes, later],
      graphOf(before),
    );
    const replayed = addLayer(graphOf(before), part, { kind: 'node', title: 'Drew', source: layer.source! });
    expect([...replayed.nodes.keys()].sort()).toEqual([...graphOf(live).nodes.keys()].sort());
    expect([...replayed.edges.keys()].sort()).toEqual([...graphOf(live).edges.keys()].sort());
    expect(replayed.nodes.has(far.id)).toBe(false);
  });

  it('records what a merge drew on the survivor the same way, ends by element id when they have no key', () => {
    const keyless: GraphNode = { ...node('x', 'Unkeyed'), id: 'e:unkeyed', key: null };
    const moved = { nodes: [gov, region, keyless], edges: [edge('r:new', gov, region), edge('r:x', keyless, gov)] };
    const s = mergedView({ duplicate: dup.id, survivor: gov.id, moved, title: 'Merged', ref: 'gladkov' })(
      stateWith({ nodes: [gov, dup], edges: [] }),
    );
    const source = lastLayer(s).source;
    expect(source).toEqual({ kind: 'around', ref: 'gladkov', ends: ['belgorod', 'e:unkeyed'] });
    // Replayed with everything read: the same nodes and relationships, the survivor's others left out.
    const part = aroundPart(
      gov,
      source!.kind === 'around' ? source!.ends : [],
      [...moved.edges, edge('r:other', gov, claim)],
      [region, keyless, claim],
      graphOf(stateWith({ nodes: [gov], edges: [] })),
    );
    expect(part.nodes.map((n) => n.id).sort()).toEqual([gov.id, region.id, keyless.id].sort());
    expect(part.edges.map((e) => e.id).sort()).toEqual(['r:new', 'r:x']);
  });
});

describe('earlier layers naming the merged-away duplicate', () => {
  const expandDup = { kind: 'expand' as const, ref: 'v-gladkov', pages: [{ skip: 0, limit: 25 }] };

  it('name the survivor in every step once merged, so a link fetches it rather than the deleted duplicate', () => {
    // The duplicate expanded (by key), a path from it found, then the merge.
    let s = stateWith({ nodes: [gov], edges: [] });
    const expand = (g: ReturnType<typeof graphOf>) =>
      addLayer(
        g,
        { nodes: [dup, region], edges: [edge('r:old', dup, region)] },
        {
          kind: 'expand',
          title: 'Expanded V. Gladkov',
          anchor: dup.id,
          source: expandDup,
        },
      );
    s = commitGraph(expand(graphOf(s)), 'Expanded')(s);
    const paths = { kind: 'paths' as const, from: 'v-gladkov', to: 'belgorod', exclude: ['v-gladkov', 'x'] };
    s = commitGraph(
      addLayer(graphOf(s), { nodes: [dup, region], edges: [] }, { kind: 'paths', title: 'Paths', source: paths }),
      'Paths',
    )(s);
    const moved = { nodes: [gov, region], edges: [edge('r:new', gov, region)] };
    s = mergedView({
      duplicate: dup.id,
      duplicateKey: 'v-gladkov',
      survivor: gov.id,
      moved,
      title: 'Merged',
      ref: 'gladkov',
    })(s);
    const sources = (g: ReturnType<typeof graphOf>) => g.layers.map((l) => l.source).filter((x) => x);
    expect(sources(graphOf(s))).toContainEqual({ ...expandDup, ref: 'gladkov' });
    expect(sources(graphOf(s))).toContainEqual({
      kind: 'paths',
      from: 'gladkov',
      to: 'belgorod',
      exclude: ['gladkov', 'x'],
    });
    const named = (g: ReturnType<typeof graphOf>) => JSON.stringify(sources(g)).includes('v-gladkov');
    expect(named(graphOf(s))).toBe(false);
    // The step before the merge too: going back and copying the address fetches the survivor.
    expect(named(graphOf(undo()(s)))).toBe(false);
  });

  it('are rewritten by element id too, each reference once; sources naming others are kept as they are', () => {
    const names = new Set([dup.id, 'v-gladkov']);
    const around = { kind: 'around' as const, ref: 'e:v-gladkov', ends: ['belgorod', 'gladkov', 'v-gladkov'] };
    expect(repointedSource(around, names, 'gladkov')).toEqual({
      kind: 'around',
      ref: 'gladkov',
      ends: ['belgorod', 'gladkov'],
    });
    expect(repointedSource({ kind: 'node', ref: 'e:v-gladkov' }, names, 'gladkov')).toEqual({
      kind: 'node',
      ref: 'gladkov',
    });
    const other = { kind: 'expand' as const, ref: 'belgorod', pages: [] };
    expect(repointedSource(other, names, 'gladkov')).toBe(other);
    const overview = { kind: 'overview' as const };
    expect(repointedSource(overview, names, 'gladkov')).toBe(overview);
  });
});
