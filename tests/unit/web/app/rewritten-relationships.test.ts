/**
 * After a merge or its undo the server names the relationships whose `according_to` it rewrote:
 * the explorer reads again those the view holds or the panel shows (not those the answer drew),
 * so their data and the open detail show the new source; the others cost no request.
 */
import { describe, expect, it } from 'vitest';
import type { RelationshipDetailResponse } from '../../../../src/shared/api';
import type { GraphEdge, GraphNode } from '../../../../src/shared/graph';
import { refreshRewrittenRelationships, REWRITTEN_READ_MAX } from '../../../../src/web/app/node-edit';
import { RelationshipController } from '../../../../src/web/app/relationships';
import { graphOf } from '../../../../src/web/core/history/actions';
import { openRelationship } from '../../../../src/web/core/relationships/actions';
import { createStore } from '../../../../src/web/core/store';
import type { AppState } from '../../../../src/web/core/state';
import { stateWith } from '../core/state';

const node = (id: string): GraphNode => ({ id, key: id, labels: ['Event'], caption: id, properties: { id } });
const edge = (id: string, source: string, target: string, according_to: string): GraphEdge => ({
  id,
  type: 'ATTRIBUTED_TO',
  source,
  target,
  properties: { according_to },
});
const nodes = ['a', 'b', 'c'].map(node);
const stale = edge('r1', 'a', 'b', 'tass-second-spelling');
const other = edge('r2', 'b', 'c', 'ukrainian-air-force');

/** An explorer with `state` whose API answers relationship reads with `according_to: 'tass'`. */
function explorer(state: AppState) {
  const store = createStore(state);
  const reads: string[] = [];
  const app = {
    store,
    get state() {
      return store.get();
    },
    api: {
      relationship: async (id: string): Promise<RelationshipDetailResponse> => {
        reads.push(id);
        const r = edge(id, 'a', 'b', 'tass');
        return { relationship: r, caption: r.type, start: { id: 'a' }, end: { id: 'b' }, evidence: [] } as never;
      },
    },
    relationships: undefined as unknown as RelationshipController,
  };
  app.relationships = new RelationshipController(app as never);
  return { app, reads };
}

describe('relationships the server rewrote', () => {
  it('are read again when the view holds them or the panel shows them, and show the new source', async () => {
    const s = openRelationship(stale.id)(stateWith({ nodes, edges: [stale, other] }));
    const { app, reads } = explorer(s);
    const drawn = { nodes: [], edges: [edge('moved', 'a', 'c', 'tass')] };
    await refreshRewrittenRelationships(app as never, [stale.id, 'not-loaded', 'moved'], drawn);
    expect(reads).toEqual([stale.id]);
    expect(graphOf(app.state).edges.get(stale.id)!.properties.according_to).toBe('tass');
    expect(graphOf(app.state).edges.get(other.id)).toBe(other);
    const panel = app.state.relationship;
    expect(panel?.status === 'ok' && panel.data.relationship.properties.according_to).toBe('tass');
    expect(app.state.history.past).toHaveLength(s.history.past.length);
  });

  it('costs no request when the view holds none, and reads at most REWRITTEN_READ_MAX', async () => {
    const none = explorer(stateWith({ nodes, edges: [other] }));
    await refreshRewrittenRelationships(none.app as never, ['x', 'y'], { nodes: [], edges: [] });
    expect(none.reads).toEqual([]);
    const many = Array.from({ length: REWRITTEN_READ_MAX + 5 }, (_, i) => edge(`m${i}`, 'a', 'b', 'dup'));
    const big = explorer(stateWith({ nodes, edges: many }));
    await refreshRewrittenRelationships(
      big.app as never,
      many.map((e) => e.id),
      { nodes: [], edges: [] },
    );
    expect(big.reads).toHaveLength(REWRITTEN_READ_MAX);
  });
});
