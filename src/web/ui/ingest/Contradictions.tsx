/**
 * Contradictions to confirm: once claims of this article are accepted, the server proposes the
 * graph's claims about the same event that conflict with them (other figures, one side denying
 * what the other states, different parties blamed). A person confirms each (CONTRADICTS between
 * the two, both contested; undoable here) or dismisses it; nothing is linked without a person.
 */
import { useEffect, useState } from 'react';
import type { AcceptOutcome, BatchView, Contradiction } from '../../../shared/api/ingest';
import { describeError } from '../../api/client';
import { useExplorer } from '../context';

export type Run = (
  what: string,
  call: () => Promise<{ batch: BatchView; outcome?: AcceptOutcome }>,
) => Promise<boolean>;

export function Contradictions({ batch, busy, run }: { batch: BatchView; busy: boolean; run: Run }) {
  const api = useExplorer().api;
  const [list, setList] = useState<Contradiction[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Asked again whenever an accept or undo changes what this article's claims are.
  const claims = batch.candidates
    .filter((v) => v.candidate.kind === 'claim' && v.state === 'accepted')
    .map((v) => String(v.result?.entityId))
    .join(',');
  const acceptsSeen = batch.accepts.map((a) => `${a.id}:${a.state}`).join(',');
  useEffect(() => {
    if (!claims) return setList([]);
    let live = true;
    api.ingestContradictions(batch.id).then(
      (r) => {
        if (!live) return;
        setList(r.contradictions);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, batch.id, claims, acceptsSeen]);

  const confirmed = batch.accepts.filter((a) => a.state === 'committed' && a.candidates[0]?.startsWith('contra:'));
  if (!list.length && !confirmed.length && !error) return null;

  const resolve = (c: Contradiction, confirm: boolean) =>
    void run(confirm ? 'Confirmed the contradiction' : 'Dismissed the contradiction', async () => {
      const r = await api.ingestContradiction(batch.id, c.claim, c.other, confirm);
      setList(r.contradictions);
      return { batch: r.batch, outcome: r.outcome ?? undefined };
    });

  return (
    <section
      className="ingest-contradictions"
      aria-label="Contradictions to confirm"
      data-testid="ingest-contradictions"
    >
      <strong className="small">Contradictions with claims already in the graph</strong>
      {error ? (
        <div className="error-box" role="alert">
          Could not look for contradictions: {error}
        </div>
      ) : null}
      {list.map((c) => (
        <div key={`${c.claim}|${c.other}`} className="ingest-contradiction" data-testid="ingest-contradiction">
          <div className="small">
            About <strong>{c.event.name}</strong>: {c.reason}.
          </div>
          <blockquote className="ingest-quote">“{c.quotes[0]}”</blockquote>
          <blockquote className="ingest-quote">“{c.quotes[1]}”</blockquote>
          <div className="row ingest-actions">
            <span className="small muted">
              {c.claim} ↔ {c.other}
            </span>
            <div className="grow" />
            <button
              className="btn primary"
              disabled={busy}
              onClick={() => resolve(c, true)}
              data-testid="ingest-contradiction-confirm"
            >
              Confirm
            </button>
            <button
              className="btn"
              disabled={busy}
              onClick={() => resolve(c, false)}
              data-testid="ingest-contradiction-dismiss"
            >
              Not a contradiction
            </button>
          </div>
        </div>
      ))}
      {confirmed.map((a) => (
        <div key={a.id} className="row ingest-actions small" data-testid="ingest-contradiction-confirmed">
          <span>
            Confirmed: {a.candidates[0]!.slice('contra:'.length).replace('|', ' ↔ ')} (by {a.by})
          </span>
          <div className="grow" />
          <button
            className="btn"
            disabled={busy}
            onClick={() => void run(`Undid accept ${a.id}`, () => api.ingestUndo(a.id))}
            data-testid="ingest-contradiction-undo"
          >
            Undo
          </button>
        </div>
      ))}
    </section>
  );
}
