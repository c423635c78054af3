import { describe, expect, it } from 'vitest';
import { hideNodes } from '../../../../../src/web/core/expansion/actions';
import { commitGraph, graphOf, redo, undo } from '../../../../../src/web/core/history/actions';
import { addLayer, hide } from '../../../../../src/web/core/graph/graph-store';
import { urlStateOf } from '../../../../../src/web/core/history/url';
import { formatUrlState } from '../../../../../src/web/core/history/url-state';
import { pathBreaks, pathView, showPath } from '../../../../../src/web/core/paths/actions';
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

describe('undo and redo of steps around a found path', () => {
  const ac = pathView({
    from: 'a',
    to: 'c',
    paths: [{ nodes: ['a', 'b', 'c'], edges: ['ab', 'bc'] }],
    length: 2,
    truncated: false,
  } as never);
  /** Overview of a and b; paths a → c add c and draw the path; then a (an end) is hidden. */
  const found = () => {
    const s0 = stateWith({ nodes: [node('a'), node('b')], edges: [edge('ab', 'KNOWS', 'a', 'b')] });
    const layer = { nodes: [node('c')], edges: [edge('bc', 'KNOWS', 'b', 'c')] };
    const title = 'Paths between a and c';
    return showPath(ac)(commitGraph(addLayer(graphOf(s0), layer, { kind: 'paths', title }), title)(s0));
  };

  it('undoing a hide draws the path again, and the URL keeps its ends, as the browser’s Back does', () => {
    const hidden = hideNodes(['a'])(found());
    const undone = undo()(hidden);
    expect(undone.history.present.title).toBe('Paths between a and c');
    expect(undone.path).toBe(ac);
    expect(formatUrlState(urlStateOf(undone))).toContain('path=a&path=c');
    // Redo: the hidden state with its path, which the bar then reports broken by a.
    const redone = redo()(undone);
    expect(graphOf(redone).hidden.has('a')).toBe(true);
    expect(redone.path).toBe(ac);
    expect(pathBreaks(redone.path!, graphOf(redone), new Set())).toEqual({ hidden: ['a'], intact: 0, drawn: 1 });
  });

  it('undoing the path step itself leaves no path (its nodes are gone), redo draws it again', () => {
    const undone = undo()(found());
    expect(undone.path).toBeNull();
    expect(formatUrlState(urlStateOf(undone))).not.toContain('path=');
    expect(redo()(undone).path).toBe(ac);
  });

  it('a path cleared before the next step stays cleared when that step is undone', () => {
    const cleared = hideNodes(['b'])(showPath(null)(found()));
    expect(undo()(cleared).path).toBeNull();
  });
});
