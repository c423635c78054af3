import { useMemo } from 'react';
import type { SavedQuery } from '../../../shared/api';
import { useApp, useExplorer } from '../context';

/** The shared library of saved queries, grouped by theme; a click opens one in the drawer. */
export function QueryLibrary() {
  const explorer = useExplorer();
  const queries = useApp((s) => s.queries);
  const active = useApp((s) => (s.drawer.open && s.drawer.mode === 'saved' ? s.drawer.query : null));
  const groups = useMemo(() => {
    const m = new Map<string, SavedQuery[]>();
    for (const q of queries?.queries ?? []) (m.get(q.group) ?? m.set(q.group, []).get(q.group)!).push(q);
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  }, [queries]);
  return (
    <>
      <h2>
        Saved queries <span className="count">{queries ? queries.queries.length : ''}</span>
      </h2>
      {!queries ? <div className="muted small">Loading…</div> : null}
      {queries && !queries.queries.length ? (
        <div className="muted small">No saved queries in cypher/queries/.</div>
      ) : null}
      {groups.map(([group, qs]) => (
        <div className="qgroup" key={group}>
          <div className="qgroup-title">{group}</div>
          {qs.map((q) => (
            <button
              key={q.name}
              className={`qitem${active === q.name ? ' active' : ''}`}
              onClick={() => explorer.openSavedQuery(q.name)}
              title={q.description}
              data-testid={`query-${q.name}`}
            >
              {q.title}
              <span className="desc">{q.description}</span>
            </button>
          ))}
        </div>
      ))}
      {queries?.rejected.length ? (
        <div
          className="small"
          style={{ color: 'var(--warn)', marginTop: 8 }}
          title={queries.rejected.map((r) => `${r.file}: ${r.reason}`).join('\n')}
        >
          {queries.rejected.length} saved quer{queries.rejected.length === 1 ? 'y was' : 'ies were'} refused at load
          (hover for why).
        </div>
      ) : null}
    </>
  );
}
