/**
 * Judgements made while a batch is under review apply to that batch too, not only to articles
 * extracted later: an option judged "not the same" leaves its link candidate (so it is neither
 * listed nor proposed again), one judged "unsure" is flagged (so it is never proposed or
 * auto-linked). Pure: the staged batch and the judgements in, the batch as the review sees it out.
 * Cost: linear in the link options (one index lookup each).
 */
import type { Batch, Candidate, EntityCandidate, LinkCandidate } from '../batch';
import { JudgementIndex, type Judgement } from '../link/judgements';

export function withJudgements(b: Batch, judgements: readonly Judgement[]): Batch {
  if (!judgements.length) return b;
  const index = new JudgementIndex([...judgements]);
  const entities = new Map(b.candidates.filter((c): c is EntityCandidate => c.kind === 'entity').map((c) => [c.id, c]));
  const links = new Map<string, { before: LinkCandidate; after: LinkCandidate }>();
  for (const c of b.candidates) {
    if (c.kind !== 'link') continue;
    const forms = entities.get(c.entity)?.forms ?? [];
    const after = judgeLink(c, (entityId) => index.verdict(forms, entityId));
    if (after !== c) links.set(c.entity, { before: c, after });
  }
  if (!links.size) return b;
  const candidates = b.candidates.map((c): Candidate => {
    if (c.kind === 'link') return links.get(c.entity)?.after ?? c;
    const l = c.kind === 'entity' ? links.get(c.id) : undefined;
    return l ? { ...c, notes: entityNotes(c.notes, l.before, l.after) } : c;
  });
  return { ...b, candidates };
}

/** An entity's notes repeat its link's notes and cautions (what the row shows): keep them in step. */
function entityNotes(notes: readonly string[], before: LinkCandidate, after: LinkCandidate): string[] {
  const kept = new Set(after.options.map((o) => o.caution));
  const gone = new Set(before.options.filter((o) => o.caution && !kept.has(o.caution)).map((o) => o.caution));
  const added = after.notes.filter((n) => !before.notes.includes(n));
  return [...notes.filter((n) => !gone.has(n)), ...added];
}

function judgeLink(c: LinkCandidate, verdict: (entityId: string) => Judgement['verdict'] | undefined): LinkCandidate {
  const notes = [...c.notes];
  const options: LinkCandidate['options'] = [];
  let changed = false;
  for (const o of c.options) {
    const v = verdict(o.entityId);
    if (v === 'not-same') {
      notes.push(`not proposing ${o.entityId}: judged not the same`);
      changed = true;
    } else if (v === 'unsure' && !o.judgedUnsure) {
      options.push({ ...o, judgedUnsure: true });
      changed = true;
    } else options.push(o);
  }
  if (!changed) return c;
  // An automatic link to an entity a person has since doubted becomes a review decision.
  const autoKept =
    c.decision === 'auto' && options.some((o) => o.entityId === c.entityId && !o.judgedUnsure) ? c.entityId : undefined;
  const { entityId: _dropped, ...rest } = c;
  return {
    ...rest,
    notes,
    options,
    ...(autoKept ? { decision: 'auto' as const, entityId: autoKept } : { decision: 'review' as const }),
  };
}
