/**
 * Reviewing one staged article: its text with every candidate's words marked, and the list of
 * candidates (entities, relationships, claims, events, dates), each with its quote and offsets and
 * accept / edit / reject / merge / not the same / undo, then the contradictions its accepted claims
 * raise. Keyboard: ↑/↓ (or k/j) move, a accepts, e edits, r rejects, u undoes. Every action is an
 * API call whose answer is the batch as it now stands.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExistingEvent } from '../../../shared/api/common';
import type { AcceptOutcome, BatchView } from '../../../shared/api/ingest';
import { ApiError, describeError } from '../../api/client';
import { editable } from '../../core/ingest/edit';
import {
  candidateSpans,
  leftWords,
  mergeOptions,
  refOptions,
  reviewRows,
  textSegments,
  viewTitle,
} from '../../core/ingest/review';
import { undoFailure } from '../../core/ingest/undo-message';
import { useExplorer } from '../context';
import { ArticleDetails } from './ArticleDetails';
import { CandidateRow, type RowAction } from './CandidateRow';
import { Contradictions } from './Contradictions';

/** How often an open review reads its batch again (also on window focus); skipped while hidden or busy. */
const REFRESH_MS = 20_000;

export function ReviewPanel({
  batch,
  onBatch,
  onShown,
  onUndone,
}: {
  batch: BatchView;
  onBatch: (b: BatchView) => void;
  onShown: () => void;
  /** Graph ids an undo removed or changed (the explorer may be showing them). */
  onUndone: (entityIds: string[]) => void;
}) {
  const explorer = useExplorer();
  const rows = useMemo(() => reviewRows(batch.candidates), [batch]);
  const segments = useMemo(() => textSegments(batch.text, candidateSpans(rows)), [batch, rows]);
  const refs = useMemo(() => refOptions(batch.candidates), [batch]);
  const [current, setCurrent] = useState<string | null>(rows[0]?.candidate.id ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  // A claim's new event refused for its name: the event that has it, offered in that claim's form.
  const [taken, setTaken] = useState<(ExistingEvent & { candidate: string }) | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  busyRef.current = busy;

  // The batch as it stands now: after a refused action, and on focus or every little while, so the
  // counts and rows do not stay as they were when another reviewer works on the same article.
  const reload = async () => {
    try {
      onBatch((await explorer.api.ingestBatch(batch.id)).batch);
    } catch {
      /* the next action or refresh says what is wrong */
    }
  };
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    const quiet = () => {
      if (!busyRef.current && document.visibilityState === 'visible') void reloadRef.current();
    };
    const timer = window.setInterval(quiet, REFRESH_MS);
    window.addEventListener('focus', quiet);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', quiet);
    };
  }, [batch.id]);

  const run = async (
    what: string,
    call: () => Promise<{ batch: BatchView; outcome?: AcceptOutcome }>,
    failure: (e: unknown) => string = (e) => `${what} failed: ${describeError(e)}`,
  ): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await call();
      onBatch(r.batch);
      const o = r.outcome;
      setMessage({
        kind: 'info',
        text: o ? `${what}: ${o.created} created, ${o.changed} changed in the graph.${leftWords(o)}` : `${what}.`,
      });
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: failure(e) });
      if (e instanceof ApiError && e.status < 500) await reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  // Back to the list after an edit, so keyboard review goes on.
  const stopEditing = () => {
    setEditing(null);
    setTaken(null);
    listRef.current?.focus();
  };

  const act = (id: string, a: RowAction) => {
    const api = explorer.api;
    const v = rows.find((r) => r.candidate.id === id);
    if (!v || busy) return;
    // Messages name the item and the graph entity as the reviewer sees them, not by internal ids.
    const name = `"${viewTitle(v)}"`;
    const entity = (eid: string) => mergeOptions(batch.candidates, id).find((o) => o.entityId === eid)?.name ?? eid;
    switch (a.kind) {
      case 'accept':
        return run(`Accepted ${name}`, () => api.ingestAccept(batch.id, id, a.decision, v.seen));
      case 'reject':
        return run(`Rejected ${name}`, () => api.ingestReject(batch.id, id, v.seen));
      case 'reopen':
        return run(`Reopened ${name}`, () => api.ingestReopen(batch.id, id));
      case 'merge':
        return run(`Merged ${name} into "${a.name ?? entity(a.into)}"`, () =>
          api.ingestMerge(batch.id, id, a.into, v.seen),
        );
      case 'edit':
        setTaken(null);
        return run(`Edited ${name}`, async () => {
          try {
            return await api.ingestEdit(batch.id, id, a.decision, v.seen);
          } catch (e) {
            const existing = e instanceof ApiError ? e.details.existing : undefined;
            if (existing) setTaken({ ...existing, candidate: id });
            throw e;
          }
        }).then((ok) => ok && stopEditing());
      case 'judge': {
        const c = v.candidate;
        const forms = c.kind === 'entity' ? c.forms : [];
        const words = a.verdict === 'not-same' ? 'not the same as' : 'unsure whether it is';
        return run(`Judged ${name} ${words} "${entity(a.entityId)}"`, async () => {
          for (const form of forms)
            await api.ingestJudge({ left: { form }, right: { entityId: a.entityId } }, a.verdict);
          return api.ingestBatch(batch.id);
        });
      }
      case 'undo': {
        const accept = v.acceptId;
        if (accept === null) return;
        const touched = batch.candidates
          .filter((x) => x.acceptId === accept && typeof x.result?.entityId === 'string')
          .map((x) => x.result!.entityId as string);
        return run(
          `Undid the accept of ${name}`,
          async () => {
            const r = await api.ingestUndo(accept);
            onUndone(touched);
            return r;
          },
          (e) =>
            undoFailure(
              v,
              batch.candidates,
              describeError(e),
              e instanceof ApiError ? e.details.blockedBy : undefined,
              batch.id,
            ),
        );
      }
      case 'show':
        onShown();
        return void explorer.focusRef(a.entityId);
    }
  };

  // Keyboard review: only while the list has the focus, so typing in a field never triggers it.
  const onKey = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, select, textarea, form')) return;
    const i = rows.findIndex((r) => r.candidate.id === current);
    const move = (d: number) => {
      const next = rows[Math.min(rows.length - 1, Math.max(0, i + d))];
      if (next) setCurrent(next.candidate.id);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      a: () => current && void act(current, { kind: 'accept' }),
      r: () => current && void act(current, { kind: 'reject' }),
      u: () => current && void act(current, { kind: 'undo' }),
      e: () => {
        const v = rows.find((r) => r.candidate.id === current);
        if (v && editable(v.candidate) && (v.state === 'pending' || v.state === 'edited')) setEditing(v.candidate.id);
      },
    };
    const f = keys[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  // Opened (a staged article picked, or one just extracted, whose button is gone with the form),
  // the list takes the focus: otherwise it sits on the page body and the review keys do nothing.
  useEffect(() => {
    listRef.current?.focus({ preventScroll: true });
  }, [batch.id]);

  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-candidate="${current}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
  }, [current]);

  const c = batch.counts;
  return (
    <div className="ingest-review" data-testid="ingest-review" data-batch={batch.id}>
      <div className="row ingest-summary">
        <span className="muted small" data-testid="ingest-counts">
          {c.total} candidates · {c.pending} to review · {c.accepted} accepted · {c.rejected} rejected
        </span>
        {batch.missing.length ? (
          <span className="small ingest-missing">missing: {batch.missing.join(', ')}</span>
        ) : null}
        <div className="grow" />
        <button
          className="btn"
          disabled={busy || c.pending === 0}
          onClick={() => void run('Accepted the high-confidence items', () => explorer.api.ingestBulk(batch.id, 0.9))}
          title="Accept every unreviewed, unblocked candidate at 90% confidence or more, as one undoable accept"
          data-testid="ingest-bulk"
        >
          Accept all ≥ 90%
        </button>
      </div>
      {message ? (
        <div
          className={message.kind === 'error' ? 'error-box' : 'muted small'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="ingest-message"
        >
          {message.text}
        </div>
      ) : null}
      <Contradictions batch={batch} busy={busy} run={run} />
      <ArticleDetails
        batch={batch}
        busy={busy}
        onSave={(edit) => void run('Saved the article details', () => explorer.api.ingestBatchArticle(batch.id, edit))}
      />
      <div className="ingest-columns">
        <div className="ingest-article" aria-label="Article text" data-testid="ingest-article">
          {segments.map((s) =>
            s.ids.length ? (
              <mark
                key={s.start}
                className={s.ids.includes(current ?? '') ? 'current' : undefined}
                onClick={() => setCurrent(s.ids[0]!)}
                title={s.ids.join(', ')}
              >
                {s.text}
              </mark>
            ) : (
              <span key={s.start}>{s.text}</span>
            ),
          )}
        </div>
        <div
          className="ingest-list"
          role="listbox"
          aria-label="Extracted items"
          tabIndex={0}
          onKeyDown={onKey}
          ref={listRef}
          data-testid="ingest-list"
        >
          {rows.map((v) => (
            <CandidateRow
              key={v.candidate.id}
              view={v}
              all={batch.candidates}
              text={batch.text}
              refs={refs}
              current={v.candidate.id === current}
              editing={editing === v.candidate.id}
              busy={busy}
              existing={taken?.candidate === v.candidate.id ? taken : null}
              onFocus={() => setCurrent(v.candidate.id)}
              onEditing={(on) => (on ? setEditing(v.candidate.id) : stopEditing())}
              onAction={(a) => void act(v.candidate.id, a)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
