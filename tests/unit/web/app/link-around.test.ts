/**
 * A link's merge step replayed on a hub: every end the merge drew comes back, not only those in
 * one page of the hub's neighbours; and a merge step centred on a node merged away since is
 * drawn on its survivor, with a quiet note rather than an error.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EdgesBetweenBody } from '../../../../src/shared/api';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { ApiError } from '../../../../src/web/api/errors';
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

/** An explorer with the governor and the town loaded, over a graph where `slava` was merged into the governor. */
function explorer() {
  const nodes = new Map([gov, town, far, near].map((n) => [n.key!, n]));
  const api = {
    node: vi.fn(async (ref: string) => {
      const n = nodes.get(ref);
      if (n) return { node: n };
      const to = { id: gov.id, key: gov.key, name: 'Vyacheslav Gladkov', duplicate: 'Slava', at: 'x', by: 'ed' };
      throw ref === 'slava' ? new ApiError(404, 'NOT_FOUND', 'merged', { mergedInto: to }) : new Error('gone');
    }),
    neighbours: vi.fn(async () => ({ nodes: [gov, ...crowd], edges: rels.slice(3, 53), center: gov.id })),
    edgesBetween: vi.fn(async (b: EdgesBetweenBody) => ({
      edges: rels.filter((r) => b.nodes.includes(r.source) && (b.among ?? []).includes(r.target)),
      truncated: false,
      limit: 1000,
    })),
  };
  return { ...stubExplorer(stateWith({ nodes: [gov, town], edges: [] }), api), api };
}

const recipe = (ref: string): ViewRecipe => ({
  layers: [{ kind: 'overview' }, { kind: 'around', ref, ends: ['far', 'near', 'town'] }],
});

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
    expect(setStatus.mock.calls.filter((c) => c[0] === 'error')).toEqual([]);
  });
});
