import { useApp, useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { Summary } from './Summary';

/** The drawer's always-visible bar: what is open, the last result's summary, run and open/close. */
export function DrawerBar() {
  const explorer = useExplorer();
  const d = useApp((s) => s.drawer);
  const queryTitle = useApp((s) =>
    s.drawer.mode === 'saved' && s.drawer.query
      ? (s.queries?.queries.find((q) => q.name === s.drawer.query)?.title ?? s.drawer.query)
      : null,
  );
  return (
    <div className="drawer-bar">
      <button
        className="btn ghost icon"
        onClick={() => explorer.setDrawer({ open: !d.open })}
        aria-label={d.open ? 'Close the drawer' : 'Open the drawer'}
        aria-expanded={d.open}
        data-testid="drawer-toggle"
      >
        <Icon name={d.open ? 'down' : 'up'} />
      </button>
      <span className="title">{queryTitle ? `Saved query: ${queryTitle}` : 'Cypher'}</span>
      {d.result && !d.open ? <Summary result={d.result} /> : null}
      {d.error && !d.open ? <span style={{ color: 'var(--danger)' }}>{d.error.message}</span> : null}
      <span className="grow" />
      {!d.open ? (
        <span className="small faint">Read-only Cypher with schema-aware completion · saved queries open here</span>
      ) : (
        <>
          <label
            className="small muted row"
            title="Add the result to the current graph instead of showing it on its own"
          >
            <input
              type="checkbox"
              checked={d.addToGraph}
              onChange={(e) => explorer.setDrawer({ addToGraph: e.target.checked })}
              data-testid="add-to-graph"
            />
            Add to current graph
          </label>
          <label
            className="small muted row"
            title="Also draw the relationships among the result's nodes (and to the graph, when added), as Neo4j Browser does"
          >
            <input
              type="checkbox"
              checked={d.connect}
              onChange={(e) => explorer.setDrawer({ connect: e.target.checked })}
              data-testid="connect-results"
            />
            Connect result nodes
            {d.connected?.added ? (
              <span className="faint" data-testid="connected-count">
                {' '}
                (+{d.connected.added}
                {d.connected.cut ? ', capped' : ''})
              </span>
            ) : null}
          </label>
          <button
            className="btn primary"
            onClick={() => void explorer.runDrawer()}
            disabled={d.running}
            data-testid="run"
            title="Run (Ctrl+Enter)"
          >
            <Icon name="play" /> {d.running ? 'Running…' : 'Run'}
          </button>
        </>
      )}
    </div>
  );
}
