import { describe, expect, it } from 'vitest';
import { backwardsRange, rangePairs } from '../../../src/shared/api/query-ranges';

const p = (name: string, type = 'date', label?: string) => ({ name, type, ...(label ? { label } : {}) });

describe('saved-query ranges', () => {
  it('pairs from/to and start/end, with a shared prefix or suffix, in any case style', () => {
    const names = (ps: ReturnType<typeof p>[]) => rangePairs(ps).map(([a, b]) => `${a.name}-${b.name}`);
    expect(names([p('from'), p('to'), p('place', 'entity')])).toEqual(['from-to']);
    expect(names([p('dateFrom'), p('dateTo'), p('START', 'integer'), p('END', 'integer')])).toEqual([
      'dateFrom-dateTo',
      'START-END',
    ]);
    expect(names([p('from_year', 'integer'), p('to_year', 'integer')])).toEqual(['from_year-to_year']);
    // Not a range: the twin is missing, of another type, or the type has no order.
    expect(names([p('from'), p('until')])).toEqual([]);
    expect(names([p('from'), p('to', 'integer')])).toEqual([]);
    expect(names([p('from', 'string'), p('to', 'string')])).toEqual([]);
  });

  it('says a range is backwards by its labels and values; equal ends, gaps and nulls pass', () => {
    const [from, to] = [p('from', 'date', 'From'), p('to', 'date', 'To')];
    expect(backwardsRange(from, to, '2024-03-01', '2023-03-01')).toBe(
      'To (2023-03-01) is before From (2024-03-01): the range is backwards and would match nothing',
    );
    expect(backwardsRange(from, to, '2024-03-01', '2024-03-01')).toBeNull();
    expect(backwardsRange(from, to, null, '2023-03-01')).toBeNull();
    expect(backwardsRange(from, to, '2024-03-01', undefined)).toBeNull();
    // Numbers compare as numbers, not as text ("9" > "10" as text).
    const [lo, hi] = [p('min_from', 'integer'), p('min_to', 'integer')];
    expect(backwardsRange(lo, hi, 9, 10)).toBeNull();
    expect(backwardsRange(lo, hi, '10', '9')).toMatch(/^min_to \(9\) is before min_from \(10\)/);
  });
});
