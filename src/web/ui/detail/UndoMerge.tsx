/**
 * "Undo merge" on the status line right after a merge (for its editor), and on a merge's entry in
 * the audit view while it stands: asks for a reason, then
 * the server restores the duplicate and its relationships from the merge's audit entry, or
 * refuses (409) when the survivor changed since, naming who changed it.
 */
import { useState } from 'react';
import type { UndoMergeOffer } from '../../core/shell/actions';
import { describeError } from '../../api/client';
import { undoMerge } from '../../app/node-edit';
import { useExplorer } from '../context';
import { EditDialog, EditDialogOpener, ReasonField } from '../shell/EditDialog';

/** The button and its dialog; `onDone` runs once the merge is undone (the audit view reads its list again). */
export function UndoMerge({
  offer,
  testId = 'status-undo-merge',
  onDone,
}: {
  offer: UndoMergeOffer;
  testId?: string;
  onDone?: () => void;
}) {
  return (
    <EditDialogOpener
      testId={testId}
      title={`Bring ${offer.duplicate} back as it was, with its relationships`}
      label="Undo merge"
      dialog={(onClose) => <UndoMergeDialog offer={offer} onClose={onClose} onDone={onDone} />}
    />
  );
}

function UndoMergeDialog({
  offer,
  onClose,
  onDone,
}: {
  offer: UndoMergeOffer;
  onClose: () => void;
  onDone?: () => void;
}) {
  const explorer = useExplorer();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reason.trim()) return setError('Give a reason: why the merge was wrong (kept in the audit trail).');
    setBusy(true);
    try {
      await undoMerge(explorer, offer, reason.trim());
      onClose();
      onDone?.();
    } catch (err) {
      setBusy(false);
      setError(describeError(err));
    }
  };

  return (
    <EditDialog
      name="undo-merge"
      title={`Undo the merge of ${offer.duplicate} into ${offer.caption}`}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      confirm={{ label: busy ? 'Undoing…' : 'Undo merge', testId: 'undo-merge-confirm', disabled: busy }}
    >
      <p className="small muted">
        {offer.duplicate} comes back with its relationships and evidence; {offer.caption} gets its aliases back. Refused
        when {offer.caption} was changed since the merge.
      </p>
      <ReasonField
        name="undo-merge"
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(null);
        }}
        help="Why the merge was wrong: kept in the audit trail."
      />
    </EditDialog>
  );
}
