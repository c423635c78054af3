import { useState } from 'react';
import type { SessionResponse } from '../../../shared/api';
import { useExplorer } from '../context';
import { AdminDialog } from './AdminDialog';
import { Icon } from '../shell/Icon';

/** Who is signed in, signing out, and (admins) the administration dialog. Nothing before the session is known. */
export function AccountMenu({ user }: { user: SessionResponse['user'] | undefined }) {
  const explorer = useExplorer();
  const [admin, setAdmin] = useState(false);
  if (!user) return null;
  return (
    <>
      {user.via === 'session' ? (
        <span
          className="muted small account-user"
          title={`Signed in as ${user.name} (${user.role})`}
          data-testid="account-user"
        >
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
          className="btn icon"
          onClick={() => void explorer.api.logout().then(() => location.reload())}
          title={`Sign out ${user.name}`}
          aria-label="Sign out"
          data-testid="sign-out"
        >
          <Icon name="signout" />
        </button>
      ) : null}
      {admin ? <AdminDialog onClose={() => setAdmin(false)} /> : null}
    </>
  );
}
