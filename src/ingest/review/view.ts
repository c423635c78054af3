/**
 * The review as the explorer shows it: a batch's text, each candidate with its state, the
 * decision an accept would apply (the reviewer's edit, else the server's proposal) and what
 * blocks it, and the accepts made so far (each undoable). Pure over the staging rows.
 */
import { extractionNotice, mainForeignScript } from '../../shared/ingest-notice';
import type { ArticleMeta, Batch, Candidate } from '../batch';
import type { AcceptRow, DecisionRow, StagedBatch } from '../staging/store';
import { candRef, type ClaimDecision, type Decision, type EventDecision } from './decision';
import { eventNameKey } from './event-name';
import { eventsNamedFor } from './new-event';
import { BULK_CONFIDENCE, linkOf, proposalFor, resolveRef, refsOf, type Decisions } from './proposals';
import { seenOf } from './seen';
import type { Change } from './writer';

export type CandidateState = 'pending' | 'edited' | 'accepted' | 'rejected';

export interface CandidateView {
  candidate: Candidate;
  state: CandidateState;
  /** The decision an accept applies now: the reviewer's edit, else the proposal. */
  decision: Decision | null;
  /** True when `decision` is the server's proposal (not edited). */
  proposed: boolean;
  blocked: string | null;
  result: Record<string, unknown> | null;
  acceptId: number | null;
  by: string | null;
  at: string | null;
  /** The stamp of the decision shown (an action sent with an older one is refused). */
  seen: string;
  /** A warning that does not block its accept (`repeatedEvents`); absent when there is none. */
  caution?: string;
}

export interface AcceptView {
  id: number;
  at: string;
  by: string;
  state: AcceptRow['state'];
  candidates: string[];
  created: number;
  changed: number;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface BatchSummary {
  id: string;
  title: string;
  source: string;
  createdAt: string;
  createdBy: string;
  published: string | null;
  missing: ArticleMeta['missing'];
  articleId: string | null;
  counts: { total: number; pending: number; accepted: number; rejected: number };
  /** Why nothing (or little) was extracted, in words for the reviewer; null when there is nothing to say. */
  notice: string | null;
}

export interface BatchView extends BatchSummary {
  article: ArticleMeta;
  text: string;
  extractor: Batch['extractor'];
  candidates: CandidateView[];
  accepts: AcceptView[];
}

/** What an accept's record holds besides its changes (kept so a pending accept can be finished). */
export interface AcceptRecord {
  changes: Change[];
  results: Record<string, Record<string, unknown>>;
  articleId: string;
  articleCreated: boolean;
  /** Decisions the candidates had before (restored on undo). */
  previous: Record<string, { state: DecisionRow['state']; edit: unknown } | null>;
}

/** The decision in force for a candidate and what blocks it (its participants still to accept included). */
export function decisionOf(
  b: Batch,
  c: Candidate,
  decisions: ReadonlyMap<string, DecisionRow>,
): { decision: Decision | null; proposed: boolean; blocked: string | null } {
  const row = decisions.get(c.kind === 'link' ? c.entity : c.id);
  if (row?.state === 'edited' && row.edit) {
    const decision = row.edit as Decision;
    return { decision, proposed: false, blocked: missingRef(b, c, decision, decisions) };
  }
  const p = proposalFor(b, c, decisions);
  return {
    decision: p.decision,
    proposed: true,
    blocked: p.blocked ?? (p.decision ? missingRef(b, c, p.decision, decisions) : null),
  };
}

/**
 * A claim's edit with nothing in About: a reject takes the event named for it in review out of the
 * batch, so reopened it is about nothing until the reviewer says what. Its accept is refused (400).
 */
export const CLAIM_NEEDS_EVENT =
  'this claim needs an event: About is empty (an event named for it in review leaves the article when the claim is rejected). Edit it: put the event it is about in About, or name a new event.';

/** An edited claim decision with no event: About empty and no new event named. */
export const aboutNothing = (c: Candidate, d: Decision | null): boolean =>
  c.kind === 'claim' && !!d && !(d as ClaimDecision).about?.length && !(d as ClaimDecision).newEvent;

function missingRef(b: Batch, c: Candidate, d: Decision, decisions: ReadonlyMap<string, DecisionRow>): string | null {
  if (aboutNothing(c, d)) return CLAIM_NEEDS_EVENT;
  // An event named in review for this claim is written by the claim's accept: nothing to accept first.
  const named = new Set(eventsNamedFor(b, c, d as ClaimDecision, decisions).map((e) => e.id));
  for (const ref of refsOf(c.kind, d)) {
    if (!ref) return 'a participant is not chosen yet';
    const r = resolveRef(ref, b, decisions);
    if ('missing' in r && !named.has(r.missing)) return `accept ${r.missing} ("${r.text}") first`;
  }
  return null;
}

export function summaryOf(s: StagedBatch, decisions: ReadonlyMap<string, DecisionRow>): BatchSummary {
  const reviewable = s.batch.candidates.filter((c) => c.kind !== 'link');
  const count = (st: DecisionRow['state']) => reviewable.filter((c) => decisions.get(c.id)?.state === st).length;
  return {
    id: s.id,
    title: s.batch.article.title ?? s.source,
    source: s.source,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    published: s.batch.article.published ?? null,
    missing: s.batch.article.missing.filter(
      (m) => !s.batch.article[m] && !(m === 'outlet' && s.batch.article.outletUnknown),
    ),
    articleId: s.articleId,
    counts: {
      total: reviewable.length,
      pending: reviewable.length - count('accepted') - count('rejected'),
      accepted: count('accepted'),
      rejected: count('rejected'),
    },
    notice: extractionNotice(s.batch.article.script ?? null, reviewable.length),
  };
}

/**
 * The extracted events of an article proposed, never edited, under a name (by the event-name key)
 * that an earlier event of it goes by, each with that earlier one (its reference and name). The
 * proposal names an event by its kind, place and day, so two strikes on one town on one day get one
 * name: accepted as they stand, the second would be refused as the first's name (bulk accept would
 * leave it), or, accepted first, make the first one refused. Rejected events aside. Pure; cost:
 * linear in the candidates.
 */
export function repeatedEvents(b: Batch, decisions: Decisions): Map<string, { ref: string; name: string }> {
  const out = new Map<string, { ref: string; name: string }>();
  const first = new Map<string, { ref: string; name: string }>();
  for (const c of b.candidates) {
    if (c.kind !== 'event') continue;
    const row = decisions.get(c.id);
    if (row?.state === 'rejected') continue;
    const d = (row?.edit ?? proposalFor(b, c, decisions).decision) as EventDecision | null;
    if (d?.action !== 'create') continue;
    const key = eventNameKey(d.name);
    const earlier = first.get(key);
    if (!earlier) first.set(key, { ref: candRef(c.id), name: d.name });
    else if (!row) out.set(c.id, earlier);
  }
  return out;
}

/** The caution a repeated event carries (`repeatedEvents`), in the reviewer's terms. */
export function repeatedEventCaution(first: { ref: string; name: string }): string {
  return `Proposed under the same name as ${first.ref}, "${first.name}", an earlier event of this article: as it stands it would be that event written again. If it is the same event, reject this one and make its claims about ${first.ref}; if it is another, edit its name to tell them apart.`;
}

export function viewOf(
  s: StagedBatch,
  text: string,
  decisions: ReadonlyMap<string, DecisionRow>,
  accepts: AcceptRow[],
): BatchView {
  const repeated = repeatedEvents(s.batch, decisions);
  const candidates = s.batch.candidates.map((c): CandidateView => {
    const row = decisions.get(c.kind === 'link' ? c.entity : c.id);
    const state: CandidateState = row?.state ?? 'pending';
    // An accepted candidate shows what its accept wrote (the proposal may have moved on since).
    const d =
      state === 'accepted' && row?.edit
        ? { decision: row.edit as Decision, proposed: false, blocked: null }
        : decisionOf(s.batch, c, decisions);
    return {
      candidate: c,
      state,
      decision: d.decision,
      proposed: d.proposed,
      blocked: state === 'accepted' || state === 'rejected' ? null : d.blocked,
      result: row?.result ?? null,
      acceptId: row?.acceptId ?? null,
      by: row?.by ?? null,
      at: row?.at ?? null,
      seen: seenOf(row),
      ...(repeated.has(c.id) && state === 'pending' ? { caution: repeatedEventCaution(repeated.get(c.id)!) } : {}),
    };
  });
  const summary = summaryOf(s, decisions);
  // A batch staged before the script was recorded: read it from the text.
  const script = s.batch.article.script ?? mainForeignScript(text);
  return {
    ...summary,
    notice: extractionNotice(script, summary.counts.total),
    article: s.batch.article,
    text,
    extractor: s.batch.extractor,
    candidates,
    accepts: accepts.map((a) => {
      const rec = a.changes as Partial<AcceptRecord>;
      const changes = rec.changes ?? [];
      return {
        id: a.id,
        at: a.at,
        by: a.by,
        state: a.state,
        candidates: a.candidates,
        created: changes.filter((c) => c.op === 'createNode' || c.op === 'createRel').length,
        changed: changes.filter((c) => c.op === 'setNode' || c.op === 'setRel').length,
        undoneAt: a.undoneAt,
        undoneBy: a.undoneBy,
      };
    }),
  };
}

/**
 * Candidates bulk accept takes, in the order they must be written (entities and dates before
 * the events, relationships and claims that refer to them): unreviewed, at or above
 * `minConfidence`, and not blocked. An edited one is judged by its edit (decisionOf), not by the
 * proposal it replaced: a claim reopened about nothing waits for its reviewer instead of failing
 * the whole accept, and an edit that settled what blocked the proposal goes in. Link candidates
 * are folded into their entity. O(candidates).
 */
export function bulkCandidates(b: Batch, decisions: Decisions, minConfidence = BULK_CONFIDENCE): Candidate[] {
  const order = { entity: 0, date: 1, event: 2, relationship: 3, claim: 4, link: 5 } as const;
  const effective = (c: Candidate) =>
    c.kind === 'entity' ? Math.max(c.confidence, linkOf(b, c.id)?.confidence ?? 0) : c.confidence;
  return (
    b.candidates
      // An event a reviewer named for a claim goes in with that claim's accept, never alone.
      .filter((c) => c.kind !== 'link' && !(c.kind === 'event' && c.forClaim))
      .filter((c) => {
        const d = decisions.get(c.id);
        if (!(!d || d.state === 'edited') || effective(c) < minConfidence) return false;
        return !(d ? decisionOf(b, c, decisions) : proposalFor(b, c, decisions)).blocked;
      })
      .sort((x, y) => order[x.kind] - order[y.kind])
  );
}
