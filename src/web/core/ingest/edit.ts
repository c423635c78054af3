/**
 * Editing a candidate before it is accepted, the pure side: the fields a reviewer may change per
 * kind (an entity's name and label, a relationship's type and ends, a claim's claimant, events
 * (or a new one, ./new-event.ts), statement and date, a new event's name and date, any quote), and the decision they make. A quote is whatever the reviewer leaves of
 * it: it must still be an exact slice of the article, at most 30 words, found nearest to where the
 * extractor put it. The server validates again; this only gives an answer before the round trip.
 * No React, no zod (the bundle stays small).
 */
import type { Candidate, Span } from '../../../ingest/batch';
import type {
  ClaimDecision,
  Decision,
  EntityDecision,
  EventDecision,
  RelationshipDecision,
} from '../../../ingest/review/decision';
import { dateFieldsOf, datesOfForm, NO_DATE, withoutDates, type DateFields } from './dates';
import { aboutProblem, newEventOf, NO_NEW_EVENT, type NewEventFields } from './new-event';

/** The seed format's limit on a quote (src/dataset/schema.ts), repeated here to keep zod out of the bundle. */
export const MAX_QUOTE_WORDS = 30;
export const ENTITY_LABELS = ['Person', 'Organization', 'Place', 'Weapon'] as const;
export const CLAIM_STATUSES = ['contested', 'unanswered', 'acknowledged', 'uncontested'] as const;

export const wordsIn = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * The span of an edited quote: an exact slice of `text` (surrounding spaces ignored), the
 * occurrence nearest the original span, at most 30 words. Cost: O(t) per occurrence scan.
 */
export function quoteSpanFor(text: string, quote: string, near: Span): { span: Span } | { error: string } {
  const q = quote.trim();
  if (!q) return { error: 'the quote is empty' };
  const n = wordsIn(q);
  if (n > MAX_QUOTE_WORDS) return { error: `the quote has ${n} words; keep at most ${MAX_QUOTE_WORDS}` };
  let best: number | null = null;
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
    const inside = at >= near.start && at + q.length <= near.end;
    const dist = inside ? -1 : Math.abs(at - near.start);
    const bestDist =
      best === null ? Infinity : best >= near.start && best + q.length <= near.end ? -1 : Math.abs(best - near.start);
    if (dist < bestDist) best = at;
  }
  if (best === null)
    return { error: 'the quote is not an exact slice of the article (check spelling and quote marks)' };
  return { span: { start: best, end: best + q.length } };
}

/** The first `max` words of a span, cut at a word boundary (what "trim" proposes for a long quote). */
export function trimToWords(text: string, span: Span, max = MAX_QUOTE_WORDS): Span {
  const slice = text.slice(span.start, span.end);
  const words = [...slice.matchAll(/\S+/g)];
  const lead = words[0]?.index ?? 0;
  if (words.length <= max) {
    const last = words[words.length - 1];
    return last ? { start: span.start + lead, end: span.start + last.index! + last[0].length } : span;
  }
  const last = words[max - 1]!;
  let end = span.start + last.index! + last[0].length;
  while (end > span.start && /[,;:]/.test(text[end - 1]!)) end--;
  return { start: span.start + lead, end };
}

/** Everything the edit form shows, as strings (one form for every kind; a kind uses its own fields). */
export interface EditForm extends DateFields, NewEventFields {
  name: string;
  label: string;
  type: string;
  from: string;
  to: string;
  claimant: string;
  about: string;
  statement: string;
  status: string;
  quote: string;
}

const EMPTY: EditForm = {
  name: '',
  label: '',
  type: '',
  from: '',
  to: '',
  claimant: '',
  about: '',
  statement: '',
  status: '',
  quote: '',
  ...NO_DATE,
  ...NO_NEW_EVENT,
};

/** The kinds whose candidates can be edited (a date is only confirmed or rejected). */
export const editable = (c: Candidate): boolean => c.kind !== 'date' && c.kind !== 'link';

/**
 * The form for a candidate, filled from the decision in force (or the candidate when none is
 * proposed); `edited`: that decision is the reviewer's own, not the server's proposal.
 */
export function formOf(c: Candidate, d: Decision | null, text: string, edited = false): EditForm {
  const quoteOf = (s: Span) => text.slice(s.start, s.end);
  switch (c.kind) {
    case 'entity': {
      const e = d as EntityDecision | null;
      const create = e && e.action === 'create' ? e : null;
      // An untyped name's proposal carries a placeholder label: the reviewer must choose one.
      const label = create && (c.type !== 'UNKNOWN' || edited) ? create.label : '';
      return { ...EMPTY, name: create?.name ?? c.text, label };
    }
    case 'relationship': {
      const r = d as RelationshipDecision | null;
      return {
        ...EMPTY,
        type: r?.type ?? c.type,
        from: r?.from ?? c.from.entityId ?? '',
        to: r?.to ?? c.to.entityId ?? '',
        quote: quoteOf(r?.quoteSpan ?? c.quoteSpan),
      };
    }
    case 'claim': {
      const k = d as ClaimDecision | null;
      return {
        ...EMPTY,
        claimant: k?.claimant ?? c.claimant.entityId ?? '',
        about: (k?.about ?? []).join(', '),
        statement: k?.statement ?? c.statement,
        status: k?.status ?? 'uncontested',
        ...dateFieldsOf(k),
        quote: quoteOf(k?.quoteSpan ?? c.quoteSpan),
      };
    }
    case 'event': {
      const v = d as EventDecision | null;
      const create = v && v.action === 'create' ? v : null;
      return {
        ...EMPTY,
        name: create?.name ?? '',
        ...dateFieldsOf(create),
        quote: quoteOf(v?.quoteSpan ?? c.quoteSpan),
      };
    }
    default:
      return { ...EMPTY };
  }
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The decision an edit form makes, on top of the decision in force (fields the form does not show
 * are kept), or the first problem to fix. An entity edit always makes a new entity (merging is
 * the merge action's job).
 */
export function decisionOf(
  c: Candidate,
  base: Decision | null,
  f: EditForm,
  text: string,
): { decision: Decision } | { error: string } {
  const quote = () => quoteSpanFor(text, f.quote, c.quoteSpan);
  switch (c.kind) {
    case 'entity': {
      if (!f.name.trim()) return { error: 'give a name' };
      if (!(ENTITY_LABELS as readonly string[]).includes(f.label)) return { error: 'choose what it is' };
      const b = base as EntityDecision | null;
      const prev = b && b.action === 'create' ? b : null;
      const name = f.name.trim();
      const label = f.label as (typeof ENTITY_LABELS)[number];
      const description = (prev?.description ?? `${f.label} named in the article.`).replace(
        /^(Entity|Person|Organization|Place|Weapon) /,
        `${f.label} `,
      );
      const aliases = [...new Set([name, ...(prev?.aliases ?? c.forms)])];
      return { decision: { ...(prev ?? {}), action: 'create', label, name, aliases, description } };
    }
    case 'relationship': {
      const type = f.type.trim();
      if (!/^[A-Z][A-Z0-9_]*$/.test(type)) return { error: 'the type must be UPPER_SNAKE_CASE (e.g. GOVERNOR_OF)' };
      if (!f.from.trim() || !f.to.trim()) return { error: 'give both ends (a graph id or cand:<candidate>)' };
      const q = quote();
      if ('error' in q) return q;
      const b = base as RelationshipDecision | null;
      return {
        decision: { properties: b?.properties ?? {}, type, from: f.from.trim(), to: f.to.trim(), quoteSpan: q.span },
      };
    }
    case 'claim': {
      if (!f.claimant.trim()) return { error: 'give the claimant (a graph id or cand:<candidate>)' };
      const about = list(f.about);
      const named = newEventOf(f);
      if ('error' in named) return named;
      const noEvent = aboutProblem(about, named.newEvent);
      if (noEvent) return { error: noEvent };
      if (f.statement.trim().length < 10) return { error: 'the statement is too short' };
      const q = quote();
      if ('error' in q) return q;
      const when = datesOfForm(f);
      if ('error' in when) return when;
      const b = base as ClaimDecision | null;
      const status = (CLAIM_STATUSES as readonly string[]).includes(f.status)
        ? (f.status as ClaimDecision['status'])
        : 'uncontested';
      return {
        decision: {
          stance: 'states',
          ...withoutDates(b ?? {}),
          claimant: f.claimant.trim(),
          about,
          statement: f.statement.trim(),
          status,
          ...when.dates,
          quoteSpan: q.span,
          ...(named.newEvent ? { newEvent: named.newEvent } : {}),
        },
      };
    }
    case 'event': {
      const q = quote();
      if ('error' in q) return q;
      const b = base as EventDecision | null;
      if (!b) return { error: 'nothing proposed to edit' };
      if (b.action === 'create') {
        if (f.name.trim().length < 3) return { error: 'the name is too short' };
        const when = datesOfForm(f);
        if ('error' in when) return when;
        return { decision: { ...withoutDates(b), name: f.name.trim(), ...when.dates, quoteSpan: q.span } };
      }
      return { decision: { ...b, quoteSpan: q.span } };
    }
    default:
      return { error: 'this item cannot be edited' };
  }
}
