import { useMemo, useState } from 'react';
import { searchLabels } from '../../core/search/search';
import { shownPerspective } from '../../core/perspective/actions';
import { useApp, useExplorer } from '../context';
import { labelColor, labelName } from '../../render/style';
import { SearchBox } from './SearchBox';
import { addForPaths } from './add-for-paths';
import '../perspective/perspective.css';

/** The search box of the left column, with its label filters; a hit opens in the graph. */
export function SearchPanel() {
  const explorer = useExplorer();
  const schema = useApp((s) => s.schema);
  const theme = useApp((s) => s.theme);
  const perspective = useApp(shownPerspective);
  const [only, setOnly] = useState<string[]>([]);
  const selected = useApp((s) => s.selection.length > 0);

  // Filterable labels: those the perspective's search covers, named as the legend names them.
  const labels = useMemo(() => searchLabels(schema, perspective), [schema, perspective]);

  const toggle = (l: string) => setOnly((cur) => (cur.includes(l) ? cur.filter((x) => x !== l) : [...cur, l]));

  return (
    <div className="section">
      <h2>
        <label htmlFor="search-input">Search</label> <span className="kbd">/</span>
      </h2>
      <SearchBox
        inputId="search-input"
        testId="search"
        labels={only}
        placeholder={perspective?.search.placeholder}
        showNote
        onPick={(hit, add) => (add ? addForPaths(explorer, hit.node) : void explorer.openNode(hit.node))}
        shiftHint={
          selected ? 'Enter opens · Shift+Enter or Shift+click adds it to the selection, for paths' : undefined
        }
      />
      {labels.length ? (
        <div className="row wrap" style={{ marginTop: 8 }} role="group" aria-label="Search only these labels">
          {/* Said in words: these chips narrow the search, they do not filter the graph (the legend does). */}
          <span className="small muted" data-testid="search-filters-caption">
            Search only:
          </span>
          {labels.map((l) => {
            const on = only.includes(l);
            return (
              <button
                key={l}
                className={`chip${on ? ' on' : only.length ? ' off' : ''}`}
                aria-pressed={on}
                onClick={() => toggle(l)}
                data-testid={`filter-${l}`}
              >
                <span className="swatch" style={{ background: labelColor(l, theme) }} />
                {labelName(l)}
              </button>
            );
          })}
        </div>
      ) : null}
      {only.length ? (
        <div className="small muted" style={{ marginTop: 6 }}>
          Searching only {only.map(labelName).join(', ')}.{' '}
          <button className="link" onClick={() => setOnly([])}>
            All labels
          </button>
        </div>
      ) : null}
    </div>
  );
}
