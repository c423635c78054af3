/**
 * One value of a result table, for people: nodes and relationships as compact chips (caption and
 * label; type and its key properties), paths as their length, maps and lists as nested values,
 * dates, durations and points in words. Long text wraps.
 */
import type { QueryResult } from '../../../shared/api';
import type { GraphEdge } from '../../../shared/graph';
import { primaryLabel } from '../../core/graph/graph-store';
import { cellText, isNodeCell, isPathCell, isRelCell, type Cell as CellValue } from '../../core/query/table';
import { labelColor } from '../../render/style';
import { useApp, useExplorer } from '../context';
import { formatDuration, formatValue, humanKey, isIsoDate, isIsoDuration } from '../format';

/** Properties of a relationship that say what it is, before the provenance lists. */
const REL_KEY_PROPS = 3;
const PROVENANCE = /^(evidence|quote|article|start|end|offsets?|sources?|dataset|accepted_|extractor)/;

export function CellView({ value, graph }: { value: CellValue; graph: QueryResult['graph'] }) {
  return <Value v={value} graph={graph} depth={0} />;
}

function Value({ v, graph, depth }: { v: CellValue; graph: QueryResult['graph']; depth: number }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  if (v === null || v === undefined) return <span className="faint">null</span>;
  if (isNodeCell(v)) {
    const label = primaryLabel(v.labels);
    return (
      <button
        className="cell-chip node"
        onClick={() => void explorer.focusRef(v.key ?? v.id)}
        title={`${v.caption} · ${v.labels.join(', ')} — show in the graph`}
        data-testid="cell-node"
      >
        <span className="dot" style={{ background: labelColor(label, theme) }} />
        <span className="caption">{v.caption}</span>
        <span className="kind">{label}</span>
      </button>
    );
  }
  if (isRelCell(v)) {
    const e = graph.edges.find((x) => x.id === v.id);
    const props = e ? keyProps(e) : [];
    return (
      <span className="cell-chip rel" data-testid="cell-rel" title={e ? relTitle(e) : v.type}>
        <span className="type">:{v.type}</span>
        {props.map(([k, val]) => (
          <span className="prop" key={k}>
            {k}: {formatValue(val)}
          </span>
        ))}
      </span>
    );
  }
  if (isPathCell(v)) return <span className="cell-chip rel">{cellText(v)}</span>;
  if (typeof v === 'string') {
    if (isIsoDate(v)) return <span title={v}>{formatValue(v)}</span>;
    if (isIsoDuration(v)) return <span title={v}>{formatDuration(v)}</span>;
    return <span className="cell-text">{v}</span>;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return <span className="cell-num">{formatValue(v)}</span>;
  if (Array.isArray(v)) {
    if (!v.length) return <span className="faint">[]</span>;
    const simple = v.every((x) => x === null || typeof x !== 'object');
    if (simple)
      return <span className="cell-text">{v.map((x) => (x === null ? 'null' : formatValue(x))).join(', ')}</span>;
    return (
      <ol className="cell-list">
        {v.map((x, i) => (
          <li key={i}>
            <Value v={x} graph={graph} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.lat === 'number' && typeof o.lon === 'number') return <span>{formatValue(o)}</span>;
    const entries = Object.entries(o);
    if (!entries.length) return <span className="faint">{'{}'}</span>;
    return (
      <dl className="cell-map" data-testid="cell-map">
        {entries.map(([k, x]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{depth > 3 ? cellText(x) : <Value v={x} graph={graph} depth={depth + 1} />}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(v)}</span>;
}

function keyProps(e: GraphEdge): [string, unknown][] {
  return Object.entries(e.properties)
    .filter(([k, v]) => !PROVENANCE.test(k) && v !== null && (typeof v !== 'object' || Array.isArray(v)))
    .slice(0, REL_KEY_PROPS);
}

function relTitle(e: GraphEdge): string {
  const props = Object.entries(e.properties).map(([k, v]) => `${humanKey(k)}: ${formatValue(v)}`);
  return [`:${e.type}`, ...props].join('\n');
}
