import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { countByLabel } from '../../core/graph/graph-store';
import { shownPerspective } from '../../core/perspective/actions';
import { edgeColor, edgeFamilies, labelName } from '../../render/style';
import { legendTopRoom } from '../map/room';

/**
 * What is drawn, per label (every label of a node counts; each toggles on/off), the contested
 * marker, and the relationship colours. Counts are of drawn nodes the filters keep: the timeline's
 * brush (whether it fades or hides the rest), "as reported by" and the single-source filter take
 * theirs away; a label toggled off shows what it would add back. A label's glyph opens the style
 * panel (caption, colour, size, icon). Scrolls, or folds away, when the graph area is short; starts
 * folded in a narrow window. Its top stays below the controls above it (useTopRoom).
 */
export function Legend() {
  const explorer = useExplorer();
  const graph = useApp((s) => s.history.present.state);
  const hiddenLabels = useApp((s) => s.hiddenLabels);
  const shown = useApp((s) => s.shown);
  const theme = useApp((s) => s.theme);
  // Re-render when the perspective (names, colours, glyphs) changes.
  const perspective = useApp(shownPerspective);
  const [edgesOpen, setEdgesOpen] = useState(false);
  const [folded, setFolded] = useState(startsFolded);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the perspective decides which labels count
  const loaded = useMemo(() => countByLabel(graph), [graph, perspective]);
  const counts = useMemo(() => {
    const rows: [string, number][] = [];
    for (const [label, n] of loaded) rows.push([label, hiddenLabels.has(label) ? n : (shown.byLabel[label] ?? 0)]);
    return rows.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [loaded, hiddenLabels, shown]);
  const groups = useMemo(() => {
    const present = new Set<string>();
    for (const e of graph.edges.values()) present.add(e.type);
    const families = edgeFamilies();
    if (families.length)
      return families
        .filter((f) => f.types.some((t) => present.has(t)))
        .map((f) => ({ key: f.name, name: f.name, types: f.types as readonly string[], type: null as string | null }));
    // Without families (derived perspectives): one entry per type, which opens its style.
    return [...present]
      .sort()
      .map((t) => ({ key: t, name: t, types: [t] as readonly string[], type: t as string | null }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the perspective decides the groups
  }, [graph, perspective]);
  const legend = useTopRoom(folded, counts.length > 0);
  if (!counts.length) return null;
  const total = counts.reduce((a, [l, n]) => a + (hiddenLabels.has(l) ? 0 : n), 0);
  return (
    <div className={`overlay legend${folded ? ' folded' : ''}`} data-testid="legend" ref={legend}>
      <h4>
        <button
          className="legend-fold"
          onClick={() => setFolded((f) => !f)}
          aria-expanded={!folded}
          title={folded ? 'Show the legend' : 'Fold the legend away'}
        >
          In view {folded ? <span className="n">{total.toLocaleString('en-GB')}</span> : null}
          <span aria-hidden>{folded ? '▸' : '▾'}</span>
        </button>
        {hiddenLabels.size && !folded ? (
          <button
            className="link small"
            style={{ marginLeft: 'auto', textTransform: 'none', letterSpacing: 0 }}
            onClick={() => explorer.showAllLabels()}
          >
            show all
          </button>
        ) : null}
      </h4>
      {folded ? null : (
        <div className="legend-rows">
          {counts.map(([label, n]) => {
            const off = hiddenLabels.has(label);
            return (
              <div key={label} className={`legend-row${off ? ' off' : ''}`}>
                <button
                  className="legend-style"
                  onClick={() => explorer.openStylePanel({ kind: 'label', name: label })}
                  title={`Style of ${label}: caption, colour, size, icon`}
                  aria-label={`Style of ${label}`}
                  data-testid={`style-label-${label}`}
                >
                  <Glyph label={label} theme={theme} size={16} />
                </button>
                <button
                  className={`legend-item${off ? ' off' : ''}`}
                  onClick={() => explorer.toggleLabel(label)}
                  aria-pressed={!off}
                  title={off ? `Show ${labelName(label)}` : `Hide ${labelName(label)}`}
                  data-testid={`legend-${label}`}
                  data-count={n}
                >
                  <span>{labelName(label)}</span>
                  <span className="n">{n.toLocaleString('en-GB')}</span>
                </button>
              </div>
            );
          })}
          {shown.contested ? (
            <div
              className="legend-item static"
              data-testid="legend-contested"
              data-count={shown.contested}
              title="Events whose claims contradict each other: a red dashed ring with “!”"
            >
              <ContestedMark />
              <span>Contested</span>
              <span className="n">{shown.contested.toLocaleString('en-GB')}</span>
            </div>
          ) : null}
          {groups.length ? (
            <>
              <button className="link small" style={{ marginTop: 4 }} onClick={() => setEdgesOpen((o) => !o)}>
                {edgesOpen ? 'Hide relationship colours' : 'Relationship colours'}
              </button>
              {edgesOpen ? (
                <div className="legend-edges">
                  {groups.map((g) =>
                    g.type ? (
                      <button
                        className="legend-edge link"
                        key={g.key}
                        onClick={() => explorer.openStylePanel({ kind: 'relationship', name: g.type! })}
                        title={`Style of ${g.type}`}
                        data-testid={`style-type-${g.type}`}
                      >
                        <i style={{ background: edgeColor(g.type, theme) }} />
                        {g.name}
                      </button>
                    ) : (
                      <span className="legend-edge" key={g.key} title={g.types.join(', ')}>
                        <i style={{ background: edgeColor(g.types[0]!, theme) }} />
                        {g.name}
                      </span>
                    ),
                  )}
                </div>
              ) : null}
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}

/**
 * Measures the legend's top room (--legend-top-room, graph.css) from the controls above it, which
 * wrap and grow with the window, and on the map from the distance card's least room (map/room.ts).
 * Measured again when the graph area or the legend resizes, when a control comes or goes (the map's
 * credit, the "Not on the map" list) and when the list's width changes (the area's style).
 */
function useTopRoom(folded: boolean, rendered: boolean): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  const map = useApp((s) => s.view.mode === 'map');
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.parentElement;
    if (!el || !area) return;
    const place = () => el.style.setProperty('--legend-top-room', `${legendTopRoom(area, el, map)}px`);
    place();
    if (typeof ResizeObserver === 'undefined') return;
    const resized = new ResizeObserver(place);
    for (const e of [area, el, ...area.querySelectorAll('.view-switch')]) resized.observe(e);
    const changed = new MutationObserver(place);
    changed.observe(area, { childList: true, attributes: true, attributeFilter: ['style'] });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [folded, rendered, map]);
  return ref;
}

/** Where the side panels get narrower (narrow.css): the graph area is small, and the legend opens over it. */
const NARROW = '(max-width: 1100px)';

/** The legend starts folded to its title and count in a narrow window (it unfolds on a click). */
function startsFolded(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW).matches;
}

/** The marker the graph draws around contested events (render/layers/marker-layer.ts), in small. */
function ContestedMark() {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden className="contested-mark">
      <circle cx={7} cy={9} r={5.5} fill="none" strokeWidth={1.6} strokeDasharray="2.6 2" />
      <circle cx={12} cy={4} r={3.6} className="badge" />
      <text x={12} y={5.8} textAnchor="middle" fontSize={6} fontWeight={700} fill="#fff">
        !
      </text>
    </svg>
  );
}
