/**
 * The detail panel's relationship types are buttons: one expands the node by that type only,
 * through the undoable expansion, and one whose relationships are all on screen says so instead
 * of asking the server for nothing.
 */
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../src/shared/graph';
import { ExpansionController } from '../../../../../src/web/app/expansion';
import { shownAsDegree } from '../../../../../src/web/core/expansion/more';
import { graphOf, undo } from '../../../../../src/web/core/history/actions';
import { RelRow, relTypeTitle } from '../../../../../src/web/ui/detail/Relationships';
import { stateWith } from '../../core/state';
import { stubExplorer } from '../../app/support/stub-explorer';

const node = (key: string): GraphNode => ({ id: `e:${key}`, key, labels: ['Entity'], caption: key, properties: {} });
const edge = (a: GraphNode, b: GraphNode, type: string): GraphEdge => ({
  id: `r:${a.key}-${type}-${b.key}`,
  source: a.id,
  target: b.id,
  type,
  properties: {},
});
const gladkov = node('gladkov');
const belgorod = node('belgorod');
const governs = edge(gladkov, belgorod, 'GOVERNOR_OF');

type Button = ReactElement<{ onClick: () => void; title: string; 'aria-disabled'?: boolean }>;
const row = (shown: number, onExpand: () => void, onAllShown: (note: string) => void) =>
  RelRow({ type: 'GOVERNOR_OF', out: 1, in: 0, shown, color: '#000', onExpand, onAllShown }) as Button;

describe('a relationship type in the detail panel', () => {
  it('expands the node by that type only, as one undoable step', async () => {
    const neighbours = vi.fn(async (_id: string, _q: object) => ({
      nodes: [gladkov, belgorod],
      edges: [governs],
      center: gladkov.id,
      total: 1,
      returned: 1,
      skip: 0,
      limit: 100,
      more: {},
      byType: { GOVERNOR_OF: 1 },
    }));
    const edgesBetween = vi.fn(async () => ({ edges: [], truncated: false }));
    const { app, keys, setStatus } = stubExplorer(stateWith({ nodes: [gladkov], edges: [] }), {
      neighbours,
      edgesBetween,
    });
    const expansion = new ExpansionController(app);
    let asked: Promise<void> | undefined;
    const onAllShown = vi.fn();
    const button = row(0, () => (asked = expansion.expandMore(gladkov.id, 'GOVERNOR_OF')), onAllShown);
    expect(button.props.title).toContain('Show its “governor of” relationships');
    expect(button.props['aria-disabled']).toBeFalsy();

    button.props.onClick();
    await asked;
    expect(neighbours).toHaveBeenCalledTimes(1);
    expect(neighbours.mock.calls[0]![0]).toBe(gladkov.id);
    expect(neighbours.mock.calls[0]![1]).toMatchObject({ types: ['GOVERNOR_OF'], skip: 0 });
    expect(onAllShown).not.toHaveBeenCalled();
    expect(keys()).toEqual(['belgorod', 'gladkov']);
    // Its first expansion by that type: what it shows of the type, not the "N more" of a next page.
    expect(setStatus).toHaveBeenLastCalledWith(
      'info',
      'gladkov: showing its one “governor of” relationship, 1 new node.',
    );
    expect([...graphOf(undo()(app.state)).nodes.values()].map((n) => n.key)).toEqual(['gladkov']);
  });

  it('says every relationship of that type is shown already rather than fetching nothing', () => {
    const onExpand = vi.fn();
    const onAllShown = vi.fn();
    const button = row(1, onExpand, onAllShown);
    expect(button.props['aria-disabled']).toBe(true);
    expect(button.props.title).toBe('All 1 of its “governor of” relationships are shown already');

    button.props.onClick();
    expect(onExpand).not.toHaveBeenCalled();
    expect(onAllShown).toHaveBeenCalledWith(button.props.title);
  });

  it('counts a self-loop as its detail does (outgoing and incoming), so its type can be all shown', () => {
    // The detail says 1 out and 1 in for one loop; the graph draws that one relationship once.
    const loop = edge(gladkov, gladkov, 'SAME_AS');
    const graph = graphOf(stateWith({ nodes: [gladkov, belgorod], edges: [loop, governs] }));
    const shown = shownAsDegree(graph, gladkov.id);
    expect(shown).toEqual({ SAME_AS: 2, GOVERNOR_OF: 1 });
    expect(relTypeTitle('SAME_AS', 1 + 1, shown.SAME_AS ?? 0).allShown).toBe(true);
    // One loop of two not loaded yet: not all shown.
    expect(relTypeTitle('SAME_AS', 2 + 2, shown.SAME_AS ?? 0).allShown).toBe(false);
  });
});
