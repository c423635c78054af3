import { useApp, useExplorer } from '../context';
import { shownPerspective } from '../../core/perspective/actions';
import { CORROBORATION_CAVEAT } from '../../core/evidence/corroboration';

/** The view switch (graph / map / claims) and the single-source filter, over the main area. */
export function ViewSwitch() {
  const explorer = useExplorer();
  const mode = useApp((s) => s.view.mode);
  const hideSingle = useApp((s) => s.filters.hideSingleSource);
  const hidden = useApp((s) => s.shown.hiddenEdges);
  const webgl = useApp((s) => s.webgl);
  // Views only where the perspective (the data) has what they need; the news perspective has all.
  const views = useApp((s) => shownPerspective(s)?.views ?? null);
  const mapOn = views?.map.on ?? true;
  const claimsOn = views?.claims ?? true;
  // Switched on in a perspective (kept from before, or a draft) on a database without the claim model.
  const claimsWhyNot = useApp((s) => s.perspective.saved?.claimsUnavailable ?? null);
  const corroborationOn = views?.corroboration ?? true;
  const tab = (m: 'graph' | 'map' | 'claims', label: string, disabled = false, why?: string) => (
    <button
      role="tab"
      aria-selected={mode === m}
      className={mode === m ? 'on' : ''}
      onClick={() => void explorer.setMode(m)}
      disabled={disabled}
      title={why}
      aria-description={why}
      data-testid={`view-${m}`}
    >
      {label}
    </button>
  );
  return (
    <div className="overlay view-switch">
      <div className="seg" role="tablist" aria-label="View">
        {tab('graph', 'Graph', webgl !== null && !webgl.ok)}
        {mapOn ? tab('map', 'Map', webgl !== null && !webgl.ok) : null}
        {claimsOn ? tab('claims', 'Claims', claimsWhyNot !== null, claimsWhyNot ?? undefined) : null}
      </div>
      {corroborationOn ? <SingleSource hideSingle={hideSingle} hidden={hidden} /> : null}
    </div>
  );
}

function SingleSource({ hideSingle, hidden }: { hideSingle: boolean; hidden: number }) {
  const explorer = useExplorer();
  return (
    <label
      className="tl-check boxed"
      title={`Hide relationships that only one article supports. ${CORROBORATION_CAVEAT}`}
    >
      <input
        type="checkbox"
        checked={hideSingle}
        onChange={(e) => explorer.setHideSingleSource(e.target.checked)}
        data-testid="single-source-toggle"
      />
      Hide single-source facts
      {hideSingle ? <span className="muted"> ({hidden} hidden)</span> : null}
    </label>
  );
}
