import { useState } from 'react';
import type { SessionResponse } from '../../../shared/api';
import { useExplorer } from '../context';
import { AdminDialog } from './AdminDialog';

/** Who is signed in, signing out, and (admins) the administration dialog. Nothing before the session is known. */
export function AccountMenu({ user }: { user: SessionResponse['user'] | undefined }) {
  const explorer = useExplorer();
  const [admin, setAdmin] = useState(false);
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
