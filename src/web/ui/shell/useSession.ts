import { useEffect, useState } from 'react';
import type { SessionResponse } from '../../../shared/api';
import { roleAllows } from '../../../shared/api/routes';
import { useApp, useExplorer } from '../context';

/**
 * Who this browser is signed in as (null until the server has answered, or when it cannot be
 * asked). Asked again whenever a load finishes, so signing in updates it. One GET per load.
 */
export function useSession(): SessionResponse | null {
  const explorer = useExplorer();
  const loading = useApp((s) => s.loading);
  const [session, setSession] = useState<SessionResponse | null>(null);
  useEffect(() => {
    if (loading) return;
    let live = true;
    explorer.api.session().then(
      (s) => live && setSession(s),
      () => live && setSession(null),
    );
    return () => {
      live = false;
    };
  }, [loading, explorer]);
  return session;
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
