import { useEffect, useState } from 'react';
import { useApp, useExplorer } from '../context';
import { SignIn } from './SignIn';
import { useModalFocus } from './useModalFocus';

/**
 * Asked when the server refuses us: a server with accounts gets the sign-in form; one started with
 * NEWSGRAPH_TOKEN (and no accounts) asks for that token, which comes from whoever runs it.
 */
export function TokenPrompt() {
  const explorer = useExplorer();
  const needs = useApp((s) => s.needsToken);
  const rejected = useApp((s) => s.tokenRejected);
  const [value, setValue] = useState('');
  const [mode, setMode] = useState<'accounts' | 'token' | null>(null);
  // Tab stays in the form; no Esc: nothing behind it works without the token.
  const box = useModalFocus<HTMLFormElement>(needs && mode === 'token');
  useEffect(() => {
    if (!needs) return;
    let live = true;
    explorer.session().then(
      (s) => live && setMode(s.mode === 'accounts' ? 'accounts' : 'token'),
      () => live && setMode('token'),
    );
    return () => {
      live = false;
    };
  }, [needs, explorer]);
  if (!needs || mode === null) return null;
  if (mode === 'accounts') return <SignIn />;
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        className="modal"
        ref={box}
        tabIndex={-1}
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) void explorer.useAccessToken(value);
        }}
      >
        <h2 id="token-title">This newsgraph server needs an access token</h2>
        <p className="muted">
          It was started with <code>NEWSGRAPH_TOKEN</code>. Ask whoever runs it for the token; it is kept in this
          browser tab only.
        </p>
        {rejected ? (
          <div className="error-box" role="alert" style={{ marginBottom: 10 }} data-testid="token-rejected">
            That token was not accepted. Check it and try again.
          </div>
        ) : null}
        <input
          className="input"
          type="password"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="Access token"
          data-testid="token-input"
        />
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
          <button className="btn primary" type="submit" disabled={!value.trim()} data-testid="token-submit">
            Continue
          </button>
        </div>
      </form>
    </div>
  );
}
