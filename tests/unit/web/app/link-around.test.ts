/**
 * A link's merge step replayed on a hub: every end the merge drew comes back, not only those in
 * one page of the hub's neighbours; and a merge step centred on a node merged away since is
 * drawn on its survivor, with a quiet note rather than an error.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EdgesBetweenBody } from '../../../../src/shared/api';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { ApiError } from '../../../../src/web/api/errors';
import { ExpansionController } from '../../../../src/web/app/expansion';
import { replayRecipe } from '../../../../src/web/app/link';
import { graphOf } from '../../../../src/web/core/history/actions';
import type { ViewRecipe } from '../../../../src/web/core/history/recipe';
import { stateWith } from '../core/state';
import { stubExplorer } from './support/stub-explorer';

const node = (key: string): GraphNode => ({ id: `e:${key}`, key, labels: ['Entity'], caption: key, properties: {} });
const edge = (a: GraphNode, b: GraphNode): GraphEdge => ({
  id: `r:${a.key}-${b.key}`,
  source: a.id,
  target: b.id,
  type: 'LOCATED_IN',
  properties: {},
});
const gov = node('gladkov');
const town = node('town');
const far = node('far');
const near = node('near');
// The hub's page: its best-connected neighbours, none of them an end the merge drew.
const crowd = Array.from({ length: 50 }, (_, i) => node(`crowd-${i}`));
const rels = [town, far, near, ...crowd].map((n) => edge(gov, n));

// Merged away since, as the server answers (a chain's last survivor, or one hop when a merge
// landed while the link opened): slava into the governor, `c` into `d`, `e` into a crowd node,
// `a` into slava; `loop-1` and `loop-2` into each other.
const to = (n: GraphNode, duplicate: string) => ({
  id: n.id,
  key: n.key,
  name: n.caption,
  duplicate,
  at: 'x',
  by: 'ed',
});
const d = node('d');
const merged: Record<string, ReturnType<typeof to>> = {
  slava: { ...to(gov, 'Slava'), name: 'Vyacheslav Gladkov' },
  c: to(d, 'C'),
  e: to(crowd[0]!, 'E'),
  a: to(node('slava'), 'A'),
  'loop-1': to(node('loop-2'), 'Loop 1'),
  'loop-2': to(node('loop-1'), 'Loop 2'),
};
rels.push(edge(gov, d));

/** An explorer with the governor and the town loaded, over a graph where the nodes in `merged` were merged away. */
function explorer() {
  const nodes = new Map([gov, town, far, near, d].map((n) => [n.key!, n]));
  const api = {
    node: vi.fn(async (ref: string) => {
      const n = nodes.get(ref);
      if (n) return { node: n };
      const into = merged[ref];
      throw into ? new ApiError(404, 'NOT_FOUND', 'merged', { mergedInto: into }) : new Error('gone');
    }),
    neighbours: vi.fn(async (_ref: string) => ({ nodes: [gov, ...crowd], edges: rels.slice(3, 53), center: gov.id })),
    edgesBetween: vi.fn(async (b: EdgesBetweenBody) => ({
      edges: rels.filter((r) => b.nodes.includes(r.source) && (b.among ?? []).includes(r.target)),
      truncated: false,
      limit: 1000,
    })),
  };
  return { ...stubExplorer(stateWith({ nodes: [gov, town], edges: [] }), api), api };
}

const recipe = (ref: string, ends = ['far', 'near', 'town']): ViewRecipe => ({
  layers: [{ kind: 'overview' }, { kind: 'around', ref, ends }],
});
const errors = (setStatus: ReturnType<typeof vi.fn>) => setStatus.mock.calls.filter((c) => c[0] === 'error');

describe("a link's merge step replayed on a hub", () => {
  it('draws every end the merge drew: those outside the neighbour page are read, then joined in one read', async () => {
    const { app, api, keys } = explorer();
    await replayRecipe(app, recipe('gladkov'));
    expect(keys()).toEqual(['far', 'gladkov', 'near', 'town']);
    const layer = graphOf(app.state).layers.at(-1)!;
    expect([...layer.edgeIds].sort()).toEqual(['r:gladkov-far', 'r:gladkov-near', 'r:gladkov-town']);
    expect(api.node.mock.calls.map((c) => c[0]).sort()).toEqual(['far', 'near']);
    expect(api.edgesBetween).toHaveBeenCalledTimes(1);
    expect(api.edgesBetween.mock.calls[0]![0].among!.slice().sort()).toEqual(['e:far', 'e:near', 'e:town']);
  });

  it('centred on a node merged away since: drawn on the survivor, recorded so, with a quiet note', async () => {
    const { app, setStatus, keys } = explorer();
    await replayRecipe(app, recipe('slava'));
    expect(keys()).toEqual(['far', 'gladkov', 'near', 'town']);
    expect(graphOf(app.state).layers.at(-1)!.source).toEqual({
      kind: 'around',
      ref: 'gladkov',
      ends: ['far', 'near', 'town'],
    });
    expect(setStatus).toHaveBeenLastCalledWith(
      'info',
      'This link named Slava, since merged into Vyacheslav Gladkov: shown as that entity.',
    );
    expect(errors(setStatus)).toEqual([]);
  });

  it('an end merged away since is drawn as its survivor, read only when neither loaded nor in the page', async () => {
    const { app, api, setStatus, keys } = explorer();
    await replayRecipe(app, recipe('gladkov', ['c', 'e', 'far', 'town']));
    expect(keys()).toEqual(['crowd-0', 'd', 'far', 'gladkov', 'town']);
    expect(api.node.mock.calls.map((c) => c[0]).sort()).toEqual(['c', 'd', 'e', 'far']);
    expect(api.edgesBetween.mock.calls[0]![0].among!.slice().sort()).toEqual(['e:crowd-0', 'e:d', 'e:far', 'e:town']);
    // Recorded as the live session's re-pointed step names it.
    expect(graphOf(app.state).layers.at(-1)!.source).toEqual({
      kind: 'around',
      ref: 'gladkov',
      ends: ['crowd-0', 'd', 'far', 'town'],
    });
    expect(setStatus.mock.calls.at(-1)![1]).toBe(
      'This link named C, since merged into d; E, since merged into crowd-0: shown as those entities.',
    );
    expect(errors(setStatus)).toEqual([]);
  });

  it('centred on a node merged twice (a merge landing as the link opens): drawn on the last survivor', async () => {
    const { app, api, setStatus, keys } = explorer();
    await replayRecipe(app, recipe('a'));
    expect(keys()).toEqual(['far', 'gladkov', 'near', 'town']);
    expect(api.node.mock.calls.slice(0, 2).map((c) => c[0])).toEqual(['a', 'slava']);
    expect(graphOf(app.state).layers.at(-1)!.source).toMatchObject({ kind: 'around', ref: 'gladkov' });
    expect(setStatus.mock.calls.at(-1)![1]).toMatch(/^This link named A, since merged into slava; Slava, since/);
    expect(errors(setStatus)).toEqual([]);
  });

  it('an end whose merges come back on themselves is left out after one read of each', async () => {
    const { app, api, keys } = explorer();
    await replayRecipe(app, recipe('gladkov', ['far', 'loop-1']));
    expect(keys()).toEqual(['far', 'gladkov', 'town']);
    expect(api.node.mock.calls.map((c) => c[0]).sort()).toEqual(['far', 'loop-1', 'loop-2']);
  });
});

describe("a link's expansion by one type of a node merged away since", () => {
  it('is drawn from its survivor, with a quiet note rather than an error', async () => {
    const x = explorer();
    x.api.neighbours.mockImplementation(async (ref: string) => {
      if (ref === 'slava') throw new ApiError(404, 'NOT_FOUND', 'merged', { mergedInto: merged.slava });
      return { nodes: [gov, far], edges: [rels[1]!], center: gov.id, more: {}, byType: { LOCATED_IN: 1 } } as never;
    });
    Object.assign(x.app, { expansion: new ExpansionController(x.app) });
    await replayRecipe(x.app, {
      layers: [
        { kind: 'overview' },
        { kind: 'expand', ref: 'slava', pages: [{ type: 'LOCATED_IN', skip: 0, limit: 100 }] },
      ],
    });
    expect(x.api.neighbours.mock.calls.map((c) => c[0])).toEqual(['slava', gov.id]);
    expect(x.keys()).toEqual(['far', 'gladkov', 'town']);
    expect(errors(x.setStatus)).toEqual([]);
    expect(x.setStatus).toHaveBeenLastCalledWith(
      'info',
      'This link named Slava, since merged into Vyacheslav Gladkov: shown as that entity.',
    );
  });
});
