import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GraphPayload } from '../../../../../src/shared/graph';
import {
  EMPTY_GRAPH,
  addLayer,
  collapse,
  countByLabel,
  expand,
  expandedAnchors,
  expansionOf,
  findNode,
  hide,
  primaryLabel,
  removeLayer,
  replaceWith,
  setPinned,
  unhideAll,
  visibleGraph,
  type GraphState,
} from '../../../../../src/web/core/graph/graph-store';
import { back, canBack, canForward, commit, forward, startHistory } from '../../../../../src/web/core/history/history';
import { neo4jIds } from '../../../../support/fixtures';
import { withActivePerspective } from '../../../../support/perspectives';

// The news perspective: today's colours, families and main labels.
withActivePerspective();

const { node, edge } = neo4jIds;
const ids = (s: GraphState) => [...s.nodes.keys()].map((k) => k.slice(5)).sort();
const eids = (s: GraphState) => [...s.edges.keys()].map((k) => k.slice(5)).sort();

// A small world: a governor, his region, two events there, an article.
const overview: GraphPayload = {
  nodes: [node('gladkov'), node('belgorod', ['Place', 'Entity']), node('strike', ['Event', 'Entity'])],
  edges: [edge('g-b', 'GOVERNOR_OF', 'gladkov', 'belgorod'), edge('s-b', 'OCCURRED_IN', 'strike', 'belgorod')],
};
const belgorodNeighbours: GraphPayload = {
  nodes: [
    node('belgorod', ['Place', 'Entity']),
    node('gladkov'),
    node('russia', ['Place', 'Entity']),
    node('shelling', ['Event', 'Entity']),
  ],
  edges: [
    edge('g-b', 'GOVERNOR_OF', 'gladkov', 'belgorod'),
    edge('b-r', 'LOCATED_IN', 'belgorod', 'russia'),
    edge('sh-b', 'OCCURRED_IN', 'shelling', 'belgorod'),
  ],
};

describe('graph store: merging payloads', () => {
  it('adds an overview as one layer holding every node and edge', () => {
    const s = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
    expect(ids(s)).toEqual(['belgorod', 'gladkov', 'strike']);
    expect(eids(s)).toEqual(['g-b', 's-b']);
    expect(s.layers).toHaveLength(1);
    expect(s.layers[0]!.kind).toBe('overview');
  });

  it('merges an overlapping payload without duplicating nodes or edges, refreshing their data', () => {
    const s1 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
    const updated = {
      ...belgorodNeighbours,
      nodes: belgorodNeighbours.nodes.map((n) => (n.key === 'gladkov' ? { ...n, caption: 'Vyacheslav Gladkov' } : n)),
    };
    const s2 = addLayer(s1, updated, { kind: 'query', title: 'q' });
    expect(ids(s2)).toEqual(['belgorod', 'gladkov', 'russia', 'shelling', 'strike']);
    expect(eids(s2)).toEqual(['b-r', 'g-b', 's-b', 'sh-b']);
    expect(s2.nodes.get('4:db:gladkov')!.caption).toBe('Vyacheslav Gladkov');
    // The input state is untouched (pure update).
    expect(ids(s1)).toEqual(['belgorod', 'gladkov', 'strike']);
  });

  it('drops edges whose endpoints are neither in the payload nor loaded', () => {
    const s = addLayer(
      EMPTY_GRAPH,
      { nodes: [node('a')], edges: [edge('a-x', 'KNOWS', 'a', 'x')] },
      { kind: 'query', title: 'q' },
    );
    expect(eids(s)).toEqual([]);
  });

  it('keeps an edge to a node that is already loaded', () => {
    const s1 = addLayer(EMPTY_GRAPH, { nodes: [node('x')], edges: [] }, { kind: 'query', title: 'q' });
    const s2 = addLayer(
      s1,
      { nodes: [node('a')], edges: [edge('a-x', 'KNOWS', 'a', 'x')] },
      { kind: 'query', title: 'q2' },
    );
    expect(eids(s2)).toEqual(['a-x']);
  });

  it('replaceWith starts over with only the new payload', () => {
    const s1 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
    const s2 = replaceWith(
      hide(s1, ['4:db:strike']),
      { nodes: [node('russia', ['Place'])], edges: [] },
      { kind: 'query', title: 'q' },
    );
    expect(ids(s2)).toEqual(['russia']);
    expect(s2.hidden.size).toBe(0);
    expect(s2.layers).toHaveLength(1);
  });
});

describe('graph store: expansions, caps and collapse', () => {
  const base = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });

  it('records an expansion with its anchor, per-type counts and "+N more"', () => {
    const s = expand(
      base,
      '4:db:belgorod',
      belgorodNeighbours,
      { LOCATED_IN: 0, OCCURRED_IN: 143 },
      'Expanded Belgorod',
    );
    const l = expansionOf(s, '4:db:belgorod')!;
    expect(l.more).toEqual({ OCCURRED_IN: 143 });
    expect(l.loaded).toEqual({ GOVERNOR_OF: 1, LOCATED_IN: 1, OCCURRED_IN: 1 });
    expect(expandedAnchors(s)).toEqual(['4:db:belgorod']);
    expect(ids(s)).toEqual(['belgorod', 'gladkov', 'russia', 'shelling', 'strike']);
  });

  it('merges the next page into the same expansion and updates the cap', () => {
    const s1 = expand(base, '4:db:belgorod', belgorodNeighbours, { OCCURRED_IN: 2 }, 'Expanded Belgorod');
    const page2: GraphPayload = {
      nodes: [node('belgorod', ['Place']), node('drone', ['Event']), node('raid', ['Event'])],
      edges: [edge('d-b', 'OCCURRED_IN', 'drone', 'belgorod'), edge('r-b', 'OCCURRED_IN', 'raid', 'belgorod')],
    };
    const s2 = expand(s1, '4:db:belgorod', page2, { OCCURRED_IN: 0 }, 'More');
    expect(s2.layers.filter((l) => l.kind === 'expand')).toHaveLength(1);
    const l = expansionOf(s2, '4:db:belgorod')!;
    expect(l.more).toEqual({});
    expect(l.loaded!.OCCURRED_IN).toBe(3);
    // One collapse removes both pages but keeps what the overview holds.
    const s3 = collapse(s2, '4:db:belgorod');
    expect(ids(s3)).toEqual(['belgorod', 'gladkov', 'strike']);
    expect(eids(s3)).toEqual(['g-b', 's-b']);
  });

  it('collapse keeps nodes another expansion also brought in', () => {
    const s1 = expand(base, '4:db:belgorod', belgorodNeighbours, {}, 'Expanded Belgorod');
    const s2 = expand(
      s1,
      '4:db:shelling',
      {
        nodes: [node('shelling', ['Event']), node('russia', ['Place']), node('himars', ['Weapon'])],
        edges: [edge('sh-r', 'ATTRIBUTED_TO', 'shelling', 'russia'), edge('sh-h', 'USED_WEAPON', 'shelling', 'himars')],
      },
      {},
      'Expanded shelling',
    );
    const s3 = collapse(s2, '4:db:belgorod');
    // russia is still held by the shelling expansion; shelling holds itself as its anchor.
    expect(ids(s3)).toEqual(['belgorod', 'gladkov', 'himars', 'russia', 'shelling', 'strike']);
    expect(eids(s3)).toEqual(['g-b', 's-b', 'sh-h', 'sh-r']);
  });

  it('collapsing a node that is not expanded returns the same state', () => {
    expect(collapse(base, '4:db:gladkov')).toBe(base);
  });

  it('removing a layer prunes hidden and pinned ids of nodes that left', () => {
    const s1 = addLayer(base, { nodes: [node('path-mid')], edges: [] }, { kind: 'paths', title: 'Paths' });
    const s2 = setPinned(hide(s1, ['4:db:path-mid']), '4:db:path-mid', true);
    const s3 = removeLayer(s2, s1.layers[1]!.id);
    expect(s3.hidden.size).toBe(0);
    expect(s3.pinned.size).toBe(0);
  });
});

describe('graph store: hide, pin and visibility', () => {
  const base = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });

  it('hidden nodes and their edges leave the view but stay loaded', () => {
    const s = hide(base, ['4:db:belgorod']);
    const v = visibleGraph(s);
    expect(v.nodes.map((n) => n.key).sort()).toEqual(['gladkov', 'strike']);
    expect(v.edges).toEqual([]);
    expect(s.nodes.size).toBe(3);
    expect(visibleGraph(unhideAll(s)).nodes).toHaveLength(3);
  });

  it('a payload that brings a hidden node back un-hides it', () => {
    const s = expand(
      hide(base, ['4:db:belgorod']),
      '4:db:gladkov',
      {
        nodes: [node('gladkov'), node('belgorod', ['Place'])],
        edges: [edge('g-b', 'GOVERNOR_OF', 'gladkov', 'belgorod')],
      },
      {},
      'x',
    );
    expect(s.hidden.has('4:db:belgorod')).toBe(false);
  });

  it('labels toggled off in the legend are filtered from the view, not from the counts', () => {
    const v = visibleGraph(base, new Set(['Place']));
    expect(v.nodes.map((n) => n.key).sort()).toEqual(['gladkov', 'strike']);
    expect(Object.fromEntries(countByLabel(base))).toEqual({ Person: 1, Place: 1, Event: 1 });
  });

  it('a node counts under every one of its labels (not the umbrella :Entity); hiding any of them hides it', () => {
    const s = addLayer(
      EMPTY_GRAPH,
      {
        nodes: [node('keanu', ['Person', 'Actor', 'Director', 'Entity']), node('carrie', ['Person', 'Actor'])],
        edges: [],
      },
      { kind: 'overview', title: 'Overview' },
    );
    expect(Object.fromEntries(countByLabel(s))).toEqual({ Person: 2, Actor: 2, Director: 1 });
    expect(visibleGraph(s, new Set(['Director'])).nodes.map((n) => n.key)).toEqual(['carrie']);
    expect(primaryLabel(['Director', 'Person'])).toBe('Person');
  });

  it('pinning is idempotent and ignores unknown nodes', () => {
    const s1 = setPinned(base, '4:db:gladkov', true);
    expect(s1.pinned.has('4:db:gladkov')).toBe(true);
    expect(setPinned(s1, '4:db:gladkov', true)).toBe(s1);
    expect(setPinned(base, 'nope', true)).toBe(base);
    expect(setPinned(s1, '4:db:gladkov', false).pinned.size).toBe(0);
  });

  it('finds nodes by element id or by our own id', () => {
    expect(findNode(base, 'gladkov')?.id).toBe('4:db:gladkov');
    expect(findNode(base, '4:db:strike')?.key).toBe('strike');
    expect(findNode(base, 'zelensky')).toBeUndefined();
  });

  it('chooses the main label the same way for our labels and foreign ones', () => {
    expect(primaryLabel(['Entity', 'Person'])).toBe('Person');
    expect(primaryLabel(['Movie'])).toBe('Movie');
    expect(primaryLabel(['Entity'])).toBe('Entity');
    expect(primaryLabel([])).toBe('(no label)');
  });
});

describe('history: undo/redo of exploration steps', () => {
  it('back restores the exact previous graph after an expansion, forward re-applies it', () => {
    const s0 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
    let h = startHistory(s0, 'Overview');
    const s1 = expand(s0, '4:db:belgorod', belgorodNeighbours, { OCCURRED_IN: 5 }, 'Expanded Belgorod');
    h = commit(h, s1, 'Expanded Belgorod');
    expect(canBack(h)).toBe(true);
    h = back(h);
    expect(h.present.state).toBe(s0);
    expect(ids(h.present.state)).toEqual(['belgorod', 'gladkov', 'strike']);
    expect(canForward(h)).toBe(true);
    h = forward(h);
    expect(h.present.state).toBe(s1);
    expect(h.present.title).toBe('Expanded Belgorod');
  });

  it('a new step clears forward; a no-op step is not recorded', () => {
    const s0 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
    let h = commit(startHistory(s0), hide(s0, ['4:db:strike']), 'Hid strike');
    h = back(h);
    h = commit(h, hide(s0, ['4:db:gladkov']), 'Hid gladkov');
    expect(canForward(h)).toBe(false);
    expect(commit(h, h.present.state, 'nothing')).toBe(h);
  });

  it('any sequence of expansions undone step by step returns to the start (property)', () => {
    const payloadArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), payloadArb), { minLength: 1, maxLength: 6 }),
        (steps) => {
          const s0 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
          let h = startHistory(s0);
          for (const [anchor, pairs] of steps) {
            const a = `n${anchor}`;
            const payload: GraphPayload = {
              nodes: [node(a), ...pairs.map(([, t]) => node(`n${t}`))],
              edges: pairs.map(([s, t], i) => edge(`${a}-${s}-${t}-${i}`, 'REL', a, `n${t}`)),
            };
            h = commit(h, expand(h.present.state, `4:db:${a}`, payload, {}, `x${anchor}`), `x${anchor}`);
            // Invariant: every edge's endpoints are loaded.
            for (const e of h.present.state.edges.values()) {
              expect(h.present.state.nodes.has(e.source) && h.present.state.nodes.has(e.target)).toBe(true);
            }
          }
          while (canBack(h)) h = back(h);
          expect(h.present.state).toBe(s0);
          // Collapsing every expansion also returns to the overview's nodes.
          let s = h.future[h.future.length - 1]!.state;
          for (const a of expandedAnchors(s)) s = collapse(s, a);
          expect(ids(s)).toEqual(ids(s0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('every state keeps its pools while later ones are made from it or from older ones (property)', () => {
    const stepArb = fc.tuple(
      fc.nat(), // which earlier state to start from (undo, then a new action)
      fc.integer({ min: 0, max: 30 }),
      fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
      fc.boolean(), // collapse instead of expanding
    );
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const s0 = addLayer(EMPTY_GRAPH, overview, { kind: 'overview', title: 'Overview' });
        const snap = (s: GraphState) => ({ s, nodes: [...s.nodes], edges: [...s.edges] });
        const states = [snap(s0)];
        for (const [pick, anchor, targets, drop] of steps) {
          const from = states[pick % states.length]!.s;
          const a = `n${anchor}`;
          const payload: GraphPayload = {
            nodes: [node(a), ...targets.map((t) => node(`n${t}`))],
            edges: targets.map((t, i) => edge(`${a}-${t}-${i}`, 'REL', a, `n${t}`)),
          };
          const next = drop ? collapse(from, `4:db:${a}`) : expand(from, `4:db:${a}`, payload, {}, a);
          // The new state's pools are what copying the old ones and setting the payload gives.
          if (!drop) {
            const nodes = new Map(from.nodes);
            for (const n of payload.nodes) nodes.set(n.id, n);
            const edges = new Map(from.edges);
            for (const e of payload.edges) edges.set(e.id, e);
            expect([...next.nodes]).toEqual([...nodes]);
            expect([...next.edges]).toEqual([...edges]);
            expect([next.nodes.size, next.edges.size]).toEqual([nodes.size, edges.size]);
          }
          states.push(snap(next));
        }
        for (const { s, nodes, edges } of states) {
          expect([...s.nodes]).toEqual(nodes);
          expect([...s.edges]).toEqual(edges);
          for (const [id, n] of nodes) expect(s.nodes.get(id)).toBe(n);
        }
      }),
      { numRuns: 60 },
    );
  });
});
