import { useApp } from '../context';
import { formatValue, humanKey } from '../format';
import { relationshipCaptionOf } from '../../../shared/perspective';
import { shownPerspective } from '../../core/perspective/actions';

/** Most properties listed in the card; the detail panel (click) has them all. */
const CARD_PROPS = 8;

/**
 * The relationship under the pointer: its type, what the perspective writes on it and its
 * properties, beside the pointer. A click opens it in the detail panel.
 */
export function EdgeHoverCard() {
  const hover = useApp((s) => s.edgeHover);
  const edge = useApp((s) => (s.edgeHover ? s.history.present.state.edges.get(s.edgeHover.id) : undefined));
  const nodes = useApp((s) => s.history.present.state.nodes);
  const p = useApp(shownPerspective);
  if (!hover || !edge) return null;
  const caption = relationshipCaptionOf(p, edge.type, edge.properties);
  const props = Object.entries(edge.properties);
  const from = nodes.get(edge.source)?.caption ?? '?';
  const to = nodes.get(edge.target)?.caption ?? '?';
  return (
    <div
      className="edge-card"
      style={{ left: hover.x + 14, top: hover.y + 14 }}
      data-testid="edge-card"
      data-edge={edge.id}
    >
      <div>
        <span className="type">{edge.type}</span>
        {caption !== edge.type ? <span data-testid="edge-card-caption"> · {caption}</span> : null}
      </div>
      <div className="faint">
        {from} → {to}
      </div>
      {props.length ? (
        <dl>
          {props.slice(0, CARD_PROPS).map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{humanKey(k)}</dt>
              <dd>{formatValue(v).slice(0, 160)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {props.length > CARD_PROPS ? (
        <div className="faint">+{props.length - CARD_PROPS} more · click for all</div>
      ) : null}
    </div>
  );
}
