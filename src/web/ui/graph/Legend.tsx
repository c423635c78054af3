import { useMemo, useState } from 'react';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { countByLabel } from '../../core/graph/graph-store';
import { EDGE_FAMILIES, labelStyle } from '../../render/style';

/** Node counts per main label (toggling each on/off) and the relationship-family colours. */
export function Legend() {
  const explorer = useExplorer();
  const graph = useApp((s) => s.history.present.state);
  const hiddenLabels = useApp((s) => s.hiddenLabels);
  const theme = useApp((s) => s.theme);
  const [edgesOpen, setEdgesOpen] = useState(false);
  const counts = useMemo(() => [...countByLabel(graph)].sort((a, b) => b[1] - a[1]), [graph]);
  const families = useMemo(() => {
    const present = new Set<string>();
    for (const e of graph.edges.values()) present.add(e.type);
    return EDGE_FAMILIES.filter((f) => f.types.some((t) => present.has(t)));
  }, [graph]);
  if (!counts.length) return null;
  return (
    <div className="overlay legend" data-testid="legend">
      <h4>
        In view
        {hiddenLabels.size ? (
          <button
            className="link small"
            style={{ marginLeft: 'auto', textTransform: 'none', letterSpacing: 0 }}
            onClick={() => explorer.showAllLabels()}
          >
            show all
          </button>
        ) : null}
      </h4>
      {counts.map(([label, n]) => {
        const off = hiddenLabels.has(label);
        return (
          <button
            key={label}
            className={`legend-item${off ? ' off' : ''}`}
            onClick={() => explorer.toggleLabel(label)}
            aria-pressed={!off}
            title={off ? `Show ${labelStyle(label).plural}` : `Hide ${labelStyle(label).plural}`}
            data-testid={`legend-${label}`}
            data-count={n}
          >
            <Glyph label={label} theme={theme} size={16} />
            <span>{labelStyle(label).plural}</span>
            <span className="n">{n.toLocaleString('en-GB')}</span>
          </button>
        );
      })}
      {families.length ? (
        <>
          <button className="link small" style={{ marginTop: 4 }} onClick={() => setEdgesOpen((o) => !o)}>
            {edgesOpen ? 'Hide relationship colours' : 'Relationship colours'}
          </button>
          {edgesOpen ? (
            <div className="legend-edges">
              {families.map((f) => (
                <span className="legend-edge" key={f.name} title={f.types.join(', ')}>
                  <i style={{ background: f.color[theme] }} />
                  {f.name}
                </span>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
