/**
 * The timeline and its filters: loading it, brushing a range, "as reported by" a day, hiding
 * what the filters leave out, single-source facts, and playing through time.
 */
import { ApiError, describeError } from '../api/client';
import type { DateRange } from '../core/timeline/time-filter';
import {
  clearTime,
  patchFilters,
  playStep,
  setPlaying,
  setRange,
  setTimeMode,
  timelineFailed,
  timelineLoaded,
  type TimeMode,
} from '../core/timeline/actions';
import type { Explorer } from './explorer';

/** What the strip says when the timeline did not load: a short sentence, never the database's own. */
export function timelineError(e: unknown): string {
  if (e instanceof ApiError && (e.code === 'MEMORY_LIMIT' || e.code === 'TIMEOUT'))
    return 'the database ran out of memory or time for it on a graph this size.';
  return describeError(e);
}

/** One step of "play" every this many milliseconds. */
const PLAY_STEP_MS = 1100;

export class TimelineController {
  private playTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly app: Explorer) {}

  async load(): Promise<void> {
    try {
      this.app.store.set(timelineLoaded(await this.app.api.timeline({ granularity: 'month' })));
    } catch (e) {
      this.app.store.set(timelineFailed(timelineError(e)));
    }
  }

  setRange(range: DateRange | null): void {
    this.app.store.set(setRange(range));
  }

  setAsOf(asOf: string | null): void {
    this.app.store.set(patchFilters({ asOf }));
    if (this.app.state.view.mode === 'claims') void this.app.claims.load();
    this.app.selection.refreshDetail();
  }

  setTimeMode(mode: TimeMode): void {
    this.pause();
    this.app.store.set(setTimeMode(mode));
    if (this.app.state.view.mode === 'claims') void this.app.claims.load();
    this.app.selection.refreshDetail();
  }

  setHideOutside(hideOutside: boolean): void {
    this.app.store.set(patchFilters({ hideOutside }));
  }

  setHideSingleSource(hideSingleSource: boolean): void {
    this.app.store.set(patchFilters({ hideSingleSource }));
  }

  clear(): void {
    this.pause();
    this.app.store.set(clearTime());
  }

  /** Steps through time: the brush window moves a month per step; "as reported by" walks the publication days. */
  play(): void {
    const s = this.app.state;
    const t = s.timeline.data;
    if (!t || s.timeline.playing || !playStep(t, s.timeline.mode, s.filters)) return;
    this.app.store.set(setPlaying(true));
    const step = () => {
      const now = this.app.state;
      const next = playStep(t, now.timeline.mode, now.filters);
      if (!next) return this.pause();
      if ('asOf' in next) this.setAsOf(next.asOf);
      else this.setRange(next.range);
      if (next.last) this.pause();
    };
    step();
    if (this.app.state.timeline.playing) this.playTimer = setInterval(step, PLAY_STEP_MS);
  }

  pause(): void {
    if (this.playTimer) clearInterval(this.playTimer);
    this.playTimer = null;
    this.app.store.set(setPlaying(false));
  }
}
