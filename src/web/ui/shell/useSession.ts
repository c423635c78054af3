import { useEffect, useState } from 'react';
import type { SessionResponse } from '../../../shared/api';
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
