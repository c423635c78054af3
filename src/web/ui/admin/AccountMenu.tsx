import { useEffect, useState } from 'react';
import type { SessionResponse } from '../../../shared/api';
import { useApp, useExplorer } from '../context';
import { AdminDialog } from './AdminDialog';

/** Who is signed in, signing out, and (admins) the administration dialog. Nothing on a viewer's local server. */
export function AccountMenu() {
  const explorer = useExplorer();
  const loading = useApp((s) => s.loading);
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [admin, setAdmin] = useState(false);
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
  const user = session?.user;
  if (!user) return null;
  return (
    <>
      {user.via === 'session' ? (
        <span className="muted small" data-testid="account-user">
          {user.name} ({user.role})
        </span>
      ) : null}
      {user.role === 'admin' ? (
        <button className="btn" onClick={() => setAdmin(true)} data-testid="admin-open">
          Admin
        </button>
      ) : null}
      {user.via === 'session' ? (
        <button
          className="btn"
          onClick={() => void explorer.api.logout().then(() => location.reload())}
          data-testid="sign-out"
        >
          Sign out
        </button>
      ) : null}
      {admin ? <AdminDialog onClose={() => setAdmin(false)} /> : null}
    </>
  );
}
