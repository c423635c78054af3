/** An app state holding the given payload as its graph (for producer tests). */
import type { GraphPayload } from '../../../../src/shared/graph';
import { addLayer, EMPTY_GRAPH } from '../../../../src/web/core/graph/graph-store';
import { startHistory } from '../../../../src/web/core/history/history';
import { initialState, type AppState } from '../../../../src/web/core/state';

export function stateWith(payload: GraphPayload = { nodes: [], edges: [] }): AppState {
  const s = initialState('light');
  return {
    ...s,
    history: startHistory(addLayer(EMPTY_GRAPH, payload, { kind: 'overview', title: 'Overview' }), 'Overview'),
    loading: false,
  };
}
