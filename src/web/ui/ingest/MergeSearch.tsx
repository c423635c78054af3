/**
 * "Same as" beyond the linker's suggestions: search the graph (the explorer's search: prefix,
 * fuzzy, other scripts and spellings) for an entity of a compatible label and merge into it, for
 * the names the linker did not propose ("Oleg Sinegubov", "Kharkov").
 */
import { useState } from 'react';
import type { EntityType } from '../../../ingest/batch';
import { useEntitySearch } from '../search/useEntitySearch';
import { ActionButton } from './ReviewControls';

const ALL = ['Person', 'Organization', 'Place', 'Weapon'];
/** The graph labels an extracted entity of each type may be merged into. */
const COMPATIBLE: Record<EntityType, string[]> = {
  PERSON: ['Person'],
  ORGANIZATION: ['Organization'],
  PLACE: ['Place'],
  WEAPON: ['Weapon'],
  UNKNOWN: ALL,
};

export function MergeSearch({
  type,
  busy,
  onMerge,
}: {
  type: EntityType;
  busy: boolean;
  onMerge: (into: string, name: string) => void;
}) {
  const [q, setQ] = useState('');
  // Only nodes with a key: the merge names its target by it.
  const { hits, error } = useEntitySearch(q, COMPATIBLE[type], (h) => !!h.node.key);

  return (
    <div className="ingest-merge" data-testid="ingest-merge-search">
      <label className="row small muted">
        Same as another entity:
        <input
          className="input"
          type="search"
          value={q}
          placeholder={`search ${COMPATIBLE[type].join(', ')}`}
          onChange={(e) => setQ(e.target.value)}
          data-testid="ingest-merge-search-q"
        />
      </label>
      {error ? <div className="small ingest-blocked">{error}</div> : null}
      {hits.map((h) => (
        <div key={h.node.id} className="row ingest-actions" data-testid="ingest-merge-hit">
          <span className="small">
            {h.node.caption} <span className="muted">({h.node.labels.filter((l) => ALL.includes(l)).join(', ')})</span>
          </span>
          <ActionButton
            busy={busy}
            onClick={() => onMerge(h.node.key!, h.node.caption)}
            title="The same entity: add this spelling and its evidence to it"
            testId="ingest-merge-hit-merge"
          >
            Merge
          </ActionButton>
        </div>
      ))}
    </div>
  );
}
