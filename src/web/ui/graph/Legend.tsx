import { useMemo, useState } from 'react';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { countByLabel } from '../../core/graph/graph-store';
import { shownPerspective } from '../../core/perspective/actions';
import { edgeColor, edgeFamilies, labelName } from '../../render/style';

/**
 * Node counts per label (every label of a node counts; toggling each on/off), and the
 * relationship colours. A label's glyph opens the style panel (caption, colour, size, icon).
 */
export function Legend() {
  const explorer = useExplorer();
  const graph = useApp((s) => s.history.present.state);
  const hiddenLabels = useApp((s) => s.hiddenLabels);
  const theme = useApp((s) => s.theme);
  // Re-render when the perspective (names, colours, glyphs) changes.
  const perspective = useApp(shownPerspective);
  const [edgesOpen, setEdgesOpen] = useState(false);
  const counts = useMemo(
    () => [...countByLabel(graph)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the perspective decides which labels count
    [graph, perspective],
  );
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
  );
}
