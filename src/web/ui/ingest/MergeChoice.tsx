/**
 * Is this name one of the graph's entities? The ranked suggestions of an entity candidate, and
 * the three judgements a person can give on the chosen one: the same (merge into it), not the
 * same (never proposed again, for this article or any later one), unsure (kept, never proposed or
 * linked automatically). Pairs that similarity alone cannot tell apart (one edit apart, sounding
 * different) carry their caution in plain sight, never behind a tooltip.
 */
import { useState } from 'react';
import type { LinkOption } from '../../../ingest/batch';
import { ActionButton, Choice } from './ReviewControls';

export type Verdict = 'not-same' | 'unsure';

export function MergeChoice({
  options,
  busy,
  onMerge,
  onJudge,
}: {
  options: readonly LinkOption[];
  busy: boolean;
  onMerge: (into: string) => void;
  onJudge: (entityId: string, verdict: Verdict) => void;
}) {
  const [chosen, setChosen] = useState(options[0]?.entityId ?? '');
  // The chosen option may have gone (judged "not the same"): fall back to the first one left.
  const option = options.find((o) => o.entityId === chosen) ?? options[0];
  if (!option) return null;
  const into = option.entityId;
  return (
    <div className="ingest-merge" data-testid="ingest-merge-choice">
      <div className="row ingest-actions">
        <span className="small muted">Same as</span>
        <Choice value={into} onChange={setChosen} label="Merge into" testId="ingest-merge-into">
          {options.map((o) => (
            <option key={o.entityId} value={o.entityId}>
              {o.name} ({o.labels.join(', ')}){o.caution ? ' ⚠' : ''}
              {o.judgedUnsure ? ' (unsure)' : ''}
            </option>
          ))}
        </Choice>
        <ActionButton
          busy={busy}
          onClick={() => onMerge(into)}
          title="The same entity: add this spelling and its evidence to it"
          testId="ingest-merge"
        >
          Merge
        </ActionButton>
        <ActionButton
          busy={busy}
          onClick={() => onJudge(into, 'not-same')}
          title="Different entities: this pair is never proposed again"
          testId="ingest-not-same"
        >
          Not the same
        </ActionButton>
        <ActionButton
          busy={busy}
          disabled={!!option.judgedUnsure}
          onClick={() => onJudge(into, 'unsure')}
          title="Cannot tell: kept as a suggestion, never merged automatically"
          testId="ingest-unsure"
        >
          Unsure
        </ActionButton>
      </div>
      {option.caution ? (
        <div className="small ingest-caution" role="note" data-testid="ingest-caution">
          ⚠ {option.caution}
        </div>
      ) : null}
      {option.judgedUnsure ? (
        <div className="small muted" data-testid="ingest-judged-unsure">
          Judged unsure before: a person decides.
        </div>
      ) : null}
    </div>
  );
}
