/**
 * The edit form of one candidate: the fields its kind lets a reviewer change before accepting
 * (an entity's name and label; a relationship's type and ends; a claim's claimant, events — or
 * "New event…", one to add with the claim —, statement, status and date; a new event's name and date; any quote). The quote is checked while typing: an exact slice of the
 * article, at most 30 words, with its offsets shown. Saving stores the edit (validated by the
 * server); accepting it is a separate step.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Decision } from '../../../ingest/review/decision';
import type { ExistingEvent } from '../../../shared/api/common';
import type { CandidateView } from '../../../shared/api/ingest';
import {
  CLAIM_STATUSES,
  decisionOf,
  ENTITY_LABELS,
  formOf,
  MAX_QUOTE_WORDS,
  quoteSpanFor,
  trimToWords,
  wordsIn,
  type EditForm,
} from '../../core/ingest/edit';
import { NO_DATE } from '../../core/ingest/dates';
import { EVENT_KINDS, NO_NEW_EVENT, withExistingEvent } from '../../core/ingest/new-event';
import type { RefOption } from '../../core/ingest/review';

export function CandidateEditor({
  view,
  text,
  refs,
  busy,
  existing,
  onSave,
  onCancel,
}: {
  view: CandidateView;
  text: string;
  refs: readonly RefOption[];
  busy: boolean;
  /** The event whose name the new one was refused for: offered for About instead. */
  existing?: ExistingEvent | null;
  onSave: (d: Decision) => void;
  onCancel: () => void;
}) {
  const c = view.candidate;
  const [form, setForm] = useState<EditForm>(() => formOf(c, view.decision, text, view.state === 'edited'));
  const listId = useId();
  const kindsId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // Opened from the keyboard (e) or a click: typing goes straight into the first field.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  const set = (k: keyof EditForm) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const result = useMemo(() => decisionOf(c, view.decision, form, text), [c, view.decision, form, text]);
  const hasQuote = c.kind !== 'entity';
  const quote = hasQuote ? quoteSpanFor(text, form.quote, c.quoteSpan) : null;

  const field = (
    k: keyof EditForm,
    label: string,
    opts: { list?: boolean | string; wide?: boolean; span2?: boolean; placeholder?: string } = {},
  ) => (
    <label className={`ingest-field${opts.wide ? ' wide' : opts.span2 ? ' span2' : ''}`}>
      {label}
      <input
        className="input"
        value={form[k]}
        onChange={set(k)}
        list={typeof opts.list === 'string' ? opts.list : opts.list ? listId : undefined}
        placeholder={opts.placeholder}
        data-testid={`ingest-edit-${k}`}
      />
    </label>
  );
  // When the claim was made, or when a new event happened: a day or a from–to range, and its basis.
  const dateFields = (
    <>
      {field('date', 'Day', { placeholder: 'YYYY-MM-DD' })}
      {field('dateFrom', 'or from', { placeholder: 'YYYY-MM-DD' })}
      {field('dateTo', 'to', { placeholder: 'YYYY-MM-DD' })}
      {field('dateBasis', 'Date basis (how the date was derived)', { span2: true })}
      <button
        type="button"
        className="btn ingest-edit-clear-date"
        onClick={() => setForm({ ...form, ...NO_DATE })}
        data-testid="ingest-edit-clear-date"
      >
        Clear date
      </button>
    </>
  );
  // A claim about an event nobody has recorded yet: its name and kind, added with the claim's quote on save.
  const [naming, setNaming] = useState(form.newEventName !== '');
  const newEventFields = naming ? (
    <fieldset className="ingest-new-event" data-testid="ingest-new-event">
      <legend>New event (not among this article's items nor in the graph)</legend>
      <datalist id={kindsId}>
        {EVENT_KINDS.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {field('newEventName', 'Its name', { span2: true, placeholder: 'e.g. Fire at the Belgorod fuel depot' })}
      {field('newEventKind', 'What kind', { list: kindsId, placeholder: 'strike, meeting…' })}
      <p className="small muted">
        Saving adds it to this article's items, with the claim's quote as its evidence, and the claim is about it.
        Accepting the claim writes the event too; undoing that accept removes both. A name the graph or this article
        already has for an event is refused: put that event in About instead. So is one another article's review gave an
        event not accepted yet.
      </p>
      {existing?.ref ? (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setForm(withExistingEvent(form, existing.ref!));
            setNaming(false);
          }}
          data-testid="ingest-edit-use-existing"
        >
          Use {existing.name} ({existing.ref})
        </button>
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          setForm({ ...form, ...NO_NEW_EVENT });
          setNaming(false);
        }}
        data-testid="ingest-edit-new-event-remove"
      >
        No new event
      </button>
    </fieldset>
  ) : (
    <button type="button" className="btn" onClick={() => setNaming(true)} data-testid="ingest-edit-new-event">
      New event…
    </button>
  );
  const newEvent =
    c.kind === 'event' && view.decision !== null && 'action' in view.decision && view.decision.action === 'create';
  const select = (k: keyof EditForm, label: string, options: readonly string[]) => (
    <label className="ingest-field">
      {label}
      <select className="input" value={form[k]} onChange={set(k)} data-testid={`ingest-edit-${k}`}>
        <option value="" disabled>
          choose…
        </option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      ref={formRef}
      className="ingest-editor"
      data-testid="ingest-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if ('decision' in result) onSave(result.decision);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <datalist id={listId}>
        {refs.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </datalist>
      <div className="ingest-edit-grid">
        {c.kind === 'entity' ? (
          <>
            {field('name', 'Name')}
            {select('label', 'What it is', ENTITY_LABELS)}
          </>
        ) : null}
        {c.kind === 'relationship' ? (
          <>
            {field('from', 'From', { list: true })}
            {field('type', 'Type')}
            {field('to', 'To', { list: true })}
          </>
        ) : null}
        {c.kind === 'claim' ? (
          <>
            {field('claimant', 'Claimant', { list: true })}
            {field('about', 'About (events, comma-separated)', { list: true })}
            {select('status', 'Status', CLAIM_STATUSES)}
            {newEventFields}
            {field('statement', 'Statement (our words)', { wide: true })}
            {dateFields}
          </>
        ) : null}
        {c.kind === 'event' && form.name ? field('name', 'Name', { wide: true }) : null}
        {newEvent ? dateFields : null}
      </div>
      {hasQuote ? (
        <label className="ingest-field">
          Quote (an exact slice of the article, at most {MAX_QUOTE_WORDS} words)
          <textarea
            className="input ingest-edit-quote"
            value={form.quote}
            onChange={set('quote')}
            rows={3}
            data-testid="ingest-edit-quote"
          />
        </label>
      ) : null}
      <div className="row ingest-actions">
        {quote ? (
          <span
            className={`small ${'error' in quote ? 'ingest-blocked' : 'muted'}`}
            data-testid="ingest-edit-quote-check"
          >
            {'error' in quote
              ? quote.error
              : `${wordsIn(form.quote)} words · exact slice [${quote.span.start}–${quote.span.end}]`}
          </span>
        ) : null}
        {hasQuote && wordsIn(form.quote) > MAX_QUOTE_WORDS ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              const at = text.indexOf(form.quote.trim());
              const span = at >= 0 ? { start: at, end: at + form.quote.trim().length } : c.quoteSpan;
              const t = trimToWords(text, span);
              setForm({ ...form, quote: text.slice(t.start, t.end) });
            }}
            data-testid="ingest-edit-trim"
          >
            Trim to {MAX_QUOTE_WORDS} words
          </button>
        ) : null}
        <div className="grow" />
        {'error' in result ? (
          <span className="small ingest-blocked" data-testid="ingest-edit-error">
            {result.error}
          </span>
        ) : null}
        <button type="button" className="btn" onClick={onCancel} data-testid="ingest-edit-cancel">
          Cancel
        </button>
        <button
          className="btn primary"
          type="submit"
          disabled={busy || 'error' in result}
          data-testid="ingest-edit-save"
        >
          Save edit
        </button>
      </div>
    </form>
  );
}
