import { describe, expect, it } from 'vitest';
import { addsNothing, remainingMore, shownOfTotals } from '../../../../../src/web/core/expansion/more';
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
});
