import { Fragment, useMemo, useState } from 'react';
import type { SavedQuery } from '../../../shared/api';
import { useApp, useExplorer } from '../context';
import { formatShortDate } from '../format';
import { useMayEdit } from '../shell/useSession';
import { QueryActions } from './QueryActions';
import './../perspective/perspective.css';

function groupsOf(queries: readonly SavedQuery[]): [string, SavedQuery[]][] {
  const m = new Map<string, SavedQuery[]>();
  for (const q of queries) (m.get(q.group) ?? m.set(q.group, []).get(q.group)!).push(q);
  return [...m].sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Whose query of this database it is and when it was last saved ("by ed, 6 Dec 2026"; "by ed,
 * last saved by ada, 6 Dec 2026" after an admin's fix), as far as the server says.
 */
function savedNote(q: SavedQuery): string {
  const at = q.savedAt ? `, ${formatShortDate(q.savedAt.slice(0, 10))}` : '';
  const owner = q.owner ?? q.savedBy;
  if (!owner) return `with this database${at}`;
  const last = q.savedBy && q.savedBy.toLowerCase() !== owner.toLowerCase() ? `, last saved by ${q.savedBy}` : '';
  return `by ${owner}${last}${at}`;
}

/**
 * The library of saved queries, grouped by theme; a click opens one in the drawer. Queries
 * whose labels or relationship types the database lacks are set apart (still openable), so the
 * list shows what can answer something here.
 */
export function QueryLibrary() {
  const explorer = useExplorer();
  const queries = useApp((s) => s.queries);
  const active = useApp((s) => (s.drawer.open && s.drawer.mode === 'saved' ? s.drawer.query : null));
  const fit = useMemo(() => groupsOf(queries?.queries.filter((q) => q.fits) ?? []), [queries]);
  const unfit = useMemo(() => queries?.queries.filter((q) => !q.fits) ?? [], [queries]);
  // Save over / Delete are an editor's (the server refuses viewers): not offered until the role is known.
  const mayEdit = useMayEdit();
  const [error, setError] = useState<string | null>(null);
  // Named by its title alone, the description said after it: a screen reader reads one short
  // name per Tab stop, not two or three sentences.
  const item = (q: SavedQuery) => {
    const about = [
      q.description,
      q.fits ? '' : `This database has no ${q.missing.join(', ')}.`,
      q.source === 'perspective' ? `Saved ${savedNote(q)}.` : '',
    ];
    return (
      <Fragment key={q.name}>
        <button
          className={`qitem${active === q.name ? ' active' : ''}${q.fits ? '' : ' unfit'}`}
          onClick={() => explorer.openSavedQuery(q.name)}
          title={about.filter(Boolean).join('\n')}
          aria-description={about.filter(Boolean).join(' ')}
          data-testid={`query-${q.name}`}
          data-fits={q.fits}
        >
          <span className="qtitle">{q.title}</span>
          <span className="desc" aria-hidden="true">
            {q.fits ? q.description : `Needs ${q.missing.join(', ')}`}
            {q.source === 'perspective' ? ` · saved ${savedNote(q)}` : ''}
          </span>
        </button>
        {mayEdit && q.source === 'perspective' ? <QueryActions q={q} onError={setError} /> : null}
      </Fragment>
    );
  };
  return (
    <nav aria-labelledby="saved-queries-title">
      <h2>
        <span id="saved-queries-title">Saved queries</span>{' '}
        <span className="count">{queries ? queries.queries.filter((q) => q.fits).length : ''}</span>
      </h2>
      {queries?.queries.length ? (
        <a href="#graph" className="skip-link" onClick={skipToGraph}>
          Skip the saved queries
        </a>
      ) : null}
      {!queries ? <div className="muted small">Loading…</div> : null}
      {queries && !queries.queries.length ? (
        <div className="muted small">No saved queries in cypher/queries/.</div>
      ) : null}
      {error ? (
        <div className="error-box small" role="alert" data-testid="query-library-error">
          {error}
        </div>
      ) : null}
      {fit.map(([group, qs]) => (
        <div className="qgroup" key={group}>
          <div className="qgroup-title">{group}</div>
          {qs.map(item)}
        </div>
      ))}
      {unfit.length ? (
        <details className="qgroup-unfit" data-testid="queries-unfit">
          <summary>{unfit.length} not for this database (labels or relationships it lacks)</summary>
          {unfit.map(item)}
        </details>
      ) : null}
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
    </nav>
  );
}

/** Past the list, to what follows it: the graph (or, without WebGL, the first control over it). */
function skipToGraph(e: React.MouseEvent<HTMLAnchorElement>): void {
  e.preventDefault();
  const to = document.querySelector<HTMLElement>('[data-testid=graph], main button');
  to?.focus();
}
