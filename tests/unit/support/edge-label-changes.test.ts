import { describe, expect, it } from 'vitest';
import { unexplainedChanges, type LabelFrame } from '../../e2e/support/edge-labels';

const box = { cx: 0, cy: 0, w: 1, h: 1, angle: 0 } as unknown as LabelFrame['drawn'][number]['box'];
const frame = (drawn: string[], skipped: [string, string][]): LabelFrame => ({
  drawn: drawn.map((key) => ({ key, text: key, box })),
  skipped: skipped.map(([key, by]) => ({ key, by, box })),
  data: {},
  ink: 0,
  captions: [],
  hubEdges: [],
});

describe('edge-label frames compared across a pan', () => {
  it('finds nothing to explain in equal frames', () => {
    const f = frame(['a', 'b'], [['c', 'a']]);
    expect(unexplainedChanges(f, f)).toEqual([]);
  });
  it('explains a caption, a label leaving the view and what they free', () => {
    const before = frame(
      ['a', 'b', 'e'],
      [
        ['c', 'a'],
        ['d', 'caption:n1'],
      ],
    );
    // a is now under a caption, which frees c; d's caption went; e left the view.
    const after = frame(['b', 'c', 'd'], [['a', 'caption:n2']]);
    expect(unexplainedChanges(before, after)).toEqual([]);
  });
  it('reports a label that swapped with one whose fate did not change', () => {
    const before = frame(['a', 'b'], [['c', 'a']]);
    const after = frame(['b', 'c'], [['a', 'b']]);
    expect(unexplainedChanges(before, after).sort()).toEqual(['a', 'c']);
  });
});
