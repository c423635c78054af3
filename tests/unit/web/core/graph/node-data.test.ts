import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../../src/shared/graph';
import { displayCaption, expand } from '../../../../../src/web/core/graph/graph-store';
import { commitGraph, graphOf, undo } from '../../../../../src/web/core/history/actions';
import { refreshNodeEverywhere } from '../../../../../src/web/core/graph/node-data';
import { stateWith } from '../state';

const peskov: GraphNode = {
  id: 'e:peskov',
  key: 'dmitry-peskov',
  labels: ['Person', 'Entity'],
  caption: 'Dmitry Peskov',
  properties: { id: 'dmitry-peskov', name: 'Dmitry Peskov', description: 'x'.repeat(10) },
  clipped: { description: 5000 },
};
const kremlin: GraphNode = {
  ...peskov,
  id: 'e:kremlin',
  key: 'kremlin',
  caption: 'Kremlin',
  properties: { name: 'Kremlin' },
};

describe('a node edited on the server', () => {
  it('shows its new name in every step, without a step of its own', () => {
    let s = stateWith({ nodes: [peskov], edges: [] });
    const next = expand(graphOf(s), peskov.id, { nodes: [kremlin], edges: [] }, {}, 'Expanded Dmitry Peskov');
    s = commitGraph(next, 'Expanded Dmitry Peskov')(s);
    const steps = s.history.past.length;
    const props = { ...peskov.properties, name: 'Dmitry S. Peskov', version: 1 };
    s = refreshNodeEverywhere(peskov.id, props)(s);
    expect(s.history.past.length).toBe(steps);
    const now = graphOf(s).nodes.get(peskov.id)!;
    expect(displayCaption(now)).toBe('Dmitry S. Peskov');
    expect(now.properties).toEqual(props);
    expect(now.clipped).toBeUndefined(); // the edit's answer carries the whole values
    expect(graphOf(s).nodes.get(kremlin.id)).toBe(kremlin);
    // Back to before the expansion: the old name does not come back.
    expect(displayCaption(graphOf(undo()(s)).nodes.get(peskov.id)!)).toBe('Dmitry S. Peskov');
  });
});
