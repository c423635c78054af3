import { useEffect, useState } from 'react';
import { useApp, useExplorer } from '../context';

/** The connectivity banner: red while Neo4j (or the server) is unreachable, green briefly once back. */
export function Banner() {
  const explorer = useExplorer();
  const c = useApp((s) => s.connection);
  // Re-render twice a second while down so the countdown moves (time is read at render).
  const [, setTick] = useState(0);
  useEffect(() => {
    if (c.state !== 'down') return;
    const t = setInterval(() => setTick((n) => n + 1), 500);
    return () => clearInterval(t);
  }, [c.state]);
  if (c.state === 'ok') return null;
  if (c.state === 'recovered') {
    return (
      <div className="banner recovered" role="status" data-testid="banner-recovered">
        Reconnected — Neo4j is available again.
      </div>
    );
  }
  const secs = Math.max(0, Math.ceil((c.nextRetryAt - Date.now()) / 1000));
  return (
    <div className="banner down" role="alert" data-testid="banner-unavailable">
      <strong title={c.detail}>{c.message}</strong>
      <span className="hint grow">
        Your graph stays as it is; newsgraph reconnects by itself{secs > 0 ? ` (next try in ${secs} s)` : ' (trying…)'}.
      </span>
      <button className="btn small" onClick={() => explorer.retryConnection()}>
        Retry now
      </button>
    </div>
  );
}
