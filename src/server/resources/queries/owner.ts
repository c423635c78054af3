import type { Actor } from '../../http/actor';
import { ApiError } from '../../http/errors';
import type { Perspectives } from '../perspectives/service';

/**
 * Refuses (403 NOT_OWNER, naming the owner) a change to a perspective query another account
 * owns: only the account that first saved it, or an admin, may save over or delete it (an admin's
 * save over it leaves it theirs). Cost: one synchronous store read.
 */
export function assertMayChange(
  ps: Perspectives | null,
  actor: Actor,
  name: string,
  verb: 'save over' | 'delete',
): void {
  const owner = ps?.store.query(ps.database, name)?.owner;
  if (!owner || actor.role === 'admin' || owner.toLowerCase() === actor.name.toLowerCase()) return;
  throw new ApiError(
    403,
    'NOT_OWNER',
    `"${name}" was saved by ${owner}; only ${owner} or an admin may ${verb} it. Save yours under another name.`,
    { owner },
  );
}
