/**
 * One accept's write: the article (created on the batch's first accept), then each candidate in
 * order, in ONE Neo4j transaction recorded (pending, with its changes) before it commits and marked
 * committed after; then its audit entries, one per candidate and one for an article it created.
 * A bulk accept leaves out a candidate refused for its event's or entity's name, and those referring to it.
 * The review service checks what may be accepted first (./service.ts).
 */
import type { Batch, Candidate } from '../batch';
import type { DecisionRow, StagedBatch } from '../staging/store';
import { applyCandidate, type ApplyContext } from './apply';
import { ensureArticle } from './article-node';
import { auditNames } from './audit-names';
import { candRef, type Decision } from './decision';
import { ReviewBlocked } from './errors';
import { createdName, lockNames, type CreatedName } from './name-lock';
import { refsOf } from './proposals';
import {
  acceptTransaction,
  afterOf,
  beforeOf,
  countChanged,
  countCreated,
  createdWith,
  evidenceQuote,
  type AcceptOutcome,
  type ReviewActor,
  type ReviewDeps,
} from './transaction';
import type { AcceptRecord } from './view';

export interface AcceptItem {
  candidate: string;
  /** The decision to apply; default: the stored edit, else the proposal. */
  decision?: unknown;
  seen?: string; // the decision's stamp the reviewer was shown (./seen.ts)
}

export interface AcceptPlan {
  staged: StagedBatch;
  text: string;
  /** The candidates in order, each with the decision the reviewer sent (if any). */
  plan: { c: Candidate; explicit: unknown }[];
  /** The batch's decisions; each accepted candidate's is set as it is applied. */
  decisions: Map<string, DecisionRow>;
  previous: AcceptRecord['previous'];
  actor: ReviewActor;
  action: string;
  /** The decision to apply to a candidate (throws when it cannot be accepted). */
  decide: (c: Candidate, explicit: unknown) => Decision;
  /**
   * Bulk accept: a candidate refused for an event or entity name the graph has (EVENT_EXISTS,
   * ENTITY_EXISTS, before it wrote anything), or referring to one left, is left for its reviewer
   * while the others go in.
   */
  leave?: boolean;
  /** Bulk accept: candidates left for their reviewer before the accept begins (with what refers to them). */
  held?: { c: Candidate; error: ReviewBlocked }[];
}

/** Whether a candidate refused this way may be left out of a bulk accept (nothing of it written). */
const leavable = (e: unknown): e is ReviewBlocked =>
  e instanceof ReviewBlocked && ['EVENT_EXISTS', 'ENTITY_EXISTS', 'EVENT_REPEATED'].includes(String(e.details?.reason));

/**
 * The name a candidate's decision creates an event or entity under (its accept checks the graph's
 * names, so takes that name's lock first). A decision that cannot be made is refused later, in the loop.
 */
function nameCreated(c: Candidate, decision: () => Decision): CreatedName | null {
  if (c.kind !== 'event' && c.kind !== 'entity') return null;
  try {
    return createdName(c, decision());
  } catch {
    return null;
  }
}

/**
 * Whether another accept wrote this candidate while this one waited for its name's lock: then the
 * name it finds taken is that accept's, and the refusal should say so, as it does for any other
 * race on one candidate (./transaction.ts). That accept was recorded before it committed.
 */
function takenElsewhere(d: ReviewDeps, batchId: string, candidate: string): boolean {
  if (d.staging.decisions(batchId).get(candidate)?.state === 'accepted') return true;
  return d.staging.accepts(batchId).some((x) => x.state === 'pending' && x.candidates.includes(candidate));
}

/**
 * The graph entities each entity candidate's linker offered, as staged: before judgements took any
 * away, since one judged "not the same" is the clearest case of a new entity chosen beside it. Pure.
 */
export function offeredIn(b: Batch): (entityCandidate: string) => ReadonlySet<string> {
  const map = new Map<string, Set<string>>();
  for (const c of b.candidates)
    if (c.kind === 'link')
      map.set(c.entity, new Set([...c.options.map((o) => o.entityId), ...(c.entityId ? [c.entityId] : [])]));
  return (id) => map.get(id) ?? new Set();
}

/** Writes the accept and audits it; see the module's comment. */
export async function writeAccept(d: ReviewDeps, a: AcceptPlan): Promise<AcceptOutcome> {
  const { staged: s, text, plan, decisions, previous, actor, action, decide } = a;
  const batchId = s.id;
  const at = (d.now?.() ?? new Date()).toISOString();
  type Done = { c: Candidate; from: number; to: number; decision: Decision; result: Record<string, unknown> };
  let ctx: ApplyContext | undefined;
  const left: { c: Candidate; error: ReviewBlocked }[] = [...(a.held ?? [])];
  const { acceptId, value, changes } = await acceptTransaction(
    d,
    { batchId, candidates: plan.map((p) => p.c.id), action, actor },
    async (w) => {
      // Before anything is written: see lockNames.
      await lockNames(
        w.tx,
        plan.map((p) => nameCreated(p.c, () => decide(p.c, p.explicit))).filter((n) => n !== null),
      );
      const base = {
        w,
        batch: s.batch,
        text,
        decisions,
        vocabulary: d.vocabulary,
        actor: actor.name,
        at,
        dataset: d.dataset,
        outletIds: new Map<string, string | null>(),
        followMerges: d.followMerges,
        repointed: [],
        offered: offeredIn(d.staging.batch(batchId)?.batch ?? s.batch),
      };
      const article = await ensureArticle(base, s.articleId);
      const articleCreated = w.changes.some((ch) => ch.op === 'createNode' && ch.id === article.id);
      ctx = { ...base, article };
      const done: Done[] = [];
      for (const { c, explicit } of plan) {
        const decision = decide(c, explicit);
        const from = w.changes.length;
        let result: Record<string, unknown>;
        try {
          const gone = left.find((l) => refsOf(c.kind, decision).includes(candRef(l.c.id)));
          if (gone) throw new ReviewBlocked(`${c.id}: ${gone.c.id} is left: ${gone.error.message}`, gone.error.details);
          result = await applyCandidate(ctx, c, decision);
        } catch (e) {
          if (leavable(e) && takenElsewhere(d, batchId, c.id))
            throw new ReviewBlocked(`${c.id} is accepted already; reload the batch.`);
          if (!a.leave || !leavable(e) || w.changes.length !== from) throw e;
          left.push({ c, error: e });
          delete previous[c.id];
          continue;
        }
        decisions.set(c.id, {
          candidate: c.id,
          state: 'accepted',
          edit: decision,
          result,
          acceptId: null,
          at,
          by: actor.name,
        });
        done.push({ c, from, to: w.changes.length, decision, result });
      }
      if (!done.length && left.length) throw left[0]!.error;
      const results = Object.fromEntries(done.map((x) => [x.c.id, x.result]));
      return {
        record: { results, articleId: article.id, articleCreated, previous },
        value: { done, article, articleCreated },
        candidates: done.map((x) => x.c.id),
      };
    },
    (id, v) => {
      for (const x of v.done)
        d.staging.setDecision(
          batchId,
          x.c.id,
          { state: 'accepted', edit: x.decision, result: x.result, acceptId: id },
          actor.name,
        );
      d.staging.setArticleId(batchId, v.article.id);
    },
  );
  for (const x of value.done) {
    const mine = changes.slice(x.from, x.to);
    const quote = evidenceQuote(ctx!, x.c, x.decision);
    d.audit.record(actor, {
      action,
      target: `${batchId}/${x.c.id}`,
      before: beforeOf(mine),
      after: { result: x.result, ...afterOf(mine), acceptId },
      detail: { article: value.article.id, quote, extractor: x.c.extractor, ...auditNames(s.batch, x.decision) },
    });
  }
  if (value.articleCreated)
    d.audit.record(actor, {
      action,
      target: `${batchId}/article`,
      before: null,
      after: { created: value.article.id, with: createdWith(changes, value), acceptId },
      detail: { article: value.article.id, sha256: s.sha256, source: s.source, ...auditNames(s.batch, null) },
    });
  return {
    acceptId,
    accepted: value.done.map((x) => ({ candidate: x.c.id, result: x.result })),
    created: countCreated(changes),
    changed: countChanged(changes),
    ...(left.length ? { left: left.map((l) => ({ candidate: l.c.id, message: l.error.message })) } : {}),
  };
}
