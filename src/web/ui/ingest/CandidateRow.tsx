/**
 * One extracted item in the review list: what it is, its quote with the offsets into the stored
 * text, the reviewer's cautions, and its actions (accept, edit, reject, merge into a graph entity
 * or judge it not the same, undo, show in the graph once accepted).
 */
import { useState } from 'react';
import type { Decision, EntityDecision } from '../../../ingest/review/decision';
import type { ExistingEvent } from '../../../shared/api/common';
import type { CandidateView } from '../../../shared/api/ingest';
import { editable } from '../../core/ingest/edit';
import { mergeOptions, quoteSpanOf, repointedNote, viewTitle, type RefOption } from '../../core/ingest/review';
import { CandidateEditor } from './CandidateEditor';
import { ActionButton, Choice } from './ReviewControls';
import { RowDetail } from './RowDetail';
import { MergeChoice, type Verdict } from './MergeChoice';
import { MergeSearch } from './MergeSearch';

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
  | { kind: 'merge'; into: string; name?: string }
  | { kind: 'judge'; entityId: string; verdict: Verdict }
  | { kind: 'edit'; decision: Decision }
  | { kind: 'undo' }
  | { kind: 'show'; entityId: string };

export function CandidateRow({
  view,
  all,
  text,
  refs,
  current,
  editing,
  busy,
  existing,
  onFocus,
  onEditing,
  onAction,
}: {
  view: CandidateView;
  all: readonly CandidateView[];
  text: string;
  refs: readonly RefOption[];
  current: boolean;
  editing: boolean;
  busy: boolean;
  /** While editing: the event a new event of this claim was refused for (its name is taken). */
  existing?: ExistingEvent | null;
  onFocus: () => void;
  onEditing: (on: boolean) => void;
  onAction: (a: RowAction) => void;
}) {
  const c = view.candidate;
  const options = c.kind === 'entity' ? mergeOptions(all, c.id) : [];
  const d = view.decision as EntityDecision | null;
  const creating = c.kind === 'entity' && d && 'action' in d && d.action === 'create' ? d : null;
  // An untyped name carries a placeholder label and is blocked: the reviewer must pick one.
  const [label, setLabel] = useState<string>(creating && !view.blocked ? creating.label : '');
  const open = view.state === 'pending' || view.state === 'edited';
  const relabelled = !!creating && label !== '' && (label !== creating.label || !!view.blocked);
  // A new entity of unknown type is blocked until it is given a label; choosing one unblocks it.
  const blocked = relabelled ? null : view.blocked;
  const entityId = typeof view.result?.entityId === 'string' ? view.result.entityId : null;
  const repointed = repointedNote(view.result);
  // The quote an accept writes: the reviewer's edited span, else the extractor's.
  const span = quoteSpanOf(view) ?? c.quoteSpan;

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
        <strong className="ingest-row-title">{viewTitle(view)}</strong>
        {view.state === 'edited' ? (
          <span className="small muted" data-testid="ingest-edited">
            (edited)
          </span>
        ) : null}
        <div className="grow" />
        <span className="small muted" title="extractor confidence">
          {Math.round(c.confidence * 100)}%
        </span>
        <span className={`ingest-state ${view.state}`} data-testid="ingest-state">
          {view.state}
        </span>
      </div>
      <blockquote className="ingest-quote" data-testid="ingest-quote">
        “<span data-testid="ingest-quote-text">{text.slice(span.start, span.end)}</span>”{' '}
        <small className="muted" data-testid="ingest-offsets">
          [{span.start}–{span.end}]
        </small>
      </blockquote>
      <RowDetail view={view} refs={refs} />
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
      {open && view.caution ? (
        <div className="small ingest-caution" role="note" data-testid="ingest-row-caution">
          ⚠ {view.caution}
        </div>
      ) : null}
      <div className="row ingest-actions">
        {open ? (
          <>
            {creating ? (
              <Choice value={label} onChange={setLabel} label="What it is" testId="ingest-label">
                <option value="" disabled>
                  what is it?
                </option>
                {LABELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </Choice>
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
            <ActionButton busy={busy} onClick={() => onAction({ kind: 'reject' })} testId="ingest-reject">
              Reject
            </ActionButton>
            {editable(c) && !editing ? (
              <ActionButton
                busy={busy}
                onClick={() => onEditing(true)}
                title="Change what is written (e)"
                testId="ingest-edit"
              >
                Edit
              </ActionButton>
            ) : null}
          </>
        ) : null}
        {view.state === 'rejected' ? (
          <ActionButton busy={busy} onClick={() => onAction({ kind: 'reopen' })} testId="ingest-reopen">
            Reconsider
          </ActionButton>
        ) : null}
        {view.state === 'accepted' ? (
          <>
            <span className="small muted">
              by {view.by} {view.at ? `at ${view.at.slice(0, 16).replace('T', ' ')}` : ''}
            </span>
            {repointed ? (
              <span className="small muted" data-testid="ingest-repointed">
                {repointed}
              </span>
            ) : null}
            <ActionButton busy={busy} onClick={() => onAction({ kind: 'undo' })} testId="ingest-undo">
              Undo
            </ActionButton>
            {entityId ? (
              <button className="btn" onClick={() => onAction({ kind: 'show', entityId })} data-testid="ingest-show">
                Show in graph
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {open && options.length ? (
        <MergeChoice
          options={options}
          busy={busy}
          onMerge={(into) => onAction({ kind: 'merge', into })}
          onJudge={(id, verdict) => onAction({ kind: 'judge', entityId: id, verdict })}
        />
      ) : null}
      {open && c.kind === 'entity' && current ? (
        <MergeSearch type={c.type} busy={busy} onMerge={(into, name) => onAction({ kind: 'merge', into, name })} />
      ) : null}
      {open && editing ? (
        <CandidateEditor
          view={view}
          text={text}
          refs={refs}
          busy={busy}
          existing={existing}
          onSave={(decision) => onAction({ kind: 'edit', decision })}
          onCancel={() => onEditing(false)}
        />
      ) : null}
    </div>
  );
}
