import { useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { TimelineEvent, TimelineResponse } from '../../../shared/api';
import { formatDate } from '../format';
import { useApp, useExplorer } from '../context';
import { dayMs, packLanes, ticks, type TimeScale } from '../../core/timeline/scale';

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

interface Props {
  readonly timeline: TimelineResponse;
  readonly scale: TimeScale;
  readonly width: number;
  /** Events known on the "as reported by" day, or null when that mode is off (or still asking). */
  readonly knownThen: Set<string> | null;
}

/**
 * The strip's chart: events by when they happened (dots and bars in lanes, contested ones ringed
 * red), articles by publication day (ticks on their own row), the brush to filter the graph to a
 * range, and the "as reported by" day cursor, with a tip for what the pointer is over.
 */
export function TimelineChart({ timeline, scale, width, knownThen }: Props) {
  const explorer = useExplorer();
  const mode = useApp((s) => s.timeline.mode);
  const filters = useApp((s) => s.filters);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);

  const lanes = useMemo(() => {
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
  const brush = range ? { x0: scale.x(range.from), x1: scale.x(range.to) } : null;
  const cursorX = mode === 'reported' && filters.asOf ? scale.x(filters.asOf) : null;

  return (
    <>
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
    </>
  );
}

/** For tests of the strip's geometry. */
export const TIMELINE_GEOMETRY = { HEIGHT, AXIS_Y, dayMs };
