import { useEffect, useMemo, useState } from 'react';
import type { TimelineEvent } from '../../../shared/api';
import { Icon } from '../shell/Icon';
import { formatDate, formatShortDate } from '../format';
import { useApp, useExplorer } from '../context';
import { timeScale } from '../../core/timeline/scale';
import { ShownCounts } from './ShownCounts';
import { TimelineChart } from './TimelineChart';
import { useFold } from './useFold';

/**
 * The timeline strip under the graph: its bar (the kind of time, play, the range or day shown and
 * what it keeps, clear) over the chart (TimelineChart: events, articles, the brush and day cursor).
 */
export function TimelineStrip() {
  const explorer = useExplorer();
  const timeline = useApp((s) => s.timeline.data);
  const error = useApp((s) => s.timeline.error);
  const mode = useApp((s) => s.timeline.mode);
  const filters = useApp((s) => s.filters);
  const playing = useApp((s) => s.timeline.playing);
  // A callback ref: the strip's element appears only once the timeline has loaded (after sign-in,
  // say), and its width must be observed from then on, not from the first render.
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(800);
  const [knownThen, setKnownThen] = useState<Set<string> | null>(null);
  const fold = useFold(host);

  useEffect(() => {
    const el = host;
    if (!el) return;
    // The chart is as wide as the strip's content box (its padding excluded), never wider.
    const inner = () => {
      const cs = getComputedStyle(el);
      return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    };
    const ro = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(inner()))));
    ro.observe(el);
    setWidth(Math.max(200, Math.floor(inner())));
    return () => ro.disconnect();
  }, [host]);

  // "As reported by": ask the server which events were known then (debounced).
  useEffect(() => {
    if (mode !== 'reported' || !filters.asOf) {
      setKnownThen(null);
      return;
    }
    const asOf = filters.asOf;
    const t = setTimeout(() => {
      explorer.api
        .timeline({ asReportedBy: asOf })
        .then((r) => setKnownThen(new Set(r.events.map((e) => e.id))))
        .catch(() => setKnownThen(null));
    }, 120);
    return () => clearTimeout(t);
  }, [explorer, mode, filters.asOf]);

  const scale = useMemo(() => {
    const days = timeline
      ? [...timeline.events.flatMap((e) => [e.start, e.end]), ...timeline.articles.map((a) => a.published)].sort()
      : [];
    return days.length ? timeScale(days[0]!, days[days.length - 1]!, width) : null;
  }, [timeline, width]);

  if (error) {
    return (
      <div className="timeline-strip" data-testid="timeline">
        <div className="tl-empty">The timeline could not be loaded: {error}</div>
      </div>
    );
  }
  if (!timeline || !scale) {
    return (
      <div className={fold.folded ? 'timeline-strip folded' : 'timeline-strip'} data-testid="timeline" ref={setHost}>
        <div className="tl-empty">{timeline ? 'No dated events or articles.' : 'Loading the timeline…'}</div>
      </div>
    );
  }

  const range = filters.range;
  const inRange = (e: TimelineEvent) => !range || (e.start <= range.to && e.end >= range.from);
  // The label shows the brushed range unless it shows the "known on" day.
  const ranged = mode === 'reported' && filters.asOf ? null : range;
  const eventsIn = timeline.events.filter(inRange).length;
  const knownCount = knownThen ? timeline.events.filter((e) => knownThen.has(e.id)).length : null;

  return (
    <div
      className={fold.folded ? 'timeline-strip folded' : 'timeline-strip'}
      data-testid="timeline"
      data-folded={fold.folded ? '1' : '0'}
      ref={setHost}
    >
      <div className="tl-bar">
        {fold.tight ? (
          <button
            className="btn small ghost"
            onClick={fold.toggle}
            aria-expanded={!fold.folded}
            aria-controls="timeline-chart"
            aria-label={fold.folded ? 'Show the timeline chart' : 'Fold the timeline to its bar'}
            title={fold.folded ? 'Show the timeline chart' : 'Fold the timeline to its bar (more room for the graph)'}
            data-testid="timeline-fold"
          >
            <Icon name={fold.folded ? 'up' : 'down'} size={12} />
          </button>
        ) : null}
        <div className="seg" role="tablist" aria-label="Kind of time">
          <button
            role="tab"
            aria-selected={mode === 'happened'}
            className={mode === 'happened' ? 'on' : ''}
            onClick={() => explorer.setTimeMode('happened')}
            data-testid="time-happened"
            title="Filter by when events happened"
          >
            Happened
          </button>
          {/* "As reported by" needs publication days: only with articles. */}
          {timeline.articles.length ? (
            <button
              role="tab"
              aria-selected={mode === 'reported'}
              className={mode === 'reported' ? 'on' : ''}
              onClick={() => explorer.setTimeMode('reported')}
              data-testid="time-reported"
              title="Only what articles published by a day had reported"
            >
              <span className="tl-long">As reported by</span>
              <span className="tl-short">Reported</span>
            </button>
          ) : null}
        </div>
        <button
          className="btn small"
          onClick={() => (playing ? explorer.pause() : explorer.play())}
          data-testid="timeline-play"
          aria-label={playing ? 'Pause' : 'Play through time'}
        >
          {playing ? (
            <span className="pause-glyph" aria-hidden>
              ❚❚
            </span>
          ) : (
            <Icon name="play" size={12} />
          )}
          <span className="tl-play-text">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <span
          className={ranged ? 'tl-label ranged' : 'tl-label'}
          title={ranged ? `${formatDate(ranged.from)} – ${formatDate(ranged.to)}` : undefined}
          data-testid="timeline-label"
        >
          {mode === 'reported' && filters.asOf ? (
            <>
              Known on <b>{formatDate(filters.asOf)}</b>
              {knownCount !== null ? (
                <span className="muted">
                  {' '}
                  · {knownCount} of {timeline.events.length} events reported
                </span>
              ) : null}
            </>
          ) : range ? (
            <>
              <b>{formatShortDate(range.from)}</b>{' '}
              <span className="nowrap">
                – <b>{formatShortDate(range.to)}</b>
              </span>
              <span className="muted">
                {' '}
                · {eventsIn} of {timeline.events.length} events
              </span>
            </>
          ) : (
            <span className="muted">
              Drag across the strip to filter by period ·{' '}
              {timeline.articles.length
                ? `${timeline.events.length} events, ${timeline.articles.length} articles`
                : `${timeline.events.length} dated`}
            </span>
          )}
        </span>
        {range && mode === 'happened' ? (
          <label className="tl-check">
            <input
              type="checkbox"
              checked={filters.hideOutside}
              onChange={(e) => explorer.setHideOutside(e.target.checked)}
              data-testid="timeline-hide"
            />{' '}
            <span>Hide the rest</span>
          </label>
        ) : null}
        <ShownCounts />
        {range || filters.asOf ? (
          <button
            className="btn small ghost"
            onClick={() => explorer.clearTime()}
            data-testid="timeline-clear"
            aria-label="Clear"
            title="Clear the time filter"
          >
            <span className="tl-clear-icon">
              <Icon name="close" size={11} />
            </span>
            <span className="tl-clear-text">Clear</span>
          </button>
        ) : null}
      </div>
      <TimelineChart timeline={timeline} scale={scale} width={width} knownThen={knownThen} />
    </div>
  );
}
