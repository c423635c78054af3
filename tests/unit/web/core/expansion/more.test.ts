import { describe, expect, it } from 'vitest';
import {
  addedOfType,
  addsNothing,
  expansionLimit,
  remainingMore,
  shownOfTotals,
} from '../../../../../src/web/core/expansion/more';
import { expand, expansionOf, type GraphState } from '../../../../../src/web/core/graph/graph-store';
import { graphOf } from '../../../../../src/web/core/history/actions';
import { neo4jIds } from '../../../../support/fixtures';
import { stateWith } from '../state';

const { node, edge } = neo4jIds;

describe('"+N more" counts what is on screen', () => {
  it('subtracts the relationships already loaded (by the overview) from the totals', () => {
    // The overview already holds all 3 MADE links of Gladkov; the expansion returned 1 of them.
    const s = stateWith({
      nodes: [node('gladkov'), node('c1', ['Claim']), node('c2', ['Claim']), node('c3', ['Claim'])],
      edges: [
        edge('m1', 'MADE', 'gladkov', 'c1'),
        edge('m2', 'MADE', 'gladkov', 'c2'),
        edge('m3', 'MADE', 'gladkov', 'c3'),
      ],
    });
    const before: GraphState = graphOf(s);
    const after = expand(
      before,
      '4:db:gladkov',
      { nodes: [node('c1', ['Claim'])], edges: [edge('m1', 'MADE', 'gladkov', 'c1')] },
      { MADE: 2 },
      'Expanded',
      [],
      { totals: { MADE: 3, GOVERNOR_OF: 1 } },
    );
    const layer = expansionOf(after, '4:db:gladkov');
    expect(remainingMore(after, layer)).toEqual({ GOVERNOR_OF: 1 });
    expect(shownOfTotals(after, '4:db:gladkov', { MADE: 3, GOVERNOR_OF: 1 })).toBe(3);
    expect(addsNothing(before, after)).toBe(true);
  });

  it('a "+N more" page counts only its own type at the anchor, not the links it brought to the rest of the view', () => {
    // Belgorod shows 2 of its OCCURRED_IN; the next page adds 2 events, and each event's link to
    // Gladkov (already in view) comes with it: the edge set grows by 4, OCCURRED_IN by 2.
    const s = stateWith({
      nodes: [node('belgorod'), node('gladkov'), node('e1', ['Event']), node('e2', ['Event'])],
      edges: [edge('o1', 'OCCURRED_IN', 'e1', 'belgorod'), edge('o2', 'OCCURRED_IN', 'e2', 'belgorod')],
    });
    const before: GraphState = graphOf(s);
    const after = expand(
      before,
      '4:db:belgorod',
      {
        nodes: [node('e3', ['Event']), node('e4', ['Event'])],
        edges: [edge('o3', 'OCCURRED_IN', 'e3', 'belgorod'), edge('o4', 'OCCURRED_IN', 'e4', 'belgorod')],
      },
      { OCCURRED_IN: 0 },
      'More',
      [edge('a3', 'ANNOUNCED', 'gladkov', 'e3'), edge('a4', 'ANNOUNCED', 'gladkov', 'e4')],
      { totals: { OCCURRED_IN: 4 } },
    );
    expect(after.edges.size - before.edges.size).toBe(4);
    expect(addedOfType(before, after, '4:db:belgorod', 'OCCURRED_IN')).toBe(2);
    expect(addedOfType(before, after, '4:db:belgorod', 'MADE')).toBe(0);
  });

  it('the cap an expansion was made with is its first page size, not a later "+N more" page', () => {
    const s = stateWith({ nodes: [node('belgorod')], edges: [] });
    const first = expand(
      graphOf(s),
      '4:db:belgorod',
      { nodes: [node('e1', ['Event'])], edges: [edge('o1', 'OCCURRED_IN', 'e1', 'belgorod')] },
      { OCCURRED_IN: 5 },
      'Expanded',
      [],
      { totals: { OCCURRED_IN: 6 }, source: { kind: 'expand', ref: 'belgorod', pages: [{ skip: 0, limit: 10 }] } },
    );
    const more = expand(
      first,
      '4:db:belgorod',
      { nodes: [node('e2', ['Event'])], edges: [edge('o2', 'OCCURRED_IN', 'e2', 'belgorod')] },
      { OCCURRED_IN: 4 },
      'More',
      [],
      { source: { kind: 'expand', ref: 'belgorod', pages: [{ type: 'OCCURRED_IN', skip: 1, limit: 250 }] } },
    );
    expect(expansionLimit(expansionOf(first, '4:db:belgorod'))).toBe(10);
    expect(expansionLimit(expansionOf(more, '4:db:belgorod'))).toBe(10);
    expect(expansionLimit(undefined)).toBeUndefined();
  });
});
