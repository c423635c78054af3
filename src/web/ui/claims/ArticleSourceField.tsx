/**
 * Edit status's "Based on the article": a select of the articles the claims about the claim's
 * event(s) cite (read from the claims board), "none" to clear it, and "Another article" for one
 * that answers the claim but is not cited on the board yet: found with the explorer's search
 * (articles only, by title or outlet), which fills in its id, or its id typed (search may be
 * without its index on an older database). The form keeps sending the article's id.
 */
import { useEffect, useState } from 'react';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';
import { FieldError } from '../shell/EditDialog';
import { SearchBox } from '../search/SearchBox';
import { citedArticles, type ArticleChoice } from './claim-status';

const ID = 'claim-status-article';
/** The select's value for "Another article" (article ids are slugs: none looks like this). */
const OTHER = '(another)';
/** The search for another article finds articles only. */
const ARTICLES = ['Article'];

/** The articles cited about these events (element ids); null while they load. */
function useCitedArticles(events: readonly string[]): { choices: ArticleChoice[] | null; error: string | null } {
  const explorer = useExplorer();
  const [state, setState] = useState<{ choices: ArticleChoice[] | null; error: string | null }>({
    choices: null,
    error: null,
  });
  const key = events.join('\n');
  useEffect(() => {
    let live = true;
    const ids = key ? key.split('\n') : [];
    Promise.all(ids.map((event) => explorer.api.claims({ event }))).then(
      (boards) => live && setState({ choices: citedArticles(boards), error: null }),
      (e: unknown) => live && setState({ choices: [], error: describeError(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, explorer.api]);
  return state;
}

export function ArticleSourceField(props: {
  /** The claim's events (element ids): whose board's articles are offered. */
  events: readonly string[];
  /** The article's id, '' for none. */
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const { choices, error: loadError } = useCitedArticles(props.events);
  const [other, setOther] = useState(false);
  const typing = other || (!!props.value && !!choices && !choices.some((c) => c.key === props.value));
  const invalid = `input${props.error ? ' invalid' : ''}`;
  const help = loadError
    ? `The cited articles could not be loaded (${loadError}): find the article by its title, or give its id, under “Another article”.`
    : choices === null
      ? 'Loading the articles cited about this event…'
      : choices.length
        ? 'The articles the claims about this event cite; “Another article” finds any other by its title or takes its id.'
        : 'No article is cited about this event yet: find one by its title, or give its id, under “Another article”.';
  return (
    <div className="field">
      <label htmlFor={ID}>Based on the article (optional)</label>
      <select
        id={ID}
        className={invalid}
        value={typing ? OTHER : props.value}
        onChange={(e) => {
          const v = e.target.value;
          setOther(v === OTHER);
          props.onChange(v === OTHER ? '' : v);
        }}
        aria-invalid={!!props.error}
        aria-describedby={`${ID}-help`}
        data-testid={ID}
      >
        <option value="">none</option>
        {(choices ?? []).map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
        <option value={OTHER}>Another article…</option>
      </select>
      {typing ? (
        <div style={{ marginTop: 4 }}>
          <SearchBox
            inputId={`${ID}-find`}
            testId={`${ID}-find`}
            ariaLabel="Find the article by its title or outlet"
            placeholder="Find it by its title or outlet…"
            labels={ARTICLES}
            keepText
            onPick={(hit) => props.onChange(hit.node.key ?? '')}
          />
          <input
            id={`${ID}-other`}
            className={invalid}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            aria-label="The article's id"
            aria-invalid={!!props.error}
            aria-describedby={`${ID}-help`}
            maxLength={200}
            placeholder="or its id, shown under its title in the detail panel"
            data-testid={`${ID}-other`}
            style={{ marginTop: 4 }}
          />
        </div>
      ) : null}
      <div className="help" id={`${ID}-help`}>
        {help}
      </div>
      <FieldError id={ID} error={props.error} />
    </div>
  );
}
