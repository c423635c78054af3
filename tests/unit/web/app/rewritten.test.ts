/**
 * After a rename, merge or undo the server names the other nodes it rewrote (a claim's caption
 * "name: gist", an article's outlet): the explorer reads again those some step of the view holds,
 * and their canvas captions and data follow, in every step; nodes it does not hold cost no request.
 */
import { describe, expect, it, vi } from 'vitest';
import type { GraphNode } from '../../../../src/shared/graph';
import { ApiError } from '../../../../src/web/api/errors';
import { refreshRewritten, REWRITTEN_READ_MAX } from '../../../../src/web/app/node-edit';
import { expand } from '../../../../src/web/core/graph/graph-store';
import { loadedAnywhere } from '../../../../src/web/core/graph/node-data';
import { commitGraph, graphOf, undo } from '../../../../src/web/core/history/actions';
import { select } from '../../../../src/web/core/selection/actions';
import { createStore } from '../../../../src/web/core/store';
import type { AppState } from '../../../../src/web/core/state';
import { stateWith } from '../core/state';

const node = (id: string, labels: string[], properties: Record<string, unknown>, caption: string): GraphNode => ({
  id,
  key: id.slice(2),
  labels,
  caption,
  properties: { id: id.slice(2), ...properties },
});
const claim = node(
  'e:claim',
  ['Claim'],
  { name: 'V. Gladkov: Three injured.', claimant: 'v-gladkov' },
  'V. Gladkov: Three injured.',
);
const article = node('e:article', ['Article'], { title: 'Drones', outlet: 'WSJ Europe' }, 'Drones (WSJ Europe)');
const gone = node('e:gone', ['Claim'], { name: 'V. Gladkov: Gone.' }, 'V. Gladkov: Gone.');
const later = node('e:later', ['Claim'], { name: 'V. Gladkov: Later.' }, 'V. Gladkov: Later.');

/** The nodes as the server holds them after the merge. */
const server: Record<string, GraphNode> = {
  [claim.id]: {
    ...claim,
    caption: 'Vyacheslav Gladkov: Three injured.',
    properties: { ...claim.properties, name: 'Vyacheslav Gladkov: Three injured.', claimant: 'vyacheslav-gladkov' },
  },
  [article.id]: {
    ...article,
    caption: 'Drones (The Wall Street Journal)',
    properties: { ...article.properties, outlet: 'The Wall Street Journal' },
  },
  [later.id]: {
    ...later,
    caption: 'Vyacheslav Gladkov: Later.',
    properties: { ...later.properties, name: 'Vyacheslav Gladkov: Later.' },
  },
};

/** An explorer with `state` and an API answering node reads from `server` (404 for the rest). */
function explorer(state: AppState) {
  const store = createStore(state);
  const reads: string[] = [];
  const app = {
    store,
    get state() {
      return store.get();
    },
    api: {
      node: async (id: string) => {
        reads.push(id);
        const n = server[id];
        if (!n) throw new ApiError(404, 'NOT_FOUND', `No node ${id}`);
        return { node: n };
      },
    },
    selection: { forget: vi.fn(), loadDetail: vi.fn(async () => {}) },
  };
  return {
    app,
    reads,
    run: (ids: string[]) => refreshRewritten(app as unknown as Parameters<typeof refreshRewritten>[0], ids),
  };
}

describe('nodes the server rewrote', () => {
  it('are read again when the view holds them, and show their new captions in every step', async () => {
    // The article and a claim now; a claim deleted since; one claim only in a step after the present (undone).
    let s = stateWith({ nodes: [claim, article, gone], edges: [] });
    s = commitGraph(expand(graphOf(s), claim.id, { nodes: [later], edges: [] }, {}, 'Expanded'), 'Expanded')(s);
    s = undo()(s);
    s = select(claim.id)(s);
    expect(graphOf(s).nodes.has(later.id)).toBe(false);
    const { app, reads, run } = explorer(s);
    await run([article.id, 'e:not-loaded', claim.id, gone.id, later.id, claim.id]);
    // Those of the present first, each once; the node the view does not hold is not asked for.
    expect(reads.slice(0, 3).sort()).toEqual([article.id, claim.id, gone.id].sort());
    expect(reads).toHaveLength(4);
    const now = graphOf(app.state).nodes;
    expect(now.get(claim.id)!.caption).toBe('Vyacheslav Gladkov: Three injured.');
    expect(now.get(claim.id)!.properties.claimant).toBe('vyacheslav-gladkov');
    expect(now.get(article.id)!.caption).toBe('Drones (The Wall Street Journal)');
    expect(now.get(gone.id)).toBe(gone); // not found any more: left as it was
    // The step after the present (redo) shows the rewritten caption too.
    const future = app.state.history.future[0]!.state.nodes.get(later.id)!;
    expect(future.caption).toBe('Vyacheslav Gladkov: Later.');
    // No history step of its own; the focused claim's detail is read again, the cache forgets each.
    expect(app.state.history.past).toHaveLength(s.history.past.length);
    expect(app.selection.loadDetail).toHaveBeenCalledWith(claim.id);
    expect(app.selection.loadDetail).toHaveBeenCalledTimes(1);
    expect(app.selection.forget).toHaveBeenCalledWith(article.id);
  });

  it('costs no request when the view holds none of them, and reads at most REWRITTEN_READ_MAX', async () => {
    const none = explorer(stateWith({ nodes: [claim], edges: [] }));
    await none.run(['e:elsewhere', 'e:other']);
    expect(none.reads).toEqual([]);
    const many = Array.from({ length: REWRITTEN_READ_MAX + 5 }, (_, i) => node(`e:c${i}`, ['Claim'], {}, `c${i}`));
    const big = explorer(stateWith({ nodes: many, edges: [] }));
    expect(
      loadedAnywhere(
        big.app.state,
        many.map((n) => n.id),
      ),
    ).toHaveLength(many.length);
    await big.run(many.map((n) => n.id));
    expect(big.reads).toHaveLength(REWRITTEN_READ_MAX);
  });
});
