import { describe, expect, it } from 'vitest';
import type { NodeDetailResponse } from '../../../../../src/shared/api';
import { hideNodes } from '../../../../../src/web/core/expansion/actions';
import {
  detailFailed,
  detailLoaded,
  detailLoading,
  detailRead,
  keepSelected,
  select,
} from '../../../../../src/web/core/selection/actions';
import { openRelationship } from '../../../../../src/web/core/relationships/actions';
import { setSidePanel } from '../../../../../src/web/core/shell/actions';
import { edge, node } from '../../../../support/fixtures';
import { stateWith } from '../state';
import { graphOf } from '../../../../../src/web/core/history/actions';
import { displayCaption } from '../../../../../src/web/core/graph/graph-store';

const world = { nodes: [node('a'), node('b'), node('c')], edges: [edge('ab', 'KNOWS', 'a', 'b')] };
const detail = (id: string) => ({ node: node(id) }) as unknown as NodeDetailResponse;

describe('selection producers', () => {
  it('selects one node, or toggles a second one in (at most two, for paths); null clears', () => {
    let s = select('a')(stateWith(world));
    expect([s.selection, s.focus]).toEqual([['a'], 'a']);
    s = select('b', true)(s);
    expect([s.selection, s.focus]).toEqual([['a', 'b'], 'b']);
    s = select('c', true)(s);
    expect(s.selection).toEqual(['b', 'c']);
    s = select('c', true)(s);
    expect([s.selection, s.focus]).toEqual([['b'], 'b']);
    s = select(null)(s);
    expect([s.selection, s.focus, s.detail]).toEqual([[], null, null]);
  });

  it('a node added by name keeps the focused node (its detail) and pairs with it', () => {
    let s = select('a')(stateWith(world));
    s = select('b', true, true)(s);
    expect([s.selection, s.focus]).toEqual([['a', 'b'], 'a']);
    s = select('c', true, true)(s);
    expect([s.selection, s.focus]).toEqual([['a', 'c'], 'a']);
    s = select('c', true, true)(select(null)(s));
    expect([s.selection, s.focus]).toEqual([['c'], 'c']);
  });

  it('closes the context menu and drops the detail when nothing is focused', () => {
    const s0 = {
      ...stateWith(world),
      contextMenu: { node: 'a', x: 1, y: 2 },
      detail: { id: 'a', status: 'loading' as const },
    };
    const s = select('a', true)(select('a')(s0));
    expect(s.contextMenu).toBeNull();
    expect([s.selection, s.focus, s.detail]).toEqual([[], null, null]);
  });

  it('shows a loaded detail only while its node is focused (a cached one at once)', () => {
    const s = select('a')(stateWith(world));
    expect(detailLoading('a')(s).detail).toEqual({ id: 'a', status: 'loading' });
    expect(detailLoaded('a', detail('a'))(s).detail?.status).toBe('ok');
    expect(detailLoaded('b', detail('b'))(s)).toBe(s);
    expect(detailLoaded('b', detail('b'), true)(s).detail?.id).toBe('b');
    expect(detailFailed('a', 'boom')(s).detail).toEqual({ id: 'a', status: 'error', error: 'boom' });
    expect(detailFailed('b', 'boom')(s)).toBe(s);
  });

  it("a re-read detail renames the graph's copy of the node (title, canvas), without a history step", () => {
    const peskov = node('peskov', ['Person', 'Entity'], {
      name: 'Dmitry S. Peskov',
      reported_properties: ['role'],
    });
    const s = select('peskov')(stateWith({ nodes: [peskov], edges: [] }));
    const renamed = node('peskov', ['Person', 'Entity'], { name: 'Dmitry Peskov', version: 2 });
    const read = detailRead('peskov', { node: renamed } as unknown as NodeDetailResponse)(s);
    expect(read.detail?.status).toBe('ok');
    const n = graphOf(read).nodes.get('peskov')!;
    expect([n.caption, displayCaption(n), n.properties.version]).toEqual(['Dmitry Peskov', 'Dmitry Peskov', 2]);
    // The per-value source lists the detail leaves out stay for the timeline.
    expect(n.properties.reported_properties).toEqual(['role']);
    expect(read.history.past).toBe(s.history.past);
    expect(read.history.present.seq).toBe(s.history.present.seq);
    // Read again unchanged: the graph stays the same object (nothing to redraw).
    expect(graphOf(detailRead('peskov', { node: renamed } as unknown as NodeDetailResponse)(read))).toBe(graphOf(read));
  });

  it('keeps only selected nodes still in view; hiding a node unselects it', () => {
    const s = select('b', true)(select('a')(stateWith(world)));
    const kept = keepSelected((id) => id !== 'b')(s);
    expect([kept.selection, kept.focus, kept.detail]).toEqual([['a'], null, null]);
    expect(keepSelected(() => true)(s)).toBe(s);
    const hidden = hideNodes(['a'])(s);
    expect([hidden.selection, hidden.focus]).toEqual([['b'], 'b']);
    expect(hidden.history.present.state.hidden.has('a')).toBe(true);
    expect(hidden.history.present.title).toBe('Hid a');
  });

  it('a narrow window: selecting opens the details over the graph, clearing closes them, search stays open until then', () => {
    let s = setSidePanel('left')(stateWith(world));
    s = select(null)(s);
    expect(s.sidePanel).toBe('left');
    s = select('a')(s);
    expect(s.sidePanel).toBe('right');
    s = setSidePanel(null)(s);
    expect([s.sidePanel, s.focus]).toEqual([null, 'a']);
    expect(select('a')(s).sidePanel).toBe('right');
    expect(select(null)(select('a')(s)).sidePanel).toBeNull();
    expect(openRelationship('ab')(s).sidePanel).toBe('right');
  });
});
