/**
 * One extracted item in the review list: what it is, its quote with the offsets into the stored
 * text, the reviewer's cautions, and its actions (accept, reject, merge into a graph entity, undo,
 * show in the graph once accepted).
 */
import { useState } from 'react';
import type { EntityDecision } from '../../../ingest/review/decision';
import type { CandidateView } from '../../../shared/api/ingest';
import { candidateTitle, mergeOptions } from '../../core/ingest/review';

// The graph labels an entity can be created with (the decision contract's list; kept here so zod stays out of the bundle).
const LABELS = ['Person', 'Organization', 'Place', 'Weapon'] as const;

/** A new entity's decision with the label the reviewer chose (its generic description follows). */
function relabel(d: EntityDecision & { action: 'create' }, label: (typeof LABELS)[number]): EntityDecision {
  return {
    ...d,
    label,
    description: d.description.replace(/^(Entity|Person|Organization|Place|Weapon) /, `${label} `),
  };
}

export type RowAction =
  | { kind: 'accept'; decision?: EntityDecision }
  | { kind: 'reject' }
  | { kind: 'reopen' }
  | { kind: 'merge'; into: string }
  | { kind: 'undo' }
  | { kind: 'show'; entityId: string };

export function CandidateRow({
  view,
  all,
  current,
  busy,
  onFocus,
  onAction,
}: {
  view: CandidateView;
  all: readonly CandidateView[];
  current: boolean;
  busy: boolean;
  onFocus: () => void;
  onAction: (a: RowAction) => void;
}) {
  const c = view.candidate;
  const options = c.kind === 'entity' ? mergeOptions(all, c.id) : [];
  const [into, setInto] = useState(options[0]?.entityId ?? '');
  const d = view.decision as EntityDecision | null;
  const creating = c.kind === 'entity' && d && 'action' in d && d.action === 'create' ? d : null;
  // An untyped name carries a placeholder label and is blocked: the reviewer must pick one.
  const [label, setLabel] = useState<string>(creating && !view.blocked ? creating.label : '');
  const open = view.state === 'pending' || view.state === 'edited';
  const relabelled = !!creating && label !== '' && (label !== creating.label || !!view.blocked);
  // A new entity of unknown type is blocked until it is given a label; choosing one unblocks it.
  const blocked = relabelled ? null : view.blocked;
  const entityId = typeof view.result?.entityId === 'string' ? view.result.entityId : null;
  const option = options.find((o) => o.entityId === into);

  return (
    <div
      className={`ingest-row ${view.state}${current ? ' current' : ''}`}
      role="option"
      aria-selected={current}
      onClick={onFocus}
      data-candidate={c.id}
      data-kind={c.kind}
      data-state={view.state}
      data-testid="ingest-row"
    >
      <div className="row">
        <strong className="ingest-row-title">{candidateTitle(c)}</strong>
        <div className="grow" />
        <span className="small muted" title="extractor confidence">
          {Math.round(c.confidence * 100)}%
        </span>
        <span className={`ingest-state ${view.state}`} data-testid="ingest-state">
          {view.state}
        </span>
      </div>
      <blockquote className="ingest-quote" data-testid="ingest-quote">
        “<span data-testid="ingest-quote-text">{c.quote}</span>”{' '}
        <small className="muted" data-testid="ingest-offsets">
          [{c.quoteSpan.start}–{c.quoteSpan.end}]
        </small>
      </blockquote>
      {c.notes.map((n) => (
        <div key={n} className="small ingest-note">
          {n}
        </div>
      ))}
      {open && blocked ? (
        <div className="small ingest-blocked" data-testid="ingest-blocked">
          {blocked}
        </div>
      ) : null}
      <div className="row ingest-actions">
        {open ? (
          <>
            {creating ? (
              <select
                className="input"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                aria-label="What it is"
                data-testid="ingest-label"
              >
                <option value="" disabled>
                  what is it?
                </option>
                {LABELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            ) : null}
            <button
              className="btn primary"
              disabled={busy || !!blocked}
              onClick={() =>
                onAction({
                  kind: 'accept',
                  decision: relabelled && creating ? relabel(creating, label as (typeof LABELS)[number]) : undefined,
                })
              }
              data-testid="ingest-accept"
            >
              Accept
            </button>
            <button
              className="btn"
              disabled={busy}
              onClick={() => onAction({ kind: 'reject' })}
              data-testid="ingest-reject"
            >
              Reject
            </button>
            {options.length ? (
              <>
                <select
                  className="input"
                  value={into}
                  onChange={(e) => setInto(e.target.value)}
                  aria-label="Merge into"
                  data-testid="ingest-merge-into"
                >
                  {options.map((o) => (
                    <option key={o.entityId} value={o.entityId}>
                      {o.name} ({o.labels.join(', ')}){o.caution ? ' ⚠' : ''}
                    </option>
                  ))}
                </select>
                <button
                  className="btn"
                  disabled={busy || !into}
                  onClick={() => onAction({ kind: 'merge', into })}
                  title={option?.caution ?? 'Same entity: add this spelling and its evidence to it'}
                  data-testid="ingest-merge"
                >
                  Merge
                </button>
              </>
            ) : null}
          </>
        ) : null}
        {view.state === 'rejected' ? (
          <button
            className="btn"
            disabled={busy}
            onClick={() => onAction({ kind: 'reopen' })}
            data-testid="ingest-reopen"
          >
            Reconsider
          </button>
        ) : null}
        {view.state === 'accepted' ? (
          <>
            <span className="small muted">
              by {view.by} {view.at ? `at ${view.at.slice(0, 16).replace('T', ' ')}` : ''}
            </span>
            <button
              className="btn"
              disabled={busy}
              onClick={() => onAction({ kind: 'undo' })}
              data-testid="ingest-undo"
            >
              Undo
            </button>
            {entityId ? (
              <button className="btn" onClick={() => onAction({ kind: 'show', entityId })} data-testid="ingest-show">
                Show in graph
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {option?.caution && open ? <div className="small ingest-note">⚠ {option.caution}</div> : null}
    </div>
  );
}
