import { describe, expect, it } from 'vitest';
import type { TimelineResponse } from '../../../../../src/shared/api';
import { NO_FILTERS } from '../../../../../src/web/core/filters/filter';
import {
  clearTime,
  playStep,
  setRange,
  setTimeMode,
  timelineLoaded,
} from '../../../../../src/web/core/timeline/actions';
import { addDays, addMonths, daysBetween } from '../../../../../src/web/core/timeline/dates';
import { stateWith } from '../state';

const timeline = {
  events: [{ start: '2022-10-09' }, { start: '2023-04-20' }],
  articles: [{ published: '2022-10-13' }, { published: '2023-04-21' }, { published: '2023-04-21' }],
} as unknown as TimelineResponse;

describe('timeline producers', () => {
  it('orders a brushed range; "as reported by" starts on the last publication day and drops the brush', () => {
    let s = timelineLoaded(timeline)(stateWith());
    s = setRange({ from: '2023-05-01', to: '2023-01-01' })(s);
    expect(s.filters.range).toEqual({ from: '2023-01-01', to: '2023-05-01' });
    s = setTimeMode('reported')(s);
    expect([s.timeline.mode, s.filters.range, s.filters.asOf]).toEqual(['reported', null, '2023-04-21']);
    s = setTimeMode('happened')(s);
    expect([s.timeline.mode, s.filters.asOf]).toEqual(['happened', null]);
    s = clearTime()(setRange({ from: '2022-01-01', to: '2022-02-01' })(s));
    expect([s.filters.range, s.filters.asOf, s.timeline.mode]).toEqual([null, null, 'happened']);
  });

  it('plays the brush a month at a time to the last day, and "as reported by" through the publication days', () => {
    const first = playStep(timeline, 'happened', NO_FILTERS)!;
    expect(first).toEqual({ range: { from: '2022-10-09', to: addDays('2022-10-09', 91) }, last: false });
    const range = { from: '2023-01-09', to: '2023-04-10' };
    expect(playStep(timeline, 'happened', { ...NO_FILTERS, range })).toEqual({
      range: { from: '2023-02-09', to: addDays('2023-02-09', 91) },
      last: true,
    });
    expect(playStep(timeline, 'reported', NO_FILTERS)).toEqual({ asOf: '2022-10-13', last: false });
    expect(playStep(timeline, 'reported', { ...NO_FILTERS, asOf: '2022-10-13' })).toEqual({
      asOf: '2023-04-21',
      last: true,
    });
    expect(playStep({ events: [], articles: [] } as unknown as TimelineResponse, 'happened', NO_FILTERS)).toBeNull();
  });

  it('does ISO-day arithmetic in UTC', () => {
    expect(daysBetween('2023-01-01', '2023-03-01')).toBe(59);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addMonths('2023-01-31', 1)).toBe('2023-03-03');
  });
});
