import { useApp, useExplorer } from '../ui/context';
import { ClaimsBoard } from '../ui/claims/ClaimsBoard';
import { useInv, useInvestigation } from './context';
import { corroboration, describeCorroboration } from '../core/evidence/corroboration';
import { EvidenceReader } from '../ui/evidence/EvidenceReader';
import { TimelineStrip } from '../ui/timeline/TimelineStrip';
import '../ui/shell/views.css';

/**
 * Everything the investigation views add to the main area: the view switch (graph / map /
 * claims) and the single-source filter, the timeline strip, the claims board, the distance card
 * on hover, and the evidence reader.
 */
export function InvestigationViews() {
  const mode = useInv((s) => s.mode);
  return (
    <>
      <ViewSwitch />
      <HoverCard />
      <MapStatus />
      <TimelineStrip />
      {mode === 'claims' ? <ClaimsBoard /> : null}
      <EvidenceReader />
    </>
  );
}

function ViewSwitch() {
  const inv = useInvestigation();
  const mode = useInv((s) => s.mode);
  const hideSingle = useInv((s) => s.filters.hideSingleSource);
  const hidden = useInv((s) => s.shown.hiddenEdges);
  const webgl = useApp((s) => s.webgl);
  const tab = (m: 'graph' | 'map' | 'claims', label: string, disabled = false) => (
    <button role="tab" aria-selected={mode === m} className={mode === m ? 'on' : ''} onClick={() => void inv.setMode(m)} disabled={disabled} data-testid={`view-${m}`}>
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
        <input type="checkbox" checked={hideSingle} onChange={(e) => inv.setHideSingleSource(e.target.checked)} data-testid="single-source-toggle" />
        Hide single-source facts
        {hideSingle ? <span className="muted"> ({hidden} hidden)</span> : null}
      </label>
    </div>
  );
}

function HoverCard() {
  const hover = useInv((s) => s.hover);
  if (!hover) return null;
  return (
    <div className="overlay hover-card" data-testid="distance-card">
      <b>{hover.caption}</b>
      {hover.lines.map((l, i) => (
        <div key={i} className="small">
          {l}
        </div>
      ))}
    </div>
  );
}

function MapStatus() {
  const inv = useInvestigation();
  const status = useInv((s) => s.mapStatus);
  const mode = useInv((s) => s.mode);
  if (mode !== 'map') return null;
  if (status.state === 'loading') return <div className="overlay map-chip">Loading the map outlines…</div>;
  if (status.state === 'error')
    return (
      <div className="overlay map-chip error" role="alert">
        The map is unavailable: {status.message}{' '}
        <button className="link small" onClick={() => void inv.setMode('graph')}>
          back to the graph
        </button>
      </div>
    );
  return (
    <div className="overlay map-chip" data-testid="map-credit" title="Places at their recorded coordinates, events at their place, others beside what they connect to; mentions hidden, claims and articles dimmed">
      Natural Earth 1:50m outlines
    </div>
  );
}

/**
 * "Supported by 4 articles · 4 outlets" for a relationship of the loaded graph (detail panel).
 * Renders nothing when the relationship is not loaded or carries no corroboration.
 */
export function CorroborationNote({ edgeId }: { edgeId: string }) {
  const explorer = useExplorer();
  const edge = useApp((s) => s.history.present.state.edges.get(edgeId));
  void explorer;
  if (!edge) return null;
  const c = corroboration(edge.properties);
  if (c.sources === null) return null;
  return (
    <span className={`corroboration${c.sources === 1 ? ' single' : ''}`} data-testid="corroboration" title="Distinct articles and outlets with evidence for this relationship">
      {describeCorroboration(c)}
    </span>
  );
}
