import { describe, expect, it } from 'vitest';
import { declutterLabels, type LabelBox } from '../../../../../src/web/core/map/label-boxes';

const box = (key: string, left: number, top: number, priority: number, w = 80, h = 14): LabelBox => ({
  key,
  left,
  top,
  right: left + w,
  bottom: top + h,
  priority,
});

describe('declutterLabels', () => {
  it('keeps the most important of overlapping labels and every label that overlaps none', () => {
    const kept = declutterLabels([
      box('event', 100, 100, 5),
      box('town', 110, 104, 9),
      box('street', 130, 110, 1),
      box('far', 400, 100, 0),
    ]);
    expect([...kept].sort()).toEqual(['far', 'town']);
  });

  it('a label dropped for a kept one does not block a third (only kept labels count)', () => {
    // a overlaps b, b overlaps c, a does not overlap c: a and c stay.
    const kept = declutterLabels([box('a', 0, 0, 3), box('b', 60, 0, 2), box('c', 120, 0, 1)]);
    expect([...kept].sort()).toEqual(['a', 'c']);
  });

  it('touching boxes and boxes across bucket borders are judged by their geometry', () => {
    const kept = declutterLabels([box('left', 0, 0, 2, 64), box('right', 64, 0, 1, 64), box('below', 30, 60, 0)]);
    expect([...kept].sort()).toEqual(['below', 'left', 'right']);
    const across = declutterLabels([box('x', 50, 50, 2, 40, 40), box('y', 70, 70, 1, 40, 40)]);
    expect([...across]).toEqual(['x']);
  });

  it('is stable on ties (by key) and handles many labels on one spot', () => {
    const pile = Array.from({ length: 500 }, (_, i) => box(`n${String(i).padStart(3, '0')}`, 10 + (i % 7), 10, 1));
    expect([...declutterLabels(pile)]).toEqual(['n000']);
  });
});
