import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useApp, useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { expansionOf } from '../../core/graph/graph-store';
import { Legend } from './Legend';
import { UndoMerge } from '../detail/UndoMerge';
import { excludeFor, excludeWithMentions, pathBreaks, type PathSkip, type PathView } from '../../core/paths/actions';

/** Everything drawn over the canvas: legend, zoom, status, path bar, layout state, context menu. */
export function GraphOverlay() {
  return (
    <>
      <Legend />
      <ZoomControls />
      <StatusBar />
      <PathBar />
      <LayoutChip />
      <ContextMenu />
      <EmptyState />
    </>
  );
}

function ZoomControls() {
  const explorer = useExplorer();
  const webgl = useApp((s) => s.webgl);
  if (!webgl?.ok) return null;
  const c = () => explorer.sigmaController;
  return (
    <div className="overlay zoom">
      <button className="btn icon" onClick={() => c()?.camera.zoom(1.5)} aria-label="Zoom in" title="Zoom in">
        <Icon name="plus" />
      </button>
      <button className="btn icon" onClick={() => c()?.camera.zoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out">
        <Icon name="minus" />
      </button>
      <button className="btn icon" onClick={() => c()?.camera.fit()} aria-label="Fit the graph" title="Fit the graph">
        <Icon name="fit" />
      </button>
    </div>
  );
}

function StatusBar() {
  const explorer = useExplorer();
  const status = useApp((s) => s.status);
  const ref = useStatusRoom();
  if (!status) return null;
  return (
    <div
      ref={ref}
      className={`overlay statusbar ${status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
      data-testid="status"
    >
      {status.kind === 'busy' ? <span className="spinner" aria-hidden /> : null}
      <span>{status.text}</span>
      {status.open ? (
        <button
          className="btn small"
          data-testid="status-open"
          onClick={() => {
            const ref = status.open!.ref;
            explorer.clearStatus();
            void explorer.selection.focusRef(ref);
          }}
        >
          Open {status.open.caption}
        </button>
      ) : null}
      {status.undoMerge ? <UndoMerge offer={status.undoMerge} /> : null}
      <button className="btn ghost icon small" onClick={() => explorer.clearStatus()} aria-label="Dismiss">
        <Icon name="close" size={13} />
      </button>
    </div>
  );
}

/**
 * Publishes, while the element is drawn, how much room it takes (`measure`, px) as a CSS variable on
 * its parent, kept current as it resizes; set before paint, so nothing placed by it overlaps it.
 */
function useRoom(
  variable: string,
  measure: (el: HTMLDivElement, host: HTMLElement) => number,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const host = el?.parentElement;
    if (!el || !host) return;
    const set = () => host.style.setProperty(variable, `${Math.ceil(measure(el, host))}px`);
    set();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(set);
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      host.style.removeProperty(variable);
    };
  });
  return ref;
}

/**
 * The status line and the map's "Not on the map" list share the top right of the graph area: in a
 * narrow one a message wraps down to where the list starts. While a message shows, its bottom (plus
 * a gap, from the area's top) is --status-room, which moves the list below it (views.css).
 */
const useStatusRoom = () =>
  useRoom('--status-room', (el, host) => el.getBoundingClientRect().bottom - host.getBoundingClientRect().top + 8);

/**
 * The path bar and the legend share the bottom of the graph area: while the bar is up, its
 * height (plus a gap) is --pathbar-room, which lifts the legend.
 */
const usePathbarRoom = () => useRoom('--pathbar-room', (el) => el.offsetHeight + 10);

/**
 * What the path bar says of the paths found: how many and how long, or, when nodes on them are
 * hidden (or toggled off in the legend), that they are broken there and by which nodes.
 */
function PathSummary({ path, caption }: { path: PathView; caption: (id: string) => string }) {
  const graph = useApp((s) => s.history.present.state);
  const hiddenLabels = useApp((s) => s.hiddenLabels);
  const { hidden, intact, drawn } = pathBreaks(path, graph, hiddenLabels);
  const hops = `${path.length} hop${path.length === 1 ? '' : 's'}`;
  const ends = (
    <>
      between <b>{caption(path.from)}</b> and <b>{caption(path.to)}</b>
    </>
  );
  if (!hidden.length)
    return (
      <>
        <b>{path.count}</b> shortest path{path.count === 1 ? '' : 's'} ({hops}) {ends}
      </>
    );
  const names = hidden.map(caption).join(', ');
  const are = hidden.length === 1 ? 'is' : 'are';
  return (
    <span data-testid="path-broken">
      {intact === 0 ? (
        <>
          {drawn === 1 ? 'The shortest path' : `All ${drawn} shortest paths`} ({hops}) {ends}{' '}
          {drawn === 1 ? 'is' : 'are'} broken: <b>{names}</b> {are} hidden
        </>
      ) : (
        <>
          <b>{intact}</b> of {drawn} shortest paths ({hops}) {ends} still shown; the others go through <b>{names}</b>,
          hidden
        </>
      )}
    </span>
  );
}

function PathBar() {
  const explorer = useExplorer();
  const selection = useApp((s) => s.selection);
  const path = useApp((s) => s.path);
  const nodes = useApp((s) => s.history.present.state.nodes);
  const caption = (id: string) => nodes.get(id)?.caption ?? id;
  const room = usePathbarRoom();
  if (path) {
    const retry = excludeWithMentions(path.exclude);
    return (
      <div className="overlay pathbar" data-testid="pathbar" ref={room}>
        <Icon name="path" />
        <span>
          {path.count ? (
            <PathSummary path={path} caption={caption} />
          ) : (
            <>
              No path between <b>{caption(path.from)}</b> and <b>{caption(path.to)}</b>
            </>
          )}
        </span>
        {!path.count && retry ? (
          <button
            className="btn small"
            onClick={() => void explorer.findPaths(path.from, path.to, retry)}
            data-testid="path-retry-mentions"
          >
            Try again including mentions
          </button>
        ) : null}
        {path.count > 1 ? (
          <span className="row" style={{ flexShrink: 0 }} data-testid="path-steps">
            <button
              className="btn small"
              onClick={() => explorer.stepPath((path.step ?? 0) - 1)}
              aria-label="Previous path"
            >
              ‹
            </button>
            <span data-testid="path-step" style={{ whiteSpace: 'nowrap' }}>
              {path.step === null ? 'all' : `${path.step + 1} of ${path.count}`}
            </span>
            <button
              className="btn small"
              onClick={() => explorer.stepPath(path.step === null ? 0 : path.step + 1)}
              aria-label="Next path"
              data-testid="path-next"
            >
              ›
            </button>
            {path.step !== null ? (
              <button className="btn small" onClick={() => explorer.stepPath(null)}>
                All
              </button>
            ) : null}
          </span>
        ) : null}
        <button className="btn small" onClick={() => explorer.clearPath()} data-testid="clear-path">
          Clear
        </button>
      </div>
    );
  }
  if (selection.length !== 2) return null;
  const [a, b] = selection as [string, string];
  return <PathFinder a={a} b={b} caption={caption} room={room} />;
}

/** The path bar's button, where the keyboard goes once a second node is added by name. */
export const FIND_PATHS_ID = 'find-paths';

const SKIP_NAMES: Record<PathSkip, string> = { mentions: 'mentions', claims: 'claims', articles: 'articles' };

/** Two nodes selected: what the path search may skip, and the button. */
function PathFinder({
  a,
  b,
  caption,
  room,
}: {
  a: string;
  b: string;
  caption: (id: string) => string;
  room: RefObject<HTMLDivElement | null>;
}) {
  const explorer = useExplorer();
  const [skips, setSkips] = useState<ReadonlySet<PathSkip>>(() => new Set<PathSkip>(['mentions']));
  const toggle = (k: PathSkip) =>
    setSkips((cur) => {
      const next = new Set(cur);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  return (
    <div className="overlay pathbar" data-testid="pathbar" ref={room}>
      <span>
        <b>{caption(a)}</b> and <b>{caption(b)}</b> selected
      </span>
      <span className="small muted">Skip:</span>
      {(Object.keys(SKIP_NAMES) as PathSkip[]).map((k) => (
        <label key={k} className="tl-check">
          <input type="checkbox" checked={skips.has(k)} onChange={() => toggle(k)} data-testid={`path-skip-${k}`} />
          {SKIP_NAMES[k]}
        </label>
      ))}
      <button
        className="btn primary small"
        onClick={() => void explorer.findPaths(a, b, excludeFor(skips))}
        id={FIND_PATHS_ID}
        data-testid="find-paths"
      >
        <Icon name="path" /> Find paths
      </button>
    </div>
  );
}

function LayoutChip() {
  const explorer = useExplorer();
  const running = useApp((s) => s.layoutRunning);
  if (!running) return null;
  return (
    <div className="overlay layout-chip">
      Arranging…{' '}
      <button className="link small" onClick={() => explorer.layout.stop()}>
        stop
      </button>
    </div>
  );
}

/** Arrow keys, Home and End move between a menu's items (the ARIA menu pattern); Esc closes it (TopBar). */
function moveInMenu(e: KeyboardEvent<HTMLDivElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role=menuitem]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  if (!(e.key in to) || !items.length) return;
  e.preventDefault();
  items[to[e.key]!]?.focus();
}

function ContextMenu() {
  const explorer = useExplorer();
  const menu = useApp((s) => s.contextMenu);
  const graph = useApp((s) => s.history.present.state);
  const box = useRef<HTMLDivElement | null>(null);
  // Opened on a node, the menu takes the focus, so the keyboard can go on from there; closed with
  // the focus in it, the focus goes back where it was (the graph, when opened by Shift+F10).
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (menu) {
      if (active instanceof HTMLElement && !box.current?.contains(active)) opener.current = active;
      box.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus({ preventScroll: true });
      return;
    }
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected && (!active || active === document.body)) back.focus({ preventScroll: true });
  }, [menu]);
  if (!menu) return null;
  const node = graph.nodes.get(menu.node);
  if (!node) return null;
  const expanded = !!expansionOf(graph, node.id);
  const pinned = graph.pinned.has(node.id);
  return (
    <div
      className="overlay context-menu"
      style={{ left: menu.x, top: menu.y }}
      role="menu"
      ref={box}
      onKeyDown={moveInMenu}
      onMouseLeave={() => explorer.closeContextMenu()}
    >
      <div className="title">{node.caption}</div>
      <button
        role="menuitem"
        onClick={() => {
          explorer.closeContextMenu();
          void explorer.expand(node.id);
        }}
      >
        {expanded ? 'Expand again' : 'Expand'}
      </button>
      {expanded ? (
        <button role="menuitem" onClick={() => explorer.collapse(node.id)}>
          Collapse
        </button>
      ) : null}
      <button role="menuitem" onClick={() => explorer.hide([node.id])}>
        Hide
      </button>
      <button role="menuitem" onClick={() => explorer.setPinned(node.id, !pinned)}>
        {pinned ? 'Unpin' : 'Pin in place'}
      </button>
      <button
        role="menuitem"
        onClick={() => {
          explorer.closeContextMenu();
          explorer.select(node.id, true);
        }}
      >
        Add to selection (for paths)
      </button>
    </div>
  );
}

function EmptyState() {
  const loading = useApp((s) => s.loading);
  const count = useApp((s) => s.history.present.state.nodes.size);
  const webgl = useApp((s) => s.webgl);
  if (count > 0 || !webgl?.ok) return null;
  return (
    <div className="empty-graph">
      {loading ? 'Loading the graph…' : 'Nothing to show yet. Search for an entity or run a saved query.'}
    </div>
  );
}
