/**
 * "Same as" beyond the linker's suggestions: search the graph (the explorer's search: prefix,
 * fuzzy, other scripts and spellings) for an entity of a compatible label and merge into it, for
 * the names the linker did not propose ("Oleg Sinegubov", "Kharkov").
 */
import { useEffect, useState } from 'react';
import type { EntityType } from '../../../ingest/batch';
import type { SearchHit } from '../../../shared/api/search';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';
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
  const explorer = useExplorer();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);

  // Debounced, and a newer query cancels the older one's answer.
  useEffect(() => {
    if (q.trim().length < 2) return setHits([]);
    const ctl = new AbortController();
    const t = window.setTimeout(() => {
      explorer.api
        .search(q.trim(), { labels: COMPATIBLE[type], limit: 8, signal: ctl.signal })
        .then((r) => {
          setError(null);
          setHits(r.hits.filter((h) => h.node.key));
        })
        .catch((e: unknown) => {
          if (!ctl.signal.aborted) setError(describeError(e));
        });
    }, 250);
    return () => {
      window.clearTimeout(t);
      ctl.abort();
    };
  }, [q, type, explorer.api]);

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
