/**
 * The review, end to end: reading a staged batch with its proposals, editing and rejecting
 * candidates (./edit.ts), accepting (one Neo4j transaction per accept, recorded for undo before it commits),
 * undoing, judgements, and contradiction proposals. Every write is audited by the caller's sink.
 */
import type { Batch, Candidate } from '../batch';
import type { Judgement } from '../link/judgements';
import { newsgraphSchemaProblem } from '../staging/graph';
import type { DecisionRow, StagedBatch } from '../staging/store';
import { TextStore } from '../store';
import type { ManagedTransaction } from 'neo4j-driver';
import { writeAccept, type AcceptItem, type AcceptPlan } from './accept';
import { confirmContradiction, CONTRA, contraKey } from './contradiction-accept';
import { proposeContradictions, type ContradictionProposal } from './contradictions';
import { checkDecision, editedArticle, type ArticleEdit, type ClaimDecision, type Decision } from './decision';
import { editCandidate, rejectCandidate, reopenCandidate, type EditContext } from './edit';
import { ForeignDatabase, ReviewBlocked, ReviewInvalid, ReviewNotFound } from './errors';
import { withJudgements } from './judged';
import { eventsNamedFor } from './new-event';
import { redated } from './redate';
import type { AcceptOutcome, ReviewActor, ReviewDeps } from './transaction';
import {
  aboutNothing,
  bulkCandidates,
  repeatedEventCaution,
  repeatedEvents,
  CLAIM_NEEDS_EVENT,
  decisionOf,
  summaryOf,
  viewOf,
  type AcceptRecord,
  type BatchSummary,
  type BatchView,
} from './view';
import { undoAccept } from './undo';
import { assertSeen } from './seen';

export type { AcceptOutcome, AuditSink, ReviewActor, ReviewDeps } from './transaction';
export type { AcceptItem } from './accept';

export class ReviewService {
  constructor(private readonly d: ReviewDeps) {}

  // ------------------------------------------------------------------ reading

  list(): BatchSummary[] {
    return this.d.staging.batches().map((s) => summaryOf(s, this.d.staging.decisions(s.id)));
  }

  view(batchId: string): BatchView {
    const s = this.staged(batchId);
    return viewOf(s, this.text(s), this.d.staging.decisions(batchId), this.d.staging.accepts(batchId));
  }

  /** The staged batch with the judgements made so far applied (`raw`: as stored, to rewrite it). */
  private staged(batchId: string, raw = false): StagedBatch {
    const s = this.d.staging.batch(batchId);
    if (!s) throw new ReviewNotFound(`No staged batch ${batchId}.`);
    return raw ? s : { ...s, batch: withJudgements(s.batch, this.d.staging.judgements()) };
  }

  private text(s: StagedBatch): string {
    for (const dir of this.d.textDirs) {
      const t = new TextStore(dir).read(s.sha256);
      if (t !== null) return t;
    }
    throw new ReviewBlocked(
      `The text of ${s.id} (${s.batch.article.file ?? s.sha256}) is missing or changed in ${this.d.textDirs.join(', ')}; it cannot be reviewed.`,
    );
  }

  private candidate(b: Batch, id: string): Candidate {
    const c = b.candidates.find((x) => x.id === id);
    if (!c) throw new ReviewNotFound(`No candidate ${id} in this batch.`);
    return c;
  }

  // ------------------------------------------------------------------ staging-only writes

  /** Gives the article metadata the input lacked (before anything of it is accepted). */
  updateArticle(batchId: string, edit: ArticleEdit, actor: ReviewActor): BatchView {
    const s = this.staged(batchId, true);
    if (s.articleId)
      throw new ReviewBlocked('The article is in the graph already; its details can no longer change here.');
    const before = s.batch.article;
    const after = editedArticle(before, edit);
    // A new publication date resolves the relative dates again ("yesterday" is another day now).
    const { batch, changed } =
      after.published !== before.published
        ? redated({ ...s.batch, article: after }, this.text(s))
        : { batch: { ...s.batch, article: after }, changed: [] };
    this.d.staging.replaceBatch(batchId, batch);
    this.d.audit.record(actor, {
      action: 'ingest.article',
      target: batchId,
      before,
      after,
      detail: { source: s.source, ...(changed.length ? { redated: changed } : {}) },
    });
    return this.view(batchId);
  }

  /** Stores the reviewer's edited decision without writing the graph (./edit.ts). */
  async edit(
    batchId: string,
    candidateId: string,
    decision: unknown,
    actor: ReviewActor,
    seen?: string,
  ): Promise<BatchView> {
    await editCandidate(this.editing, batchId, candidateId, decision, actor, seen);
    return this.view(batchId);
  }

  /** Rejects a candidate; `notSame` records that its names are not these graph entities (never proposed again). */
  reject(batchId: string, candidateId: string, actor: ReviewActor, notSame: string[] = []): BatchView {
    rejectCandidate(this.editing, batchId, candidateId, actor, notSame);
    return this.view(batchId);
  }

  /** Back to pending (a rejected candidate reconsidered). */
  reopen(batchId: string, candidateId: string, actor: ReviewActor): BatchView {
    reopenCandidate(this.editing, batchId, candidateId, actor);
    return this.view(batchId);
  }

  /** What the staging-only writes of ./edit.ts read the batch with. */
  private get editing(): EditContext {
    return {
      d: this.d,
      staged: (batchId, raw) => this.staged(batchId, raw),
      text: (s) => this.text(s),
      reviewed: (b, id) => this.entityOf(b, this.candidate(b, id)),
      parse: (c, decision, sent) => this.parse(c, decision, sent),
      read: (work) => this.read(work),
      judge: (j, actor) => this.judge(j, actor),
    };
  }

  judge(j: Judgement, actor: ReviewActor): void {
    this.d.staging.addJudgement(j, actor.name);
    this.d.audit.record(actor, { action: 'ingest.judge', target: j.right.entityId, after: j });
  }

  // ------------------------------------------------------------------ accept

  /** Accepts one candidate into an existing graph entity (a merge), recording the judgement "same". */
  async merge(batchId: string, candidateId: string, into: string, actor: ReviewActor, seen?: string) {
    const s = this.staged(batchId);
    const c = this.entityOf(s.batch, this.candidate(s.batch, candidateId));
    if (c.kind !== 'entity') throw new ReviewBlocked('Only an entity can be merged into a graph entity.');
    const out = await this.accept(
      batchId,
      [{ candidate: c.id, decision: { action: 'link', entityId: into }, seen }],
      actor,
      'ingest.merge',
    );
    for (const form of c.forms) this.judge({ left: { form }, right: { entityId: into }, verdict: 'same' }, actor);
    return out;
  }

  /** Accepts the unreviewed candidates at or above `minConfidence` that nothing blocks, in one transaction. */
  async bulk(batchId: string, minConfidence: number, actor: ReviewActor): Promise<AcceptOutcome> {
    const s = this.staged(batchId);
    const decisions = this.d.staging.decisions(batchId);
    const picked = bulkCandidates(s.batch, decisions, minConfidence);
    if (!picked.length)
      throw new ReviewBlocked(
        `Nothing unreviewed at or above ${Math.round(minConfidence * 100)}% confidence can be accepted as it stands.`,
      );
    // An event repeating an earlier one's name is its reviewer's to settle, and so is an event or
    // entity whose name the graph has: left (outcome.left, with what refers to them), the rest go in.
    const repeated = repeatedEvents(s.batch, decisions);
    const held = picked.flatMap((c) => {
      const first = repeated.get(c.id);
      if (!first) return [];
      const why = { reason: 'EVENT_REPEATED', existing: first };
      return [{ c, error: new ReviewBlocked(repeatedEventCaution(first), why) }];
    });
    const items = picked.filter((c) => !repeated.has(c.id)).map((c) => ({ candidate: c.id }));
    if (!items.length) throw held[0]!.error;
    return this.accept(batchId, items, actor, 'ingest.accept', true, held);
  }

  /**
   * Accepts candidates in ONE Neo4j transaction: the article first (created on the batch's first
   * accept), then each candidate in order (a later one may use what an earlier one created). The
   * accept is recorded (pending, with its changes) before the commit and marked committed after,
   * so a crash leaves either the graph as before or a record that can finish or undo it.
   */
  async accept(
    batchId: string,
    items: AcceptItem[],
    actor: ReviewActor,
    action = 'ingest.accept',
    leave = false,
    held: AcceptPlan['held'] = [],
  ): Promise<AcceptOutcome> {
    const s = this.staged(batchId);
    const text = this.text(s);
    await this.assertOurDatabase();
    const decisions = new Map(this.d.staging.decisions(batchId));
    const previous: AcceptRecord['previous'] = {};
    const plan: AcceptPlan['plan'] = [];
    const listed = new Set(items.map((i) => i.candidate));
    for (const item of items) {
      const c = this.entityOf(s.batch, this.candidate(s.batch, item.candidate));
      const row = decisions.get(c.id);
      if (row?.state === 'accepted') throw new ReviewBlocked(`${c.id} is accepted already.`);
      assertSeen(c.id, row, item.seen);
      previous[c.id] = row ? { state: row.state, edit: row.edit } : null;
      // The events a reviewer named for this claim are written first, in the same transaction.
      for (const e of this.namedEvents(s.batch, c, item.decision, decisions)) {
        if (listed.has(e.id) || e.id in previous) continue;
        const er = decisions.get(e.id);
        previous[e.id] = er ? { state: er.state, edit: er.edit } : null;
        plan.push({ c: e, explicit: undefined });
      }
      plan.push({ c, explicit: item.decision });
    }
    return writeAccept(this.d, {
      staged: s,
      text,
      plan,
      decisions,
      previous,
      actor,
      action,
      decide: (c, explicit) => this.decisionFor(s.batch, c, decisions, explicit),
      leave,
      held,
    });
  }

  /** The staged events named in review for a claim that its decision (sent, else in force) is about. */
  private namedEvents(b: Batch, c: Candidate, explicit: unknown, decisions: ReadonlyMap<string, DecisionRow>) {
    if (c.kind !== 'claim') return [];
    const d = explicit !== undefined ? this.parse(c, explicit, true) : decisionOf(b, c, decisions).decision;
    return d ? eventsNamedFor(b, c, d as ClaimDecision, decisions) : [];
  }

  private decisionFor(
    b: Batch,
    c: Candidate,
    decisions: ReadonlyMap<string, DecisionRow>,
    explicit: unknown,
  ): Decision {
    if (explicit !== undefined) {
      const d = this.parse(c, explicit, true);
      if (c.kind === 'claim' && (d as ClaimDecision).newEvent)
        throw new ReviewInvalid(`${c.id}: newEvent: save the edit that names the new event first, then accept`);
      return d;
    }
    const d = decisionOf(b, c, decisions);
    // A reviewer's edit that left About empty (a reopened claim whose event left with its reject): the field is missing.
    if (!d.proposed && aboutNothing(c, d.decision)) throw new ReviewInvalid(`${c.id}: about: ${CLAIM_NEEDS_EVENT}`);
    if (d.blocked) throw new ReviewBlocked(`${c.id}: ${d.blocked}`);
    if (!d.decision) throw new ReviewBlocked(`${c.id}: nothing to accept`);
    return this.parse(c, d.decision);
  }

  /** Checks a decision against its candidate's kind; `sent`: the reviewer's own (a bad one is invalid input, not a block). */
  private parse(c: Candidate, decision: unknown, sent = false): Decision {
    const r = checkDecision(c.kind, decision);
    if ('decision' in r) return r.decision;
    throw sent ? new ReviewInvalid(`${c.id}: ${r.problem}`) : new ReviewBlocked(`${c.id}: ${r.problem}`);
  }

  /** A link candidate is reviewed through its entity. */
  private entityOf(b: Batch, c: Candidate): Candidate {
    return c.kind === 'link' ? this.candidate(b, c.entity) : c;
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.d.driver.session({ database: this.d.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  private async assertOurDatabase(): Promise<void> {
    const problem = await newsgraphSchemaProblem(this.d);
    if (problem) throw new ForeignDatabase(problem);
  }

  // ------------------------------------------------------------------ undo

  /** Undoes an accept in one transaction: exactly what it added is removed, what it changed restored. */
  async undo(acceptId: number, actor: ReviewActor): Promise<BatchView> {
    await this.assertOurDatabase();
    return this.view(await undoAccept(this.d, acceptId, actor));
  }

  // ------------------------------------------------------------------ contradictions

  /** Proposed contradictions between this batch's accepted claims and the graph's other claims. */
  async contradictions(batchId: string): Promise<ContradictionProposal[]> {
    const decisions = this.d.staging.decisions(batchId);
    const s = this.staged(batchId);
    const claimIds = s.batch.candidates
      .filter((c) => c.kind === 'claim' && decisions.get(c.id)?.state === 'accepted')
      .map((c) => String(decisions.get(c.id)!.result?.entityId));
    const dismissed = new Set(
      [...decisions.keys()].filter((k) => k.startsWith(CONTRA)).map((k) => k.slice(CONTRA.length)),
    );
    const session = this.d.driver.session({ database: this.d.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead((tx) => proposeContradictions(tx, claimIds, dismissed));
    } finally {
      await session.close();
    }
  }

  /** Confirms (writes CONTRADICTS, both claims contested; undoable) or dismisses a proposed contradiction. */
  async resolveContradiction(
    batchId: string,
    claim: string,
    other: string,
    confirm: boolean,
    actor: ReviewActor,
  ): Promise<AcceptOutcome | null> {
    const key = contraKey(claim, other);
    const s = this.staged(batchId);
    const proposal = (await this.contradictions(batchId)).find((p) => contraKey(p.claim, p.other) === key);
    if (!proposal) throw new ReviewNotFound(`No proposed contradiction between ${claim} and ${other}.`);
    if (!confirm) {
      this.d.staging.setDecision(batchId, key, { state: 'rejected' }, actor.name);
      this.d.audit.record(actor, {
        action: 'ingest.contradiction.dismiss',
        target: key,
        after: proposal,
        detail: { quotes: proposal.quotes },
      });
      return null;
    }
    await this.assertOurDatabase();
    return confirmContradiction(this.d, s, proposal, actor);
  }
}
