import { describe, expect, it } from 'vitest';
import { boardScrollOf, keepBoardScroll } from '../../../../../src/web/core/history/board-scroll';
import { makeMark } from '../../../../../src/web/core/history/browser-history';

describe('the claims board position in a history entry', () => {
  it('is read only when it is a position', () => {
    expect(boardScrollOf({ ...makeMark('s', 1), boardScroll: 420 })).toBe(420);
    expect(boardScrollOf(makeMark('s', 1))).toBeNull();
    for (const bad of [null, undefined, 'x', { boardScroll: -1 }, { boardScroll: '40' }, { boardScroll: NaN }])
      expect(boardScrollOf(bad)).toBeNull();
  });

  it("survives the URL controller's new mark for the same entry, and is not invented", () => {
    expect(keepBoardScroll(makeMark('s', 2), { ...makeMark('s', 1), boardScroll: 300 })).toEqual({
      ...makeMark('s', 2),
      boardScroll: 300,
    });
    expect(keepBoardScroll(makeMark('s', 2), makeMark('s', 1))).toEqual(makeMark('s', 2));
    expect(keepBoardScroll(makeMark('s', 2), null)).toEqual(makeMark('s', 2));
  });
});
