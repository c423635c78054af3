/**
 * A claim about an event that neither the batch nor the graph has: the reviewer names it in the
 * claim's edit form (`newEvent` of the decision sent). Saving that edit adds an event candidate to
 * the batch — the claim's quote and offsets as its own, `forClaim` naming the claim, a create
 * decision with the reviewer's name and kind — and the claim's `about` points at it (`cand:<id>`).
 * Accepting the claim writes the event first in the same accept (one transaction, one undo).
 *
 * A name the graph already has for an event (its name or an alias, case, punctuation and spacing
 * aside: ./event-name.ts), or that an event of this batch already goes by, is refused with the
 * reference to use instead: two events of one name would be read as one. So is a name another
 * batch's reviewer gave an event not yet accepted (it has no id to use yet). Nothing is staged on
 * a refusal. An extracted event edited to be created under a name is checked against the graph, the
 * other batches and the batch's other events the same way, and every accept creating an event
 * checks the graph again, one such accept per name at a time (`lockNames`, ./name-lock.ts).
 *
 * An edit or reject of the claim that leaves such an event unreferenced takes it out of the batch
 * (with its decision), unless it is accepted or another candidate's decision still points at it:
 * otherwise it would sit in the review with nothing to be written for.
 */
import type { Transaction } from 'neo4j-driver';
import {
  MAX_QUOTE_WORDS,
  wordCount,
  type Batch,
  type Candidate,
  type EventCandidate,
  type ExtractorInfo,
  type Span,
} from '../batch';
import { trimSpan } from '../extract/quote';
import type { DecisionRow, Staging } from '../staging/store';
import { candRef, CAND, type ClaimDecision, type Decision, type EventDecision, type NewEvent } from './decision';
import { ReviewBlocked, ReviewInvalid } from './errors';
import { eventNameKey } from './event-name';
import { graphNodeNamed } from './name-lock';
import { articleWords, proposalFor, refsOf } from './proposals';

/** What the event candidate says found it: no pass did, a reviewer named it. */
export const NAMED_IN_REVIEW: ExtractorInfo = { name: 'review', version: '1' };

/**
 * The graph's event of this name (its name or an alias, by `eventNameKey`), if any: see
 * `graphNodeNamed` (./name-lock.ts), where its cost is too.
 */
export function graphEventNamed(
  tx: Pick<Transaction, 'run'>,
  name: string,
): Promise<{ id: string; name: string } | null> {
  return graphNodeNamed(tx, 'Event', name);
}

/**
 * The refusal for a name the graph has: the event's id is what to use instead — in the claim's
 * About (`forEvent` false), or as the event candidate's link (`forEvent`: an event of the article
 * whose decision creates it under that name).
 */
export function graphEventRefusal(
  name: string,
  existing: { id: string; name: string },
  forEvent = false,
): ReviewBlocked {
  const use = forEvent
    ? `If this is that event, link it to ${existing.id} instead of creating it`
    : `If the claim is about it, put ${existing.id} in About`;
  return new ReviewBlocked(
    `An event named "${existing.name}" is in the graph already (${existing.id}). ${use}; if it is another event, give the new one a name that tells them apart.`,
    { reason: 'EVENT_EXISTS', existing: { ref: existing.id, name: existing.name } },
  );
}

/** An event another batch's reviewer named and nobody accepted or rejected yet. */
export interface StagedEvent {
  batch: string;
  candidate: string;
  name: string;
  /** The article's title, else its file or source. */
  article: string;
}

/**
 * The event of this name (by `eventNameKey`) staged in another batch, if any: accepted, both would
 * be graph events of one name, and the later accept would be refused then. Cost: the staged event
 * names (a few rows per batch, ../staging/store.ts), and one batch read for a match.
 */
export function stagedEventNamed(staging: Staging, exceptBatch: string, name: string): StagedEvent | null {
  const key = eventNameKey(name);
  for (const row of staging.stagedEventNames(exceptBatch)) {
    if (eventNameKey(row.name) !== key) continue;
    const b = staging.batch(row.batchId)?.batch;
    if (b?.candidates.find((c) => c.id === row.candidate)?.kind !== 'event') continue;
    const article = b.article.title?.trim() || b.article.file || b.article.source;
    return { batch: row.batchId, candidate: row.candidate, name: row.name, article };
  }
  return null;
}

/** The refusal for a name another batch stages: it has no id yet, so nothing to use instead (`forEvent`: as above). */
export function stagedEventRefusal(e: StagedEvent, forEvent = false): ReviewBlocked {
  const use = forEvent
    ? 'If this is that event, accept it there first, then link this one to its id'
    : 'If the claim is about it, accept it there first, then put its id in About';
  return new ReviewBlocked(
    `An event named "${e.name}" is staged, not yet accepted, in the review of another article, "${e.article}" (${e.batch}, ${e.candidate}). ${use}; if it is another event, give the new one a name that tells them apart.`,
    {
      reason: 'EVENT_EXISTS',
      existing: { name: e.name, staged: { batch: e.batch, candidate: e.candidate, article: e.article } },
    },
  );
}

/**
 * The name a decision creates an event under, if any: a claim's new event, or an event candidate's
 * `create` (an extracted event as proposed or edited). Pure.
 */
export function createdEventName(c: Candidate, d: Decision): string | null {
  if (c.kind === 'claim') return (d as ClaimDecision).newEvent?.name ?? null;
  const e = d as EventDecision;
  return c.kind === 'event' && e.action === 'create' ? e.name : null;
}

/** The name an event candidate goes by now: its reviewer's or proposed create decision, else its trigger. */
function nameInForce(b: Batch, c: EventCandidate, decisions: ReadonlyMap<string, DecisionRow>): string {
  const row = decisions.get(c.id);
  const d = (row?.edit ?? proposalFor(b, c, decisions).decision) as EventDecision | null;
  return d?.action === 'create' ? d.name : c.trigger;
}

/**
 * The event of this batch, other than `except`, that goes by this name now (by `eventNameKey`:
 * its reviewer's or proposed create decision's name, else its trigger), rejected ones aside. Pure.
 */
export function batchEventNamed(
  b: Batch,
  name: string,
  decisions: ReadonlyMap<string, DecisionRow>,
  except?: string,
): { id: string; name: string } | null {
  const key = eventNameKey(name);
  for (const c of b.candidates)
    if (c.kind === 'event' && c.id !== except && decisions.get(c.id)?.state !== 'rejected') {
      const named = nameInForce(b, c, decisions);
      if (eventNameKey(named) === key) return { id: c.id, name: named };
    }
  return null;
}

/**
 * The refusal for a name another event of the article goes by: its reference (`cand:<id>`) is what
 * to use instead, in a claim's About (`forEvent`: an event of the article edited to be created under
 * that name, which would be the same event written twice, or two events of one name).
 */
export function batchEventRefusal(same: { id: string; name: string }, forEvent = false): ReviewBlocked {
  const ref = candRef(same.id);
  const use = forEvent
    ? `If this is that event, reject this one and make its claims about ${ref}`
    : `If the claim is about it, put ${ref} in About`;
  return new ReviewBlocked(
    `This article already has an event named "${same.name}" (${same.id}). ${use}; if it is another event, give the new one a name that tells them apart.`,
    { reason: 'EVENT_EXISTS', existing: { ref, name: same.name } },
  );
}

/**
 * The batch with the claim's new event added, and the claim's decision pointing at it (without
 * `newEvent`), with the event's create decision. Refuses (nothing changed) a name an event of this
 * batch goes by. Pure.
 */
export function withNewEvent(
  b: Batch,
  claim: Candidate,
  d: ClaimDecision & { newEvent: NewEvent },
  decisions: ReadonlyMap<string, DecisionRow>,
  text: string,
  by: string,
): { batch: Batch; event: EventCandidate; eventDecision: EventDecision; claimDecision: ClaimDecision } {
  const { newEvent, ...rest } = d;
  const same = batchEventNamed(b, newEvent.name, decisions);
  if (same) throw batchEventRefusal(same);
  const ids = new Set(b.candidates.map((c) => c.id));
  let n = 1;
  while (ids.has(`v${n}`)) n++;
  const quote = quoteIn(text, d.quoteSpan);
  const event: EventCandidate = {
    id: `v${n}`,
    kind: 'event',
    spans: [quote],
    quote: text.slice(quote.start, quote.end),
    quoteSpan: quote,
    confidence: 1,
    extractor: NAMED_IN_REVIEW,
    notes: [`named by ${by} for claim ${claim.id}`],
    trigger: newEvent.name,
    eventKind: newEvent.kind,
    participants: [],
    forClaim: claim.id,
  };
  const kind = newEvent.kind.charAt(0).toUpperCase() + newEvent.kind.slice(1).replace(/-/g, ' ');
  const eventDecision: EventDecision = {
    action: 'create',
    name: newEvent.name,
    kind: newEvent.kind,
    description: `${kind} reported in ${articleWords(b)}.`,
    weapons: [],
    quoteSpan: quote,
  };
  const claimDecision: ClaimDecision = { ...rest, about: [...new Set([...rest.about, candRef(event.id)])] };
  // Events go after the other events, where extraction puts them.
  const candidates = [...b.candidates];
  const at = candidates.map((c) => c.kind).lastIndexOf('event') + 1 || candidates.length;
  candidates.splice(at, 0, event);
  return { batch: { ...b, candidates }, event, eventDecision, claimDecision };
}

/** The claim decision's quote span, in the text and at most 30 words (trimmed at a word boundary, as accepts do). */
function quoteIn(text: string, span: Span): Span {
  if (!(span.start >= 0 && span.end <= text.length && span.start < span.end))
    throw new ReviewInvalid(`quoteSpan: ${span.start}–${span.end} is outside the article (0–${text.length})`);
  const s = wordCount(text.slice(span.start, span.end)) > MAX_QUOTE_WORDS ? trimSpan(text, span) : span;
  if (!text.slice(s.start, s.end).trim()) throw new ReviewInvalid('quoteSpan: the quote is empty');
  return s;
}

/**
 * The staged events a claim's accept writes first: those named for it in review that its decision
 * is about and that are neither accepted nor rejected. Pure.
 */
export function eventsNamedFor(
  b: Batch,
  claim: Candidate,
  d: ClaimDecision,
  decisions: ReadonlyMap<string, DecisionRow>,
): EventCandidate[] {
  if (claim.kind !== 'claim') return [];
  const about = new Set(d.about.filter((r) => r.startsWith(CAND)).map((r) => r.slice(CAND.length)));
  return b.candidates.filter(
    (c): c is EventCandidate =>
      c.kind === 'event' &&
      c.forClaim === claim.id &&
      about.has(c.id) &&
      !['accepted', 'rejected'].includes(decisions.get(c.id)?.state ?? ''),
  );
}

/**
 * The batch without the events named in review for the claim `claimId` that nothing points at any
 * more, their ids, and the claim's `edit` without them in About. `rejected`: the claim's own edit
 * no longer counts. Every other candidate's decision in force counts, a rejected one's edit too
 * (reopening brings it back); `decisions` are those in force apart from the claim's. An accepted
 * event always stays. Pure.
 */
export function withoutOrphans<D>(
  b: Batch,
  claimId: string,
  decisions: ReadonlyMap<string, DecisionRow>,
  edit: D,
  rejected = false,
): { batch: Batch; removed: string[]; edit: D } {
  const named = b.candidates.filter(
    (c) => c.kind === 'event' && c.forClaim === claimId && decisions.get(c.id)?.state !== 'accepted',
  );
  if (!named.length) return { batch: b, removed: [], edit };
  const pointed = new Set<string>();
  for (const c of b.candidates) {
    if (c.kind === 'link' || (c.id === claimId && rejected)) continue;
    const d = c.id === claimId ? edit : (decisions.get(c.id)?.edit ?? proposalFor(b, c, decisions).decision);
    if (d) for (const ref of refsOf(c.kind, d as Decision)) pointed.add(ref);
  }
  const removed = new Set(named.filter((e) => !pointed.has(candRef(e.id))).map((e) => e.id));
  if (!removed.size) return { batch: b, removed: [], edit };
  // A reference left in the claim's edit would point at the next event given the same id.
  const about = (edit as ClaimDecision | undefined)?.about;
  return {
    batch: { ...b, candidates: b.candidates.filter((c) => !removed.has(c.id)) },
    removed: [...removed],
    edit: about ? { ...edit, about: about.filter((r) => !removed.has(r.slice(CAND.length))) } : edit,
  };
}
