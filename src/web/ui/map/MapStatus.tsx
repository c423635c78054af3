import { useApp, useExplorer } from '../context';

/** In map mode: the outlines loading, failing (with a way back), or their credit. */
export function MapStatus() {
  const explorer = useExplorer();
  const status = useApp((s) => s.view.map);
  const mode = useApp((s) => s.view.mode);
  if (mode !== 'map') return null;
  if (status.state === 'loading') return <div className="overlay map-chip">Loading the map outlines…</div>;
  if (status.state === 'error')
    return (
      <div className="overlay map-chip error" role="alert">
        The map is unavailable: {status.message}{' '}
        <button className="link small" onClick={() => void explorer.setMode('graph')}>
          back to the graph
        </button>
      </div>
    );
  return (
    <div
      className="overlay map-chip"
      data-testid="map-credit"
      title="Places at their recorded coordinates, events at their place, others beside what they connect to; mentions hidden, claims and articles dimmed"
    >
      Natural Earth 1:50m outlines
    </div>
  );
}
