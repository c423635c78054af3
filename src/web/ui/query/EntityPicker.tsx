import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SavedQueryParam } from '../../../shared/api';
import { describeError } from '../../api/client';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { primaryLabel } from '../../core/graph/graph-store';
import { mergeEntityOptions, suggestionOptions, type EntityOption } from '../../core/query/entity-options';

const DEBOUNCE_MS = 180;
const SEARCH_LIMIT = 12;

export interface EntityPickerProps {
  p: SavedQueryParam;
  /** Our id (or element id) of the picked entity: what the query receives. */
  value: string;
  onChange(v: string): void;
  invalid: boolean;
}

/**
 * An entity parameter's picker (ARIA combobox): the header's suggestion values (from its
 * `suggest` query, sent with /api/queries) filtered as you type, then /api/search hits
 * restricted to the parameter's labels, debounced. ↑/↓ move, Enter picks, Esc closes; on an
 * empty box ↓ lists the suggestions. Enter with no option uses the typed text as an id.
 */
export function EntityPicker({ p, value, onChange, invalid }: EntityPickerProps) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const nodes = useApp((s) => s.history.present.state.nodes);
  const id = `param-${p.name}`;
  const listId = useId();

  // What the box shows for the current value: its caption when we know it.
  const caption = useMemo(() => {
    if (!value) return '';
    const s = p.suggestions?.find((x) => String(x.value) === value);
    if (s) return s.label;
    for (const n of nodes.values()) if (n.key === value || n.id === value) return n.caption;
    return value;
  }, [value, nodes, p.suggestions]);

  const [text, setText] = useState(caption);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [hits, setHits] = useState<EntityOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const labelKey = p.entityLabels?.join(',') ?? '';

  useEffect(() => {
    if (!editing) setText(caption);
  }, [caption, editing]);

  const query = editing ? text.trim() : '';
  const suggested = useMemo(() => suggestionOptions(p.suggestions ?? [], query), [p.suggestions, query]);

  // Debounced search; the previous request is aborted when the text changes.
  useEffect(() => {
    if (!open || !query) {
      setHits([]);
      setSearching(false);
      setError(null);
      return;
    }
    setSearching(true);
    const t = setTimeout(async () => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const res = await explorer.api.search(query, {
          labels: labelKey ? labelKey.split(',') : undefined,
          limit: SEARCH_LIMIT,
          signal: ctrl.signal,
        });
        if (ctrl.signal.aborted) return;
        setHits(
          res.hits.map((h) => ({
            value: h.node.key ?? h.node.id,
            label: h.node.caption,
            sub: subtitle(h.node.properties, h.node.labels),
            labels: h.node.labels,
            source: 'search' as const,
          })),
        );
        setError(null);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setHits([]);
        setError(describeError(e));
      } finally {
        if (!ctrl.signal.aborted) setSearching(false);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [query, labelKey, open, explorer]);

  useEffect(() => () => abort.current?.abort(), []);

  const options = useMemo(() => mergeEntityOptions(suggested, hits), [suggested, hits]);
  useEffect(() => {
    setActive((a) => (a < options.length ? a : 0));
  }, [options.length]);

  const pick = (o: EntityOption | undefined) => {
    if (!o) return;
    onChange(o.value);
    setEditing(false);
    setOpen(false);
    setText(o.label);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
      } else setActive((a) => (options.length ? (a + 1) % options.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (options.length ? (a - 1 + options.length) % options.length : 0));
    } else if (e.key === 'Home' && open && options.length) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && open && options.length) {
      e.preventDefault();
      setActive(options.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (open && options[active]) pick(options[active]);
      else if (editing && query && !searching && !options.length) {
        // Typed an id by hand: the server says whether it exists.
        onChange(query);
        setEditing(false);
        setOpen(false);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.stopPropagation();
        setOpen(false);
      } else {
        setEditing(false);
        setText(caption);
      }
    }
  };

  const showList = open && (options.length > 0 || !!query);
  const grouped = options.some((o) => o.source === 'suggested') && options.some((o) => o.source === 'search');
  let lastSource: EntityOption['source'] | null = null;
  return (
    <div>
      <div className="search entity-picker">
        <span className="search-icon" aria-hidden="true">
          <Glyph label={p.entityLabels?.[0] ?? 'Entity'} theme={theme} size={15} />
        </span>
        <input
          id={id}
          className={`input${invalid ? ' invalid' : ''}`}
          type="text"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && options[active] ? `${listId}-${active}` : undefined}
          placeholder={`Search ${p.entityLabels?.join(', ') ?? 'entities'}…`}
          value={text}
          autoComplete="off"
          spellCheck={false}
          data-testid={id}
          data-value={value}
          onChange={(e) => {
            setText(e.target.value);
            setEditing(true);
            setOpen(true);
            setActive(0);
          }}
          onFocus={(e) => {
            e.currentTarget.select();
            setOpen(true);
          }}
          onBlur={() =>
            setTimeout(() => {
              setOpen(false);
              setEditing(false);
            }, 150)
          }
          onKeyDown={onKeyDown}
        />
        {showList ? (
          <ul
            className="suggestions"
            id={listId}
            role="listbox"
            aria-label={`${p.label} choices`}
            data-testid={`${id}-results`}
            aria-busy={searching || undefined}
          >
            {options.map((o, i) => {
              const header =
                grouped && o.source !== lastSource ? (o.source === 'suggested' ? 'Suggested' : 'Search results') : null;
              lastSource = o.source;
              return [
                header ? (
                  <li
                    key={`h-${o.source}`}
                    role="presentation"
                    className="suggestion-group faint small"
                    style={{ padding: '4px 8px 2px' }}
                  >
                    {header}
                  </li>
                ) : null,
                <li
                  key={`${o.source}-${o.value}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="suggestion"
                  data-value={o.value}
                  data-source={o.source}
                  data-label={o.labels ? primaryLabel(o.labels) : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(o);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  {o.labels ? <Glyph label={primaryLabel(o.labels)} theme={theme} size={20} /> : null}
                  <div className="grow">
                    <div className="caption">{o.label}</div>
                    <div className="sub">{o.sub ?? o.value}</div>
                  </div>
                </li>,
              ];
            })}
            {!options.length && error ? <li className="empty">{error}</li> : null}
            {!options.length && !error && query ? (
              <li className="empty">{searching ? 'Searching…' : `No match for “${query}”. Enter uses it as an id.`}</li>
            ) : null}
            {options.length > 0 && searching ? (
              <li className="empty small" role="presentation">
                Searching…
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
      {value ? <div className="help mono">{value}</div> : null}
    </div>
  );
}

function subtitle(props: Record<string, unknown>, labels: readonly string[]): string {
  const d =
    (typeof props.role === 'string' && props.role) ||
    (typeof props.description === 'string' && props.description) ||
    labels.filter((l) => l !== 'Entity').join(', ');
  return d.length > 90 ? `${d.slice(0, 88)}…` : d;
}
