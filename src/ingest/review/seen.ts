/**
 * Which state of a candidate's decision a reviewer acted on. Every candidate view carries a stamp of
 * its decision row (state, time, edit); accept, merge, reject and edit may send the stamp they were
 * shown, and are refused when the candidate changed since, as a node edit with a stale version is:
 * otherwise an accept from an old view would write another reviewer's edit under the wrong name.
 */
import { createHash } from 'node:crypto';
import type { DecisionRow, Staging } from '../staging/store';
import { ReviewBlocked } from './errors';

/** The stamp of a candidate's decision as it stands ("pending" when none). */
export function seenOf(row: DecisionRow | undefined): string {
  if (!row) return 'pending';
  const edit = createHash('sha256')
    .update(JSON.stringify(row.edit ?? null))
    .digest('hex')
    .slice(0, 12);
  return `${row.state}@${row.at}#${edit}`;
}

/** What the candidate is now, for the refusal: its state and the name or statement an edit gave it. */
function nowOf(row: DecisionRow | undefined): string {
  if (!row) return 'pending again';
  const e = (row.edit ?? {}) as Record<string, unknown>;
  const what = [e.name, e.statement, e.label].find((x) => typeof x === 'string' && x);
  return what ? `${row.state} ("${String(what)}")` : row.state;
}

/** Refuses when `seen` (sent by the client) is not the decision's stamp now; no stamp sent, no check. */
export function assertSeen(candidate: string, row: DecisionRow | undefined, seen: string | undefined): void {
  if (seen === undefined || seen === seenOf(row)) return;
  const who = row ? `by ${row.by}` : 'by another reviewer';
  throw new ReviewBlocked(
    `${candidate} was changed ${who} since you opened it: now ${nowOf(row)}. Look at it again before you act on it.`,
    { reason: 'STALE', candidate, seen: seenOf(row) },
  );
}

/**
 * The same check for a candidate of a staged batch (a link candidate is reviewed through its entity).
 * An unknown batch or candidate passes: the action itself answers 404.
 */
export function assertSeenIn(staging: Staging, batchId: string, candidateId: string, seen: string | undefined): void {
  if (seen === undefined) return;
  const c = staging.batch(batchId)?.batch.candidates.find((x) => x.id === candidateId);
  if (!c) return;
  const id = c.kind === 'link' ? c.entity : c.id;
  assertSeen(id, staging.decisions(batchId).get(id), seen);
}
