/**
 * Confirming a proposed contradiction: CONTRADICTS between the two claims (with both claims'
 * evidence, as the seed loader writes it) and both marked contested — one undoable accept.
 */
import type { StagedBatch } from '../staging/store';
import { stamp } from './apply';
import type { ContradictionProposal } from './contradictions';
import { ReviewNotFound } from './errors';
import {
  acceptTransaction,
  afterOf,
  beforeOf,
  countChanged,
  countCreated,
  type AcceptOutcome,
  type ReviewActor,
  type ReviewDeps,
} from './transaction';
import { outletsOf, provenance } from './values';
import type { NodeHandle } from './writer';

export const CONTRA = 'contra:';
export const contraKey = (a: string, b: string) => `${CONTRA}${[a, b].sort().join('|')}`;

const evidence = (n: NodeHandle) => ({
  article: String(n.props.article),
  quote: String(n.props.quote),
  start: Number(n.props.start),
  end: Number(n.props.end),
});

export async function confirmContradiction(
  d: ReviewDeps,
  s: StagedBatch,
  p: ContradictionProposal,
  actor: ReviewActor,
): Promise<AcceptOutcome> {
  const key = contraKey(p.claim, p.other);
  const at = (d.now?.() ?? new Date()).toISOString();
  const { acceptId, value, changes } = await acceptTransaction(
    d,
    { batchId: s.id, candidates: [key], action: 'ingest.contradiction', actor },
    async (w) => {
      const a = await w.node(p.claim);
      const b = await w.node(p.other);
      if (!a || !b) throw new ReviewNotFound(`${a ? p.other : p.claim} is no longer in the graph.`);
      const outlets = await outletsOf(w.tx, [evidence(a).article, evidence(b).article]);
      await w.createRel(a, 'CONTRADICTS', b, {
        ...provenance([evidence(a), evidence(b)], (x) => outlets.get(x) ?? null),
        reason: p.reason,
        ...stamp({ actor: actor.name, at }, { name: 'contradictions', version: '1.0.0' }),
      });
      for (const n of [a, b]) await w.set('node', n.elementId, n.id, n.props, { status: 'contested' });
      const results = { [key]: { claim: a.id, other: b.id } };
      return {
        record: { results, articleId: s.articleId ?? '', articleCreated: false, previous: {} },
        value: results[key]!,
      };
    },
    (id, result) => d.staging.setDecision(s.id, key, { state: 'accepted', result, acceptId: id }, actor.name),
  );
  d.audit.record(actor, {
    action: 'ingest.contradiction',
    target: key,
    before: beforeOf(changes),
    after: { ...afterOf(changes), acceptId },
    detail: { reason: p.reason, event: p.event, quotes: p.quotes },
  });
  return {
    acceptId,
    accepted: [{ candidate: key, result: value }],
    created: countCreated(changes),
    changed: countChanged(changes),
  };
}
