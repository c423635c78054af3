/**
 * A `node.merge` entry of the audit trail as the audit view offers it: while it stands, the undo
 * (against the survivor as the merge left it: the server refuses if it changed since); once
 * undone, who undid it and when. Pure.
 */
import type { AuditEntryWire } from '../../../shared/api';
import type { UndoMergeOffer } from '../../core/shell/actions';
import { auditWhen } from './audit-format';

export type AuditMerge = { offer: UndoMergeOffer } | { undone: string };

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Null for another action, or a merge entry without what the undo needs. */
export function auditMerge(e: AuditEntryWire, now = new Date(), timeZone?: string): AuditMerge | null {
  if (e.action !== 'node.merge') return null;
  if (e.undone) return { undone: `Undone by ${e.undone.actor} at ${auditWhen(e.undone.at, now, timeZone).text}` };
  const detail = rec(e.detail);
  const version = rec(e.after).version;
  const survivor = str(e.target) ?? str(detail.elementId);
  if (!survivor || typeof version !== 'number') return null;
  const dup = rec(detail.duplicate);
  const dupId = str(dup.id);
  return {
    offer: {
      survivor,
      version,
      caption: str(detail.name) ?? survivor,
      merge: e.id,
      duplicate: str(rec(dup.properties).name) ?? str(dup.key) ?? 'the duplicate',
      ...(dupId ? { duplicateId: dupId } : {}),
    },
  };
}
