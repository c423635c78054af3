import type { SavedQuery, SessionResponse } from '../../../shared/api';

/**
 * Why the signed-in user may not save over or delete a saved query, or null when they may: the
 * server's rule (the account that saved it, or an admin; the repository's queries never). Pure.
 */
export function savedQueryLocked(q: SavedQuery, user: SessionResponse['user']): string | null {
  if (q.source === 'repository') return 'A query of the repository: change it in cypher/queries/.';
  if (!user || (user.role !== 'editor' && user.role !== 'admin')) return 'Saved queries are changed by editors.';
  if (user.role === 'admin' || !q.savedBy || q.savedBy.toLowerCase() === user.name.toLowerCase()) return null;
  return `Saved by ${q.savedBy}: only ${q.savedBy} or an admin may change it.`;
}
