import type { SessionResponse } from '../../../shared/api';
import { roleAllows } from '../../../shared/api/routes';
import { useApp } from '../context';

/**
 * Who this browser is signed in as (null until the server has answered, or when it cannot be
 * asked). Start-up asks once, beside its first requests, and again after a sign-in or a token.
 */
export function useSession(): SessionResponse | null {
  return useApp((s) => s.session);
}

/**
 * Whether the signed-in user may make the graph-side changes the server keeps for editors (saved
 * queries, the saved style, adding articles). False until the role is known, so a viewer never
 * sees a control the server would refuse.
 */
export function useMayEdit(): boolean {
  const user = useSession()?.user;
  return !!user && roleAllows(user.role, 'editor');
}
