import { useState } from 'react';
import type { GraphNode } from '../../../shared/graph';
import { CLAIM_STATUSES } from '../../../shared/api/node-edit-rules';
import { saveClaimStatus, showClaimVersion } from '../../app/node-edit';
import { useExplorer } from '../context';
import { EditDialog, EditDialogOpener, FieldError, ReasonField } from '../shell/EditDialog';
import { editedBy, useEditSave } from '../shell/useEditSave';
import { useMayEdit } from '../shell/useSession';
import {
  claimEditOf,
  statusBody,
  statusDraft,
  statusProblemFromServer,
  statusProblems,
  type StatusDraft,
  type StatusField,
} from './claim-status';
import { ArticleSourceField } from './ArticleSourceField';

interface Props {
  /** The claim's element id. */
  id: string;
  caption: string;
  status: string | null;
  /** The version read with `status`: what the save sends (409 when someone saved since). */
  version: number;
  /** The events it is about (element ids): the articles their claims cite are offered as its source. */
  events: readonly string[];
}

/**
 * Edit status: for editors and admins, on a claim this app loaded (the board gives `edit: null`
 * otherwise). The other side answering later, a retraction…: the status changes with a reason,
 * and the article and quote behind it when there is one, all kept in the audit trail.
 */
export function EditClaimStatus(props: Props) {
  const mayEdit = useMayEdit();
  if (!mayEdit) return null;
  return (
    <EditDialogOpener
      testId="edit-claim-status"
      title="Change its status (contested, unanswered, acknowledged, uncontested), with a reason for the audit trail"
      label="Edit status"
      dialog={(onClose) => <StatusDialog {...props} onClose={onClose} />}
    />
  );
}

/**
 * The detail panel's Edit status, on a claim node this app loaded (the whole properties once read);
 * `events`: what it is about, once its detail is read.
 */
export function EditClaimStatusOfNode({ node, events }: { node: GraphNode; events: readonly string[] }) {
  const edit = claimEditOf(node);
  if (!edit) return null;
  return (
    <EditClaimStatus id={node.id} caption={node.caption} status={edit.status} version={edit.version} events={events} />
  );
}

const HELP: Record<string, string> = {
  contested: 'another claim on the record contradicts it',
  unanswered: 'the other side has not answered it (yet)',
  acknowledged: 'the other side, or the claimant’s own, admits it',
  uncontested: 'no one disputes it',
};

function StatusDialog({ id, caption, status, version, events, onClose }: Props & { onClose: () => void }) {
  const explorer = useExplorer();
  // What the save is checked against: as opened, or the other editor's after a conflict.
  const [read, setRead] = useState({ status, version });
  const [draft, setDraft] = useState<StatusDraft>(() => statusDraft(status));
  const [conflict, setConflict] = useState<{ by: string | null; status: string | null } | null>(null);
  const set = (k: keyof StatusDraft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const { problems, saving, save } = useEditSave({
    check: () => statusProblems(draft, read.status),
    send: () => saveClaimStatus(explorer, id, statusBody(draft, read.version)),
    fromServer: statusProblemFromServer,
    onConflict: (current) => {
      // Someone saved first: say what they set; saving again sets this editor's choice over it.
      const theirs = typeof current.properties.status === 'string' ? current.properties.status : null;
      setRead({ status: theirs, version: current.version });
      setConflict({ by: editedBy(current.properties), status: theirs });
      void showClaimVersion(explorer, id, current.properties);
    },
    onClose,
  });

  const error = (f: StatusField) => <FieldError id={`claim-status-${f}`} error={problems[f]} />;
  const input = (f: StatusField) => ({
    id: `claim-status-${f}`,
    className: `input${problems[f] ? ' invalid' : ''}`,
    value: draft[f],
    onChange: (e: { target: { value: string } }) => set(f, e.target.value),
    'aria-invalid': !!problems[f],
    'aria-describedby': `claim-status-${f}-help`,
    'data-testid': `claim-status-${f}`,
  });

  return (
    <EditDialog
      name="claim-status"
      title="Status of the claim"
      onClose={onClose}
      onSubmit={save}
      error={problems.form}
      confirm={{
        label: saving ? 'Saving…' : conflict ? 'Save over their status' : 'Save',
        testId: 'claim-status-save',
        disabled: saving,
      }}
    >
      <p className="small muted">{caption}</p>
      <p className="small muted">
        Saved for everyone at once, with your name, the reason and the source in the audit trail. Only the status
        changes: what was claimed stays as the article reported it.
      </p>
      {conflict ? (
        <div className="error-box" role="alert" data-testid="claim-status-conflict">
          {conflict.by ?? 'Someone else'} set its status to “{conflict.status ?? 'none'}” while you were editing. Save
          again to set yours over it.
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="claim-status-status">Status</label>
        <select {...input('status')}>
          {read.status && !(CLAIM_STATUSES as readonly string[]).includes(read.status) ? (
            <option value={read.status}>{read.status}</option>
          ) : null}
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
              {s === read.status ? ' (now)' : ''}
            </option>
          ))}
        </select>
        <div className="help" id="claim-status-status-help">
          {HELP[draft.status] ?? ''}
        </div>
        {error('status')}
      </div>
      <ReasonField
        name="claim-status"
        value={draft.reason}
        onChange={(v) => set('reason', v)}
        error={problems.reason}
        help="Why it changes (e.g. “the ministry answered on 14 October”): kept in the audit trail."
      />
      <ArticleSourceField
        events={events}
        value={draft.article}
        onChange={(v) => set('article', v)}
        error={problems.article}
      />
      <div className="field">
        <label htmlFor="claim-status-quote">Quote from it</label>
        <textarea {...input('quote')} rows={2} maxLength={400} />
        <div className="help" id="claim-status-quote-help">
          At most 30 words, as the article has them.
        </div>
        {error('quote')}
      </div>
    </EditDialog>
  );
}
