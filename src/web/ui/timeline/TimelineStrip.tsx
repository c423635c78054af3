import { useEffect, useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { TimelineEvent } from '../../../shared/api';
import { Icon } from '../shell/Icon';
import { formatDate, formatShortDate } from '../format';
import { useApp, useExplorer } from '../context';
import { dayMs, packLanes, ticks, timeScale } from '../../core/timeline/scale';
import { ShownCounts } from './ShownCounts';
import { useFold } from './useFold';

const HEIGHT = 104;
const AXIS_Y = HEIGHT - 18;
const ARTICLE_Y = AXIS_Y - 12;
const LANE_H = 11;
const TOP = 8;

type Drag =
  | { kind: 'new'; x0: number }
  | { kind: 'move'; dx: number; width: number }
  | { kind: 'left' | 'right' }
  | { kind: 'cursor' };

/**
 * The timeline strip under the graph: events by when they happened (dots and bars in lanes,
 * contested ones ringed red), articles by publication day (ticks on their own row), a brush to
 * filter the graph to a range, a play button, and the "as reported by" mode with a day cursor.
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
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
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

  const lanes = useMemo(() => {
    if (!timeline || !scale) return [];
    const items = timeline.events.map((e) => {
      const x0 = scale.x(e.start);
      const x1 = Math.max(scale.x(e.end), x0 + 6);
      return { e, x0, x1 };
    });
    // Every bar gets a lane of its own where it overlaps another: none hides another.
    items.sort((a, b) => a.x0 - b.x0 || b.x1 - a.x1);
    const laneOf = packLanes(items, 3, Infinity);
    return items.map((it, i) => ({ ...it, lane: laneOf[i]! }));
  }, [timeline, scale]);
  const laneCount = lanes.reduce((m, l) => Math.max(m, l.lane + 1), 1);
  // Lanes share the height above the article row; bars thin out when there are many.
  const laneH = Math.min(LANE_H, (ARTICLE_Y - 7 - TOP) / laneCount);
  const barH = Math.max(3, Math.min(8, laneH - 2));

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
  const local = (ev: ReactPointerEvent) => ev.clientX - (ev.currentTarget as SVGElement).getBoundingClientRect().left;

  const onDown = (ev: ReactPointerEvent<SVGSVGElement>) => {
    if (ev.button !== 0) return;
    (ev.currentTarget as SVGSVGElement).setPointerCapture(ev.pointerId);
    const x = local(ev);
    explorer.pause();
    if (mode === 'reported') {
      setDrag({ kind: 'cursor' });
      explorer.setAsOf(scale.day(x));
      return;
    }
    if (range) {
      const a = scale.x(range.from);
      const b = scale.x(range.to);
      if (Math.abs(x - a) < 6) return setDrag({ kind: 'left' });
      if (Math.abs(x - b) < 6) return setDrag({ kind: 'right' });
      if (x > a && x < b) return setDrag({ kind: 'move', dx: x - a, width: b - a });
    }
    setDrag({ kind: 'new', x0: x });
  };
  const onMove = (ev: ReactPointerEvent<SVGSVGElement>) => {
    const x = local(ev);
    if (!drag) return;
    if (drag.kind === 'cursor') explorer.setAsOf(scale.day(x));
    else if (drag.kind === 'new') {
      if (Math.abs(x - drag.x0) > 3)
        explorer.setRange({ from: scale.day(Math.min(x, drag.x0)), to: scale.day(Math.max(x, drag.x0)) });
    } else if (drag.kind === 'move') {
      const a = Math.max(0, Math.min(width - drag.width, x - drag.dx));
      explorer.setRange({ from: scale.day(a), to: scale.day(a + drag.width) });
    } else if (range) {
      if (drag.kind === 'left') explorer.setRange({ from: scale.day(x), to: range.to });
      else explorer.setRange({ from: range.from, to: scale.day(x) });
    }
  };
  const onUp = (ev: ReactPointerEvent<SVGSVGElement>) => {
    if (drag?.kind === 'new' && Math.abs(local(ev) - drag.x0) <= 3) explorer.setRange(null); // a click clears the brush
    setDrag(null);
  };

  const t = ticks(scale);
  // The label shows the brushed range unless it shows the "known on" day.
  const ranged = mode === 'reported' && filters.asOf ? null : range;
  const brush = range ? { x0: scale.x(range.from), x1: scale.x(range.to) } : null;
  const cursorX = mode === 'reported' && filters.asOf ? scale.x(filters.asOf) : null;
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
      <svg
        id="timeline-chart"
        className={`tl-chart ${mode}`}
        width={width}
        height={HEIGHT}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerLeave={() => setHover(null)}
        data-testid="timeline-chart"
        role="img"
        aria-label="Timeline of events and articles"
      >
        {t.map((k) => (
          <g key={k.iso}>
            <line
              x1={scale.x(k.iso)}
              x2={scale.x(k.iso)}
              y1={TOP - 4}
              y2={AXIS_Y}
              className={k.major ? 'tick major' : 'tick'}
            />
            <text x={scale.x(k.iso) + 3} y={HEIGHT - 5} className={k.major ? 'tick-label major' : 'tick-label'}>
              {k.label}
            </text>
          </g>
        ))}
        <line x1={0} x2={width} y1={AXIS_Y} y2={AXIS_Y} className="axis" />
        {lanes.map(({ e, x0, x1, lane }) => {
          const y = TOP + lane * laneH;
          const dim = !inRange(e) || (knownThen !== null && !knownThen.has(e.id));
          const point = e.start === e.end;
          return (
            <g
              key={e.id}
              className={`tl-event${dim ? ' dim' : ''}${e.contested ? ' contested' : ''}`}
              data-testid="timeline-event"
              data-key={e.key ?? e.id}
              data-dim={dim ? '1' : '0'}
              onPointerEnter={() =>
                setHover({
                  x: (x0 + x1) / 2,
                  text: `${e.name} · ${e.start === e.end ? formatDate(e.start) : `${formatDate(e.start)} – ${formatDate(e.end)}`}${e.contested ? ' · contested claims' : ''}`,
                })
              }
              onPointerLeave={() => setHover(null)}
              onDoubleClick={() => void explorer.openEntity(e.key ?? e.id)}
            >
              {point ? (
                <circle cx={x0 + 3} cy={y + barH / 2} r={barH / 2} />
              ) : (
                <rect x={x0} y={y} width={x1 - x0} height={barH} rx={barH / 2} />
              )}
            </g>
          );
        })}
        {timeline.articles.map((a) => {
          const x = scale.x(a.published);
          const dim =
            (range && (a.published < range.from || a.published > range.to)) ||
            (mode === 'reported' && filters.asOf !== null && a.published > filters.asOf);
          return (
            <g
              key={a.id}
              className={`tl-article${dim ? ' dim' : ''}`}
              data-testid="timeline-article"
              data-key={a.key ?? a.id}
              onPointerEnter={() =>
                setHover({
                  x,
                  text: `${a.title}${a.outlet ? ` · ${a.outlet}` : ''} · published ${formatDate(a.published)}`,
                })
              }
              onPointerLeave={() => setHover(null)}
            >
              <path d={`M${x - 4} ${ARTICLE_Y - 5}h6l2 2v8h-8z`} />
            </g>
          );
        })}
        {brush ? (
          <g className="tl-brush" data-testid="timeline-brush">
            <rect x={brush.x0} y={2} width={Math.max(1, brush.x1 - brush.x0)} height={AXIS_Y - 2} />
            <line x1={brush.x0} x2={brush.x0} y1={2} y2={AXIS_Y} className="handle" />
            <line x1={brush.x1} x2={brush.x1} y1={2} y2={AXIS_Y} className="handle" />
          </g>
        ) : null}
        {cursorX !== null ? (
          <g className="tl-cursor" data-testid="timeline-cursor">
            <rect x={0} y={2} width={Math.max(0, cursorX)} height={AXIS_Y - 2} />
            <line x1={cursorX} x2={cursorX} y1={0} y2={AXIS_Y + 2} />
          </g>
        ) : null}
      </svg>
      {hover ? (
        <div className="tl-tip" style={{ left: Math.min(Math.max(8, hover.x - 140), width - 290) }}>
          {hover.text}
        </div>
      ) : null}
    </div>
  );
}

/** For tests of the strip's geometry. */
export const TIMELINE_GEOMETRY = { HEIGHT, AXIS_Y, dayMs };
