import { useEffect, useId, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import { SEARCH_MAX_CHARS } from '../../../shared/api/search-caps';
import { useApp, useExplorer } from '../context';
import { Glyph } from '../shell/Glyph';
import { Icon } from '../shell/Icon';
import { primaryLabel } from '../../core/graph/graph-store';
import { describeError } from '../../api/client';
import {
  hitCaption,
  hitSubtitle,
  searchAnswerKey,
  searchCut,
  searchList,
  searchText,
  type SearchAnswer,
} from '../../core/search/search';
import { articleHitLine } from '../citation';

const DEBOUNCE_MS = 180;

export interface SearchBoxProps {
  /** `add`: picked with Shift (Shift+Enter, Shift+click), to add it to the selection. */
  onPick(hit: SearchHit, add: boolean): void;
  /** A line under the results saying what Shift does (only where a pick with Shift means something). */
  shiftHint?: string;
  /** The box's accessible name when no visible label names it. */
  ariaLabel?: string;
  labels?: readonly string[];
  placeholder?: string;
  inputId?: string;
  testId?: string;
  /** Text shown initially (entity pickers show the current value). */
  value?: string;
  /** Pickers keep the picked caption in the box; the main search clears it. */
  keepText?: boolean;
  invalid?: boolean;
  /** Say when search runs without a full-text index, with the statement that would create one. */
  showNote?: boolean;
}

/** Debounced, keyboard-navigable autocomplete over /api/search (an ARIA combobox). */
export function SearchBox({
  onPick,
  labels,
  placeholder,
  inputId,
  testId,
  value,
  keepText,
  invalid,
  showNote,
  shiftHint,
  ariaLabel,
}: SearchBoxProps) {
  const explorer = useExplorer();
  const theme = useApp((s) => s.theme);
  const [text, setText] = useState(value ?? '');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<{ text: string; statement: string | null } | null>(null);
  const listId = useId();
  const abort = useRef<AbortController | null>(null);
  // The list closes a moment after the box loses focus; focus back before then keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(closing.current), []);
  const labelKey = labels?.join(',') ?? '';

  useEffect(() => {
    if (value !== undefined) setText(value);
  }, [value]);

  useEffect(() => {
    const q = searchText(text);
    if (!open || q.length < 1) return;
    const key = searchAnswerKey(q, labelKey);
    const t = setTimeout(async () => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const res = await explorer.api.search(q, {
          labels: labelKey ? labelKey.split(',') : undefined,
          limit: 12,
          signal: ctrl.signal,
        });
        if (ctrl.signal.aborted) return;
        setAnswer({ key, hits: res.hits, error: null });
        setNote(res.note ? { text: res.note, statement: res.createIndex } : null);
        setActive(0);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setAnswer({ key, hits: [], error: describeError(e) });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, labelKey, open, explorer]);

  const pick = (hit: SearchHit | undefined, add = false) => {
    if (!hit) return;
    onPick(hit, add);
    setOpen(false);
    setText(keepText ? hit.node.caption : '');
    setAnswer(null);
  };

  // Only hits that answer the text now in the box are offered (and picked by Enter).
  const list = searchList({ open, text, labels: labelKey, answer });
  const hits = list.kind === 'hits' ? list.hits : [];

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length ? (a + 1) % hits.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (hits.length ? (a - 1 + hits.length) % hits.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(hits[active], e.shiftKey);
    } else if (e.key === 'Escape') {
      // Esc closes the list alone; with none open it goes on (it closes a panel laid over the graph).
      if (list.kind !== 'closed') e.stopPropagation();
      setOpen(false);
    }
  };

  const showList = list.kind !== 'closed';
  return (
    <div className="search">
      <span className="search-icon">
        <Icon name="search" />
      </span>
      <input
        id={inputId}
        className={`input${invalid ? ' invalid' : ''}`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={ariaLabel}
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? 'Search…'}
        value={text}
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          clearTimeout(closing.current);
          setOpen(true);
        }}
        onBlur={() => {
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <ul className="suggestions" id={listId} role="listbox" data-testid={testId ? `${testId}-results` : undefined}>
          {/* A paste longer than the API takes stays whole in the box; the list says what it searched. */}
          {searchCut(text) ? (
            <li className="search-note" role="presentation" data-testid="search-cut-note">
              Search uses the first {SEARCH_MAX_CHARS} characters.
            </li>
          ) : null}
          {list.kind === 'pending' ? (
            <li className="searching" aria-live="polite">
              Searching…
            </li>
          ) : null}
          {list.kind === 'error' ? <li className="empty">{list.error}</li> : null}
          {list.kind === 'empty' ? <li className="empty">No match for “{list.text}”.</li> : null}
          {hits.map((h, i) => (
            <li
              key={h.node.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`suggestion ${h.kind}`}
              data-kind={h.kind}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h, e.shiftKey);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <Glyph label={primaryLabel(h.node.labels)} theme={theme} size={20} />
              <div className="grow">
                <div className="caption" title={h.kind === 'node' ? undefined : h.node.caption}>
                  {hitCaption(h, searchText(text))}
                </div>
                <div className="sub">{h.kind === 'article' ? articleHitLine(h.node.properties) : hitSubtitle(h)}</div>
              </div>
            </li>
          ))}
          {shiftHint && list.kind === 'hits' ? (
            <li className="search-note" role="presentation" data-testid="search-shift-hint">
              {shiftHint}
            </li>
          ) : null}
          {showNote && note && (list.kind === 'hits' || list.kind === 'empty') ? (
            <li
              className="search-note"
              role="presentation"
              data-testid="search-note"
              onMouseDown={(e) => e.preventDefault()}
            >
              {note.text}
              {note.statement ? <code data-testid="search-index-statement">{note.statement}</code> : null}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
