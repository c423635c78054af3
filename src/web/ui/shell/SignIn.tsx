import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useExplorer } from '../context';
import { useModalFocus } from './useModalFocus';

/** The sign-in form of a server with accounts (the session cookie is set by the server, HTTP-only). */
export function SignIn() {
  const explorer = useExplorer();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Tab stays in the form; there is no Esc: nothing behind it works before signing in.
  const box = useModalFocus<HTMLFormElement>(true);
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="signin-title">
      <form
        className="modal"
        ref={box}
        tabIndex={-1}
        data-testid="signin-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          explorer.signIn(name.trim(), password).then(
            () => setBusy(false),
            (err: unknown) => {
              setBusy(false);
              setPassword('');
              setError(err instanceof ApiError ? err.message : 'Could not sign in.');
            },
          );
        }}
      >
        <h2 id="signin-title">Sign in to newsgraph</h2>
        <p className="muted">Your account comes from the server&rsquo;s admin.</p>
        {error ? (
          <div className="error-box" role="alert" style={{ marginBottom: 10 }} data-testid="signin-error">
            {error}
          </div>
        ) : null}
        <input
          className="input"
          autoFocus
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Name"
          aria-label="Name"
          data-testid="signin-name"
        />
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          placeholder="Password"
          aria-label="Password"
          style={{ marginTop: 8 }}
          data-testid="signin-password"
        />
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
          <button
            className="btn primary"
            type="submit"
            disabled={busy || !name.trim() || !password}
            data-testid="signin-submit"
          >
            Sign in
          </button>
        </div>
      </form>
    </div>
  );
}
