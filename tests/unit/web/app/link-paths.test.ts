/**
 * A link's path step naming a node merged away since: the paths are looked for again from the
 * survivor (whichever end it was, each end once), recorded so, with a quiet note rather than an
 * error; a live request for paths from such a node offers the survivor instead.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MergedInto, PathsResponse } from '../../../../src/shared/api';
import type { GraphNode } from '../../../../src/shared/graph';
import { ApiError } from '../../../../src/web/api/errors';
import { replayRecipe } from '../../../../src/web/app/link';
import { PathsController } from '../../../../src/web/app/paths';
import { graphOf } from '../../../../src/web/core/history/actions';
import type { ViewRecipe } from '../../../../src/web/core/history/recipe';
import { stateWith } from '../core/state';
import { stubExplorer } from './support/stub-explorer';

const node = (key: string): GraphNode => ({ id: `e:${key}`, key, labels: ['Entity'], caption: key, properties: {} });
const nodes = new Map(['gladkov', 'town', 'region'].map((k) => [k, node(k)]));
// Merged away since: slava into gladkov, village into town.
const survivors: Record<string, MergedInto> = {
  slava: { id: 'e:gladkov', key: 'gladkov', name: 'Vyacheslav Gladkov', duplicate: 'Slava', at: 'x', by: 'ed' },
  village: { id: 'e:town', key: 'town', name: 'Town', duplicate: 'Village', at: 'x', by: 'ed' },
};

/** The server's answer: the paths between two live nodes, or the 404 of the first end not found. */
async function paths(from: string, to: string): Promise<PathsResponse> {
  for (const [end, ref] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (nodes.has(ref)) continue;
    const mergedInto = survivors[ref];
    throw new ApiError(404, 'NOT_FOUND', 'gone', mergedInto ? { mergedInto, param: end } : { param: end });
  }
  const [a, b] = [nodes.get(from)!, nodes.get(to)!];
  const edge = { id: `r:${from}-${to}`, source: a.id, target: b.id, type: 'LOCATED_IN', properties: {} };
  return {
    nodes: [a, b],
    edges: [edge],
    from: a.id,
    to: b.id,
    paths: [{ nodes: [a.id, b.id], edges: [edge.id] }],
    length: 1,
    truncated: false,
    tookMs: 1,
  };
}

function explorer() {
  const api = { paths: vi.fn(paths) };
  const x = stubExplorer(stateWith({ nodes: [nodes.get('region')!], edges: [] }), api);
  (x.app as { paths: PathsController }).paths = new PathsController(x.app);
  return { ...x, api };
}

const recipe = (from: string, to: string): ViewRecipe => ({
  layers: [{ kind: 'paths', from, to, exclude: ['MENTIONS'] }],
});
const errors = (setStatus: ReturnType<typeof vi.fn>) => setStatus.mock.calls.filter((c) => c[0] === 'error');

describe("a link's path step naming a node merged away since", () => {
  it('from end: looked for again from the survivor, recorded so, with a quiet note', async () => {
    const { app, api, setStatus, keys } = explorer();
    await replayRecipe(app, recipe('slava', 'town'));
    expect(api.paths.mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ['slava', 'town'],
      ['gladkov', 'town'],
    ]);
    expect(keys()).toEqual(['gladkov', 'town']);
    expect(graphOf(app.state).layers.at(-1)!.source).toEqual({
      kind: 'paths',
      from: 'gladkov',
      to: 'town',
      exclude: ['MENTIONS'],
    });
    expect(setStatus).toHaveBeenLastCalledWith(
      'info',
      'This link named Slava, since merged into Vyacheslav Gladkov: shown as that entity.',
    );
    expect(errors(setStatus)).toEqual([]);
  });

  it('both ends: each end once, three requests in all', async () => {
    const { app, api, setStatus, keys } = explorer();
    await replayRecipe(app, recipe('slava', 'village'));
    expect(api.paths.mock.calls.map((c) => [c[0], c[1]])).toEqual([
      ['slava', 'village'],
      ['gladkov', 'village'],
      ['gladkov', 'town'],
    ]);
    expect(keys()).toEqual(['gladkov', 'town']);
    expect(setStatus.mock.calls.at(-1)![1]).toMatch(/Slava, since merged into Vyacheslav Gladkov; Village, since/);
    expect(errors(setStatus)).toEqual([]);
  });

  it('a live request offers the survivor; a plain missing end is an error as before', async () => {
    const { app, setStatus } = explorer();
    await app.paths.find('town', 'slava');
    expect(setStatus).toHaveBeenLastCalledWith('error', 'Slava was merged into Vyacheslav Gladkov.', {
      ref: 'gladkov',
      caption: 'Vyacheslav Gladkov',
    });
    await replayRecipe(app, recipe('town', 'nobody'));
    expect(setStatus).toHaveBeenLastCalledWith('error', 'Could not find paths: gone');
  });
});
