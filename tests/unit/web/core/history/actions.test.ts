import { describe, expect, it } from 'vitest';
import { hideNodes } from '../../../../../src/web/core/expansion/actions';
import { commitGraph, graphOf, redo, undo } from '../../../../../src/web/core/history/actions';
import { hide } from '../../../../../src/web/core/graph/graph-store';
import { select } from '../../../../../src/web/core/selection/actions';
import { edge, node } from '../../../../support/fixtures';
import { stateWith } from '../state';

const world = { nodes: [node('a'), node('b'), node('c')], edges: [edge('ab', 'KNOWS', 'a', 'b')] };
const sel = (s: { selection: readonly string[]; focus: string | null }) => [s.selection, s.focus];

describe('undo and redo of a step that changed the selection', () => {
  it('undoing a hide selects the hidden node again; redo hides it and unselects it again', () => {
    const hidden = hideNodes(['a'])(select('a')(stateWith(world)));
    expect(sel(hidden)).toEqual([[], null]);
    const undone = undo()(hidden);
    expect(graphOf(undone).hidden.has('a')).toBe(false);
    expect(sel(undone)).toEqual([['a'], 'a']);
    const redone = redo()(undone);
    expect(graphOf(redone).hidden.has('a')).toBe(true);
    expect(sel(redone)).toEqual([[], null]);
    expect(redone.detail).toBeNull();
  });

  it('puts back a two-node selection with its focus', () => {
    const s0 = select('b', true)(select('a')(stateWith(world)));
    const undone = undo()(hideNodes(['a', 'b'])(s0));
    expect(sel(undone)).toEqual([['a', 'b'], 'b']);
  });

  it('leaves the selection alone when undoing a step that did not change it', () => {
    const s0 = select('c')(stateWith(world));
    const stepped = select('b')(commitGraph(hide(graphOf(s0), ['a']), 'Hid a')(s0));
    expect(sel(undo()(stepped))).toEqual([['b'], 'b']);
    expect(sel(redo()(undo()(stepped)))).toEqual([['b'], 'b']);
  });
});
