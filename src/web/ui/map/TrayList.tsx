import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { filterTrayRows, TRAY_FILTER_FROM, type TrayRow } from '../../core/map/tray-list';
import { labelName } from '../../render/style';

/**
 * In map mode, the nodes without coordinates (the tray beside the map) as a list to read: the
 * canvas has room for few of their captions. A row selects its node as a click on it does (the
 * detail panel opens) and brings the camera there; pointing at a row highlights the node with the
 * canvas's own hover layer. Rows are the map layout's tray (app/views.ts), so they follow every
 * change of the graph and its filters. Starts folded to its title and count; opened or folded, the
 * map is framed again in the room it leaves, and no caption of the canvas is written under it.
 * Gone off the map.
 */
export function TrayList() {
  const rows = useApp((s) => s.view.tray);
  const on = useApp((s) => s.view.mode === 'map' && (s.view.map.state === 'on' || s.view.map.state === 'animating'));
  const explorer = useExplorer();
  // Folded at first: the map's first view keeps its size; opened, the map is framed beside it.
  const [folded, setFolded] = useState(true);
  const toggled = useRef(false);
  // Where it is, opened or folded: no caption of the canvas is written under it, and the distance
  // card sits beside it (its width, views.css).
  const list = useRef<HTMLElement>(null);
  const shown = on && rows.length > 0;
  useEffect(() => {
    const el = list.current;
    const host = el?.parentElement;
    if (!shown || !el || !host) return;
    const moved = () => {
      host.style.setProperty('--tray-list-room', `${el.offsetWidth}px`);
      explorer.views.map.setList(el);
    };
    moved();
    const observer = new ResizeObserver(moved);
    observer.observe(el);
    return () => {
      observer.disconnect();
      host.style.removeProperty('--tray-list-room');
      explorer.views.map.setList(null);
    };
  }, [shown, explorer]);
  useEffect(() => {
    if (!toggled.current) return;
    const frame = requestAnimationFrame(() => explorer.views.map.reframe());
    return () => cancelAnimationFrame(frame);
  }, [folded, explorer]);
  if (!shown) return null;
  return (
    <section
      ref={list}
      className={`overlay tray-list${folded ? ' folded' : ''}`}
      data-testid="tray-list"
      aria-label="Not on the map"
    >
      <h4>
        <button
          className="legend-fold"
          onClick={() => {
            toggled.current = true;
            setFolded((f) => !f);
          }}
          aria-expanded={!folded}
          title={folded ? 'List the nodes without coordinates' : 'Fold the list away'}
          data-testid="tray-list-fold"
        >
          Not on the map <span className="n">({rows.length.toLocaleString('en-GB')})</span>
          <span aria-hidden>{folded ? '▸' : '▾'}</span>
        </button>
      </h4>
      {folded ? null : <TrayRows rows={rows} />}
    </section>
  );
}

function TrayRows({ rows }: { rows: readonly TrayRow[] }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const focus = useApp((s) => s.focus);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterTrayRows(rows, query), [rows, query]);
  const hover = (id: string | null) => explorer.sigmaController?.highlight.setHover(id);
  const open = (id: string) => {
    hover(null);
    // The canvas's click path (selection, detail panel), then the camera to the node.
    explorer.select(id);
    explorer.sigmaController?.camera.focusNode(id);
  };
  return (
    <>
      {rows.length >= TRAY_FILTER_FROM ? (
        <input
          className="input"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Filter by name or type"
          aria-label="Filter the nodes not on the map"
          data-testid="tray-list-filter"
        />
      ) : null}
      <ul className="tray-rows" onPointerLeave={() => hover(null)}>
        {shown.map((r) => (
          <li key={r.id}>
            <button
              className={`legend-item${r.id === focus ? ' on' : ''}`}
              onClick={() => open(r.id)}
              onPointerEnter={() => hover(r.id)}
              onFocus={() => hover(r.id)}
              onBlur={() => hover(null)}
              title={`${r.caption} (${labelName(r.label)}, ${r.degree} link${r.degree === 1 ? '' : 's'} in view)`}
              aria-current={r.id === focus ? 'true' : undefined}
              data-testid="tray-row"
              data-id={r.id}
            >
              <Glyph label={r.label} theme={theme} size={14} />
              <span className="tray-text">
                <span className="tray-caption">{r.caption}</span>
                <span className="tray-type">{labelName(r.label)}</span>
              </span>
            </button>
          </li>
        ))}
        {shown.length ? null : <li className="muted small">Nothing matches “{query}”.</li>}
      </ul>
    </>
  );
}
