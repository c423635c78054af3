/**
 * The timeline: its data, the time mode (when things happened / "as reported by"), playing
 * through time. Pure producers over the timeline and filter slices; requests and timers are the
 * app's (app/timeline.ts).
 */
import type { TimelineResponse } from '../../../shared/api';
import type { InvestigationFilters } from '../filters/filter';
import type { AppState } from '../state';
import { addDays, addMonths, daysBetween } from './dates';
import type { DateRange } from './time-filter';

export type TimeMode = 'happened' | 'reported';

export interface TimelineState {
  data: TimelineResponse | null;
  error: string | null;
  mode: TimeMode;
  playing: boolean;
}

export const INITIAL_TIMELINE: TimelineState = { data: null, error: null, mode: 'happened', playing: false };

/** A brush window with no range yet starts this many days wide when playing. */
const PLAY_WINDOW_DAYS = 91;

const patchTimeline =
  (patch: Partial<TimelineState>) =>
  (s: AppState): AppState => ({ ...s, timeline: { ...s.timeline, ...patch } });

export const timelineLoaded = (data: TimelineResponse) => patchTimeline({ data, error: null });
export const timelineFailed = (error: string) => patchTimeline({ error });
export const setPlaying =
  (playing: boolean) =>
  (s: AppState): AppState =>
    s.timeline.playing === playing ? s : patchTimeline({ playing })(s);

export const patchFilters =
  (patch: Partial<InvestigationFilters>) =>
  (s: AppState): AppState => ({ ...s, filters: { ...s.filters, ...patch } });

/** The brushed range (ends in either order), or none. */
export const setRange = (range: DateRange | null) =>
  patchFilters({ range: range && range.from > range.to ? { from: range.to, to: range.from } : range });

/**
 * Switches the time mode. "As reported by" starts on the last publication day unless a day is
 * already chosen, and drops the brush; back to "happened" drops the day.
 */
export const setTimeMode =
  (mode: TimeMode) =>
  (s: AppState): AppState => {
    const next = patchTimeline({ mode })(s);
    if (mode === 'happened') return patchFilters({ asOf: null })(next);
    const last = s.timeline.data?.articles.at(-1)?.published ?? null;
    return patchFilters({ range: null, asOf: s.filters.asOf ?? last })(next);
  };

export const clearTime =
  () =>
  (s: AppState): AppState =>
    patchTimeline({ mode: 'happened' })(patchFilters({ range: null, asOf: null })(s));

export type PlayStep = { asOf: string; last: boolean } | { range: DateRange; last: boolean } | null;

/**
 * One step of "play": the brush window moves a month (wrapping to the first day after the end);
 * "as reported by" walks the publication days. Null when there is nothing to step through.
 */
export function playStep(t: TimelineResponse, mode: TimeMode, filters: InvestigationFilters): PlayStep {
  if (mode === 'reported') {
    const pubs = [...new Set(t.articles.map((a) => a.published))].sort();
    const cur = filters.asOf;
    const next = cur === null || cur >= pubs[pubs.length - 1]! ? pubs[0] : pubs.find((p) => p > cur);
    return next ? { asOf: next, last: next === pubs[pubs.length - 1] } : null;
  }
  const days = [...t.events.map((e) => e.start), ...t.articles.map((a) => a.published)].sort();
  if (!days.length) return null;
  const first = days[0]!;
  const lastDay = days[days.length - 1]!;
  const r = filters.range;
  const width = r ? daysBetween(r.from, r.to) : PLAY_WINDOW_DAYS;
  const from = r && r.to < lastDay ? addMonths(r.from, 1) : first;
  const to = addDays(from, width);
  return { range: { from, to }, last: to >= lastDay };
}
