/**
 * The detail panel's "Relationships" section: the node's relationships counted per type, each
 * type a button that expands the node by that type only (as Neo4j Browser and Bloom do).
 */
import type { NodeDetailResponse } from '../../../shared/api';
import { useApp, useExplorer } from '../context';
import { edgeColor } from '../../render/style';
import { shownAsDegree } from '../../core/expansion/more';
import { humanType } from '../format';

export function Relationships({ data }: { data: NodeDetailResponse }) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const graph = useApp((s) => s.history.present.state);
  if (!data.degree.byType.length) return null;
  const id = data.node.id;
  const shown = shownAsDegree(graph, id);
  const caption = data.node.caption;
  return (
    <div className="section">
      <h3>
        Relationships <span className="count">{data.degree.total}</span>
      </h3>
      <div className="reltypes" data-testid="reltypes">
        {data.degree.byType.map((t) => (
          <RelRow
            key={t.type}
            type={t.type}
            out={t.out}
            in={t.in}
            shown={shown[t.type] ?? 0}
            color={edgeColor(t.type, theme)}
            onExpand={() => void explorer.expandMore(id, t.type)}
            onAllShown={(note) => explorer.shell.setStatus('info', `${caption}: ${note}.`)}
          />
        ))}
      </div>
    </div>
  );
}

/** What a type's button says: what it will fetch, or that there is nothing left to fetch. */
export function relTypeTitle(type: string, total: number, shown: number): { allShown: boolean; title: string } {
  // `shown` counts as the detail does (shownAsDegree): a self-loop is outgoing and incoming.
  const allShown = shown >= total;
  const name = humanType(type);
  return allShown
    ? { allShown, title: `All ${total} of its “${name}” relationships are shown already` }
    : { allShown, title: `Show its “${name}” relationships (${shown} of ${total} shown)` };
}

/**
 * One type's row. With everything of that type on screen it stays focusable (so its title is
 * still read) but says so on the status line instead of asking the server for nothing.
 */
export function RelRow(props: {
  type: string;
  out: number;
  in: number;
  shown: number;
  color: string;
  onExpand: () => void;
  onAllShown: (note: string) => void;
}) {
  const { type, out, in: inn, color } = props;
  const { allShown, title } = relTypeTitle(type, out + inn, props.shown);
  return (
    <button
      type="button"
      className="reltype"
      title={title}
      aria-disabled={allShown || undefined}
      data-testid={`reltype-${type}`}
      onClick={() => (allShown ? props.onAllShown(title) : props.onExpand())}
    >
      <span className="t">
        <span className="swatch-line" style={{ background: color }} />
        {humanType(type)}
      </span>
      <span className="d" title={`${out} outgoing`}>
        {out ? `${out} →` : ''}
      </span>
      <span className="d" title={`${inn} incoming`}>
        {inn ? `← ${inn}` : ''}
      </span>
    </button>
  );
}
