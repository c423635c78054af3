/**
 * The review's staging-only writes to one candidate: a reviewer's edited decision (with a new event
 * a claim names, ./new-event.ts), a reject (with "not the same" judgements), and a reopen. Nothing
 * here writes the graph; each write and its audit entry go through the review service
 * (./service.ts), which gives these its readers of the batch.
 */
import type { Batch, Candidate } from '../batch';
import type { Judgement } from '../link/judgements';
import type { StagedBatch } from '../staging/store';
import type { ManagedTransaction } from 'neo4j-driver';
import { auditNames, quoteOf } from './audit-names';
import type { ClaimDecision, Decision, NewEvent } from './decision';
import { ReviewBlocked } from './errors';
import {
  batchEventNamed,
  batchEventRefusal,
  createdEventName,
  graphEventNamed,
  graphEventRefusal,
  stagedEventNamed,
  stagedEventRefusal,
  withNewEvent,
  withoutOrphans,
} from './new-event';
import { assertSeen } from './seen';
import type { ReviewActor, ReviewDeps } from './transaction';
import { decisionOf } from './view';

/** What the review service lends these writes. */
export interface EditContext {
  d: ReviewDeps;
  /** The staged batch with judgements applied (`raw`: as stored, to rewrite it). */
  staged(batchId: string, raw?: boolean): StagedBatch;
  text(s: StagedBatch): string;
  /** The candidate as reviewed (a link's entity). */
  reviewed(b: Batch, candidateId: string): Candidate;
  /** The decision checked against the candidate's kind (`sent`: a bad one is invalid input). */
  parse(c: Candidate, decision: unknown, sent?: boolean): Decision;
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  judge(j: Judgement, actor: ReviewActor): void;
}

/**
 * Stores the reviewer's edited decision (validated) without writing the graph. A claim's decision
 * may name a new event (`newEvent`): it is added to the batch as an event candidate and the claim
 * points at it, refused when the graph, the batch or another batch's review has an event of that name;
 * an event's decision creating it under a name the graph, another batch's review or another event of
 * this batch has is refused too.
 * `seen`: the decision's stamp the reviewer was shown, checked once the graph was read.
 */
export async function editCandidate(
  x: EditContext,
  batchId: string,
  candidateId: string,
  decision: unknown,
  actor: ReviewActor,
  seen?: string,
): Promise<void> {
  const { staging, audit } = x.d;
  const s = x.staged(batchId);
  const c = x.reviewed(s.batch, candidateId);
  const parsed = x.parse(c, decision, true);
  const named = c.kind === 'claim' ? (parsed as ClaimDecision).newEvent : undefined;
  // A claim's new event, or an event of the article to be created under this name.
  const eventName = createdEventName(c, parsed);
  const forEvent = c.kind === 'event';
  if (eventName) {
    const existing = await x.read((tx) => graphEventNamed(tx, eventName));
    if (existing) throw graphEventRefusal(eventName, existing, forEvent);
  }
  // From here on no await: what is checked is what is written.
  const decisions = staging.decisions(batchId);
  const row = decisions.get(c.id);
  assertSeen(c.id, row, seen);
  if (row?.state === 'accepted') throw new ReviewBlocked(`${c.id} is accepted; undo it to change it.`);
  const elsewhere = eventName ? stagedEventNamed(staging, batchId, eventName) : null;
  if (elsewhere) throw stagedEventRefusal(elsewhere, forEvent);
  const raw = x.staged(batchId, true);
  // Another event of this article by that name (a claim's new event is checked as it is added).
  const here = forEvent && eventName ? batchEventNamed(raw.batch, eventName, decisions, c.id) : null;
  if (here) throw batchEventRefusal(here, true);
  const before = row?.edit ?? decisionOf(raw.batch, c, decisions).decision; // or as proposed
  const added = named
    ? withNewEvent(raw.batch, c, parsed as ClaimDecision & { newEvent: NewEvent }, decisions, x.text(s), actor.name)
    : null;
  const stored = added?.claimDecision ?? parsed;
  const left = withoutOrphans(added?.batch ?? raw.batch, c.id, decisions, stored); // a new event named earlier
  staging.tx(() => {
    if (added || left.removed.length) staging.replaceBatch(batchId, left.batch);
    if (added) staging.setDecision(batchId, added.event.id, { state: 'edited', edit: added.eventDecision }, actor.name);
    for (const id of left.removed) staging.clearDecision(batchId, id);
    staging.setDecision(batchId, c.id, { state: 'edited', edit: stored }, actor.name);
  });
  audit.record(actor, {
    action: 'ingest.edit',
    target: `${batchId}/${c.id}`,
    before,
    after: stored,
    detail: {
      ...quoteOf(c),
      ...auditNames(s.batch, stored),
      ...(added ? { newEvent: { candidate: added.event.id, name: named!.name, kind: named!.kind } } : {}),
      ...(left.removed.length ? { removedEvents: left.removed } : {}),
    },
  });
}

/** Rejects a candidate; `notSame` records that its names are not these graph entities (never proposed again). */
export function rejectCandidate(
  x: EditContext,
  batchId: string,
  candidateId: string,
  actor: ReviewActor,
  notSame: string[] = [],
): void {
  const { staging, audit } = x.d;
  const s = x.staged(batchId);
  const c = x.reviewed(s.batch, candidateId);
  const decisions = staging.decisions(batchId);
  const row = decisions.get(c.id);
  if (row?.state === 'accepted') throw new ReviewBlocked(`${c.id} is accepted; undo it instead.`);
  const forms = c.kind === 'entity' ? c.forms : [];
  for (const entityId of notSame)
    for (const form of forms) x.judge({ left: { form }, right: { entityId }, verdict: 'not-same' }, actor);
  const left = withoutOrphans(x.staged(batchId, true).batch, c.id, decisions, row?.edit, true);
  staging.tx(() => {
    if (left.removed.length) staging.replaceBatch(batchId, left.batch);
    for (const id of left.removed) staging.clearDecision(batchId, id);
    staging.setDecision(batchId, c.id, { state: 'rejected', edit: left.edit }, actor.name);
  });
  audit.record(actor, {
    action: 'ingest.reject',
    target: `${batchId}/${c.id}`,
    before: row ? { state: row.state } : { state: 'pending' },
    after: { state: 'rejected', notSame },
    detail: {
      ...quoteOf(c),
      ...auditNames(s.batch, row?.edit),
      ...(left.removed.length ? { removedEvents: left.removed } : {}),
    },
  });
}

/** Back to pending (a rejected candidate reconsidered). */
export function reopenCandidate(x: EditContext, batchId: string, candidateId: string, actor: ReviewActor): void {
  const { staging, audit } = x.d;
  const s = x.staged(batchId);
  const c = x.reviewed(s.batch, candidateId);
  const row = staging.decisions(batchId).get(c.id);
  if (row?.state !== 'rejected') throw new ReviewBlocked(`${c.id} is not rejected.`);
  if (row.edit) staging.setDecision(batchId, c.id, { state: 'edited', edit: row.edit }, actor.name);
  else staging.clearDecision(batchId, c.id);
  audit.record(actor, {
    action: 'ingest.reopen',
    target: `${batchId}/${c.id}`,
    before: { state: 'rejected' },
    after: { state: 'pending' },
  });
}
