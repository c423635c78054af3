import { CORROBORATION_CAVEAT, corroboration, describeCorroboration } from '../../core/evidence/corroboration';
import { useApp } from '../context';

/**
 * "4 articles · 3 outlets + 1 unnamed" for a relationship of the loaded graph (detail panel).
 * Renders nothing when the relationship is not loaded or carries no corroboration.
 */
export function CorroborationNote({ edgeId }: { edgeId: string }) {
  const edge = useApp((s) => s.history.present.state.edges.get(edgeId));
  if (!edge) return null;
  const c = corroboration(edge.properties);
  if (c.sources === null) return null;
  return (
    <span
      className={`corroboration${c.sources === 1 ? ' single' : ''}`}
      data-testid="corroboration"
      title={`Distinct articles and outlets with evidence for this relationship. ${CORROBORATION_CAVEAT}`}
    >
      {describeCorroboration(c)}
    </span>
  );
}
