import { describe, expect, it } from 'vitest';
import { bucketOf, bucketize, isValidIsoDate } from '../../../../../src/shared/api/timeline';
import { packLanes, ticks, timeScale } from '../../../../../src/web/core/timeline/scale';

describe('timeScale', () => {
  it('maps days to pixels and back exactly at day boundaries', () => {
    const s = timeScale('2022-07-03', '2024-05-14', 1000);
    for (const d of ['2022-07-03', '2023-01-01', '2023-12-31', '2024-05-14']) expect(s.day(s.x(d))).toBe(d);
    expect(s.x('2023-01-01')).toBeLessThan(s.x('2023-12-31'));
    expect(s.x('2022-07-03')).toBeGreaterThan(0); // padded
    expect(s.day(-50)).toBe(s.from); // clamped
  });

  it('ticks years, and quarters or months when there is room', () => {
    const narrow = ticks(timeScale('2022-07-03', '2024-05-14', 300));
    expect(narrow.map((t) => t.label)).toEqual(['2023', '2024']);
    const wide = ticks(timeScale('2022-07-03', '2024-05-14', 1400));
    expect(wide.filter((t) => t.major).map((t) => t.label)).toEqual(['2023', '2024']);
    expect(wide.length).toBeGreaterThan(5);
  });

  it('thins year labels on a long range so they never overlap', () => {
    // 60 years in ~680 px: ~11 px a year, too little for a "1998" label each year.
    const s = timeScale('1964-01-01', '2024-06-01', 680);
    const t = ticks(s);
    const xs = t.map((k) => s.x(k.iso));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(40);
    expect(t.length).toBeGreaterThan(4);
    expect(t.every((k) => k.major && Number(k.label) % 5 === 0)).toBe(true);
    expect(t.map((k) => k.label)).toContain('2000');
    // A century on a narrow strip steps by 25 or more; a thousand years still gets a few labels.
    const c = ticks(timeScale('1900-01-01', '2000-01-01', 300));
    expect(Number(c[1]!.label) - Number(c[0]!.label)).toBeGreaterThanOrEqual(25);
    const m = ticks(timeScale('1000-01-01', '2000-01-01', 400));
    expect(m.length).toBeGreaterThan(2);
    expect(m.length).toBeLessThanOrEqual(10);
  });
});

describe('packLanes', () => {
  it('puts overlapping items on different lanes and reuses free lanes', () => {
    const lanes = packLanes([
      { x0: 0, x1: 10 },
      { x0: 5, x1: 15 },
      { x0: 20, x1: 30 },
      { x0: 21, x1: 22 },
    ]);
    expect(lanes).toEqual([0, 1, 0, 1]);
    expect(
      Math.max(
        ...packLanes(
          Array.from({ length: 20 }, () => ({ x0: 0, x1: 5 })),
          4,
          3,
        ),
      ),
    ).toBe(2);
  });
});

describe('shared timeline helpers', () => {
  it('validates calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-2-1')).toBe(false);
  });

  it('buckets by month and year, contiguous with empty ones', () => {
    expect(bucketOf('2024-02-10', 'month')).toEqual({ start: '2024-02-01', end: '2024-02-29', label: '2024-02' });
    const b = bucketize([{ start: '2022-10-09' }, { start: '2023-01-05' }], [{ published: '2022-10-13' }], 'month');
    expect(b.map((x) => x.label)).toEqual(['2022-10', '2022-11', '2022-12', '2023-01']);
    expect(b[0]).toMatchObject({ events: 1, articles: 1 });
    expect(b[1]).toMatchObject({ events: 0, articles: 0 });
    expect(bucketize([], [], 'year')).toEqual([]);
  });
});
