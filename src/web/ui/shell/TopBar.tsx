import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useApp, useExplorer } from '../context';
import { EXPAND_LIMITS } from '../../core/expansion/actions';
import { Icon } from './Icon';
import { Glyph } from './Glyph';
import { AccountMenu } from '../admin/AccountMenu';
import { roleAllows } from '../../../shared/api/routes';
import { useSession } from './useSession';
import { usePopoverEscape } from './usePopoverEscape';
import { isNarrowWindow } from './SidePanel';
import type { Explorer } from '../../app/explorer';

// The Add-article dialog and its review list: loaded on first open.
const IngestDialog = lazy(() => import('../ingest/IngestDialog'));

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return (
    !!t &&
    (t.tagName === 'INPUT' ||
      t.tagName === 'TEXTAREA' ||
      t.tagName === 'SELECT' ||
      t.isContentEditable ||
      !!t.closest('.cm-editor'))
  );
}

export function TopBar() {
  const explorer = useExplorer();
  const history = useApp((s) => s.history);
  const hiddenCount = useApp((s) => s.history.present.state.hidden.size);
  const theme = useApp((s) => s.theme);
  const expandLimit = useApp((s) => s.expandLimit);
  const hasResult = useApp((s) => s.drawer.result !== null);
  const sidePanel = useApp((s) => s.sidePanel);
  const user = useSession()?.user;
  // Adding and reviewing articles is an editor's (the server refuses anyone less): not offered until the role is known.
  const mayEdit = !!user && roleAllows(user.role, 'editor');
  // A database newsgraph did not set up is never written to: say so on the button, before a paste
  // the server would refuse (the schema response carries the refusal).
  const ingestRefusal = useApp((s) => (s.schema?.ingest.writable === false ? s.schema.ingest.reason : null));
  const [menu, setMenu] = useState(false);
  const [adding, setAdding] = useState(false);
  const [area, setArea] = useState<'whole' | 'view'>('whole');
  const [scale, setScale] = useState<2 | 3>(2);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  // Esc closes the Export menu alone (the selection stays) and gives the focus back to its button.
  const menuRef = usePopoverEscape<HTMLDivElement>(menu, () => setMenu(false), exportButton);
  const prev = history.past[history.past.length - 1];
  const next = history.future[0];

  // Keyboard: Alt+←/→ or Ctrl+Z / Ctrl+Shift+Z for back/forward, Esc clears, "/" searches.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // Esc on a node's menu closes that menu only.
        if (explorer.state.contextMenu) {
          explorer.closeContextMenu();
          return;
        }
        // Esc in a dialog (the evidence reader, Add article) closes the dialog only: the node
        // being read about stays selected behind it. A dialog that took the key (useModalFocus
        // marks it handled) may already be gone from the page by now.
        if (e.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
        if (!isTyping(e)) {
          explorer.clearPath();
          explorer.select(null);
        }
        return;
      }
      if (isTyping(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      if ((e.altKey && e.key === 'ArrowLeft') || (mod && !e.shiftKey && e.key.toLowerCase() === 'z')) {
        e.preventDefault();
        explorer.back();
      } else if (
        (e.altKey && e.key === 'ArrowRight') ||
        (mod && e.shiftKey && e.key.toLowerCase() === 'z') ||
        (mod && e.key.toLowerCase() === 'y')
      ) {
        e.preventDefault();
        explorer.forward();
      } else if (e.key === '/') {
        e.preventDefault();
        openSearch(explorer);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [explorer]);

  useEffect(() => {
    if (!menu) return;
    const close = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenu(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu, menuRef]);

  const run = async (what: 'png' | 'svg' | 'gexf' | 'json' | 'csv') => {
    setMenu(false);
    setExportError(null);
    try {
      const ex = await import('../../app/exporters');
      if (what === 'png' || what === 'svg') await ex.exportImage(explorer, { format: what, area, scale });
      else if (what === 'gexf' || what === 'json') {
        // Long values are fetched whole first; one that is gone from the database stays cut, and marked.
        const cut = await (what === 'gexf' ? ex.exportGexf(explorer) : ex.exportJson(explorer));
        if (cut)
          explorer.setStatus(
            'info',
            `${cut} long value${cut === 1 ? ' is' : 's are'} cut in the export (no longer in the database): marked "clipped"`,
          );
      } else {
        ex.exportCsv(explorer);
      }
    } catch (e) {
      explorer.setStatus('error', `Export failed: ${e instanceof Error ? e.message : String(e)}`);
      setExportError(String(e));
    }
  };

  return (
    <header className="topbar">
      <div className="brand">
        <Glyph label="Event" theme={theme} size={22} />
        newsgraph <small>explorer</small>
      </div>
      {/* Narrow windows: search and saved queries open over the graph from here (narrow.css). */}
      <button
        className="btn icon narrow-only"
        onClick={() => (sidePanel === 'left' ? explorer.setSidePanel(null) : openSearch(explorer))}
        aria-label="Search and saved queries"
        aria-expanded={sidePanel === 'left'}
        title="Search and saved queries (/)"
        data-testid="open-search"
      >
        <Icon name="search" />
      </button>
      <button
        className="btn icon"
        onClick={() => explorer.back()}
        disabled={!prev}
        title={prev ? `Back: undo “${history.present.title}” (Alt+←, Ctrl+Z)` : 'Nothing to go back to'}
        aria-label="Back"
        data-testid="back"
      >
        <Icon name="back" />
      </button>
      <button
        className="btn icon"
        onClick={() => explorer.forward()}
        disabled={!next}
        title={next ? `Forward: redo “${next.title}” (Alt+→, Ctrl+Shift+Z)` : 'Nothing to redo'}
        aria-label="Forward"
        data-testid="forward"
      >
        <Icon name="forward" />
      </button>
      <span className="muted small crumb" title={history.present.title}>
        {history.present.title}
      </span>
      <div className="sep" />
      <button className="btn" onClick={() => void explorer.loadOverview()} title="Start again from the whole graph">
        <Icon name="refresh" /> Overview
      </button>
      <StartChoice />
      {hiddenCount > 0 ? (
        <button
          className="btn"
          onClick={() => explorer.showHidden()}
          title={`Show the ${hiddenCount} hidden node${hiddenCount === 1 ? '' : 's'} again`}
          aria-label={`Show ${hiddenCount} hidden`}
          data-testid="show-hidden"
        >
          <Icon name="eye" /> {hiddenCount} hidden
        </button>
      ) : null}
      <label title="How many relationships one expansion fetches; the rest show as “+N more”">
        <span className="tb-label">Expand</span>
        <select
          className="input"
          aria-label="Expand up to"
          value={expandLimit}
          onChange={(e) => explorer.setExpandLimit(Number(e.target.value))}
          data-testid="expand-limit"
        >
          {EXPAND_LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="grow" />
      {mayEdit ? (
        <button
          className="btn"
          onClick={() => (ingestRefusal ? undefined : setAdding(true))}
          aria-disabled={ingestRefusal ? true : undefined}
          aria-describedby={ingestRefusal ? 'add-article-why' : undefined}
          title={ingestRefusal ?? 'Add an article: extract names, claims and links for your review'}
          data-testid="add-article"
        >
          <Icon name="plus" /> Add article
        </button>
      ) : null}
      {mayEdit && ingestRefusal ? (
        <span id="add-article-why" className="sr-only">
          {ingestRefusal}
        </span>
      ) : null}
      {adding && mayEdit && !ingestRefusal ? (
        <Suspense fallback={null}>
          <IngestDialog onClose={() => setAdding(false)} />
        </Suspense>
      ) : null}
      <button
        className="btn"
        onClick={() =>
          explorer.state.drawer.open && explorer.state.drawer.mode === 'cypher'
            ? explorer.setDrawer({ open: false })
            : explorer.openCypher()
        }
        title="Cypher editor (read-only queries)"
      >
        <Icon name="code" /> Cypher
      </button>
      <div className="menu" ref={menuRef}>
        <button
          className="btn"
          ref={exportButton}
          onClick={() => setMenu((m) => !m)}
          aria-haspopup="menu"
          aria-expanded={menu}
          data-testid="export-menu"
        >
          <Icon name="download" /> Export
        </button>
        {menu ? (
          <div className="menu-list" role="menu">
            <div className="menu-group" role="group" aria-label="Image">
              <div className="row small">
                <label>
                  Area{' '}
                  <select
                    className="input"
                    value={area}
                    onChange={(e) => setArea(e.target.value as 'whole' | 'view')}
                    data-testid="export-area"
                  >
                    <option value="whole">whole graph</option>
                    <option value="view">current view</option>
                  </select>
                </label>
                <label>
                  Size{' '}
                  <select
                    className="input"
                    value={scale}
                    onChange={(e) => setScale(Number(e.target.value) as 2 | 3)}
                    data-testid="export-scale"
                  >
                    <option value={2}>2×</option>
                    <option value={3}>3×</option>
                  </select>
                </label>
              </div>
            </div>
            <button role="menuitem" onClick={() => void run('png')} data-testid="export-png">
              PNG image <small>with title, legend and source line</small>
            </button>
            <button role="menuitem" onClick={() => void run('svg')} data-testid="export-svg">
              SVG image <small>the same picture, as vectors (slides, print)</small>
            </button>
            <button role="menuitem" onClick={() => void run('gexf')} data-testid="export-gexf">
              GEXF <small>opens in Gephi, with all properties</small>
            </button>
            <button role="menuitem" onClick={() => void run('json')} data-testid="export-json">
              JSON <small>nodes, relationships and positions</small>
            </button>
            <button role="menuitem" onClick={() => run('csv')} disabled={!hasResult} data-testid="export-csv">
              CSV of the result table <small>{hasResult ? 'the last query result' : 'run a query first'}</small>
            </button>
          </div>
        ) : null}
      </div>
      <button
        className="btn icon"
        onClick={() => explorer.setTheme(theme === 'dark' ? 'light' : 'dark')}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        aria-label="Toggle theme"
        data-testid="theme"
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      </button>
      <AccountMenu user={user} />
      {exportError ? <span className="sr-only">{exportError}</span> : null}
    </header>
  );
}

/** How the explorer opens (remembered in this browser): the overview, or an empty scene grown from search. */
function StartChoice() {
  const explorer = useExplorer();
  const [mode, setMode] = useState(() => explorer.shell.startMode());
  return (
    <label title="What the explorer shows when it opens; remembered in this browser">
      <span className="tb-label">Start with</span>
      <select
        className="input"
        aria-label="Start with"
        style={{ width: 'auto' }}
        value={mode}
        onChange={(e) => {
          const m = e.target.value === 'empty' ? 'empty' : 'overview';
          setMode(m);
          void explorer.setStartMode(m);
        }}
        data-testid="start-mode"
      >
        <option value="overview">Overview</option>
        <option value="empty">Empty scene</option>
      </select>
    </label>
  );
}

/** Puts the keyboard in the search field, opening its panel over the graph first in a narrow window. */
function openSearch(explorer: Explorer): void {
  const field = () => document.querySelector<HTMLInputElement>('#search-input');
  if (!isNarrowWindow()) return void field()?.focus();
  explorer.setSidePanel('left');
  // Shown on the next frame.
  requestAnimationFrame(() => field()?.focus({ preventScroll: true }));
}
