import type { SavedQuery, SessionResponse } from '../../../shared/api';

/**
 * Why the signed-in user may not save over or delete a saved query, or null when they may: the
 * server's rule (its owner, the account that first saved it, or an admin; the repository's queries
 * never). Pure.
 */
export function savedQueryLocked(q: SavedQuery, user: SessionResponse['user']): string | null {
  if (q.source === 'repository') return 'A query of the repository: change it in cypher/queries/.';
  if (!user || (user.role !== 'editor' && user.role !== 'admin')) return 'Saved queries are changed by editors.';
  const owner = q.owner ?? q.savedBy;
  if (user.role === 'admin' || !owner || owner.toLowerCase() === user.name.toLowerCase()) return null;
  return `${owner}'s query: only ${owner} or an admin may change it.`;
}
