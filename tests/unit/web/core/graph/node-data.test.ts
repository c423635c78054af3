import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../../../../src/shared/graph';
import { displayCaption, expand } from '../../../../../src/web/core/graph/graph-store';
import { commitGraph, graphOf, undo } from '../../../../../src/web/core/history/actions';
import { dropNodeEverywhere, refreshNodeEverywhere } from '../../../../../src/web/core/graph/node-data';
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

describe('a node merged into another on the server', () => {
  it('leaves every step with its edges, without a step of its own; the other nodes stay', () => {
    const edge = { id: 'r:1', source: peskov.id, target: kremlin.id, type: 'SPOKE_FOR', properties: {} };
    let s = stateWith({ nodes: [peskov], edges: [] });
    const next = expand(graphOf(s), peskov.id, { nodes: [kremlin], edges: [edge] }, {}, 'Expanded Dmitry Peskov');
    s = commitGraph(next, 'Expanded Dmitry Peskov')(s);
    const steps = s.history.past.length;
    s = dropNodeEverywhere(kremlin.id)(s);
    expect(s.history.past.length).toBe(steps);
    expect(graphOf(s).nodes.has(kremlin.id)).toBe(false);
    expect(graphOf(s).edges.size).toBe(0);
    expect(graphOf(s).nodes.get(peskov.id)).toBe(peskov);
    // Neither undo nor redo brings the deleted node back.
    expect(graphOf(undo()(s)).nodes.has(kremlin.id)).toBe(false);
    expect(dropNodeEverywhere('e:nowhere')(s)).toEqual(s);
  });
});
