import { useApp, useExplorer } from '../context';

/** The view switch (graph / map / claims) and the single-source filter, over the main area. */
export function ViewSwitch() {
  const explorer = useExplorer();
  const mode = useApp((s) => s.view.mode);
  const hideSingle = useApp((s) => s.filters.hideSingleSource);
  const hidden = useApp((s) => s.shown.hiddenEdges);
  const webgl = useApp((s) => s.webgl);
  const tab = (m: 'graph' | 'map' | 'claims', label: string, disabled = false) => (
    <button
      role="tab"
      aria-selected={mode === m}
      className={mode === m ? 'on' : ''}
      onClick={() => void explorer.setMode(m)}
      disabled={disabled}
      data-testid={`view-${m}`}
    >
      {label}
    </button>
  );
  return (
    <div className="overlay view-switch">
      <div className="seg" role="tablist" aria-label="View">
        {tab('graph', 'Graph', webgl !== null && !webgl.ok)}
        {tab('map', 'Map', webgl !== null && !webgl.ok)}
        {tab('claims', 'Claims')}
      </div>
      <label className="tl-check boxed" title="Hide relationships that only one article supports">
        <input
          type="checkbox"
          checked={hideSingle}
          onChange={(e) => explorer.setHideSingleSource(e.target.checked)}
          data-testid="single-source-toggle"
        />
        Hide single-source facts
        {hideSingle ? <span className="muted"> ({hidden} hidden)</span> : null}
      </label>
    </div>
  );
}
