import { useState } from 'react';
import type { GraphNode } from '../../../shared/graph';
import { saveEntityEdit, showNodeVersion } from '../../app/node-edit';
import { useExplorer } from '../context';
import { EditDialog, EditDialogOpener, FieldError, ReasonField } from '../shell/EditDialog';
import { editedBy, useEditSave } from '../shell/useEditSave';
import { useMayEdit } from '../shell/useSession';
import {
  changesOf,
  draftFrom,
  EDIT_FIELDS,
  isEditable,
  problemFromServer,
  problemsOf,
  rebase,
  shown,
  versionOf,
  type Draft,
  type EditField,
} from './entity-edit';

/**
 * The detail panel's Edit action: for editors and admins, on an entity this app loaded. `node`
 * is the detail's copy when read (whole properties), else the graph's.
 */
export function EditEntity({ node }: { node: GraphNode }) {
  const mayEdit = useMayEdit();
  if (!mayEdit || !isEditable(node)) return null;
  return (
    <EditDialogOpener
      testId="edit-entity"
      title="Rename it, change its aliases or description (kept in the audit trail)"
      label="Edit"
      dialog={(onClose) => <EditEntityDialog node={node} onClose={onClose} />}
    />
  );
}

const LABELS: Record<EditField, string> = { name: 'Name', aliases: 'Also called', description: 'Description' };

interface Conflict {
  by: string | null;
  version: number;
  clashes: EditField[];
}

function EditEntityDialog({ node, onClose }: { node: GraphNode; onClose: () => void }) {
  const explorer = useExplorer();
  // As opened (a conflict then refreshes `node` to their version), and what the form was read
  // from: the node as opened, or their version after a conflict.
  const [opened] = useState(node.properties);
  const [read, setRead] = useState<Record<string, unknown>>(node.properties);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(node.properties));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const { problems, saving, save } = useEditSave({
    check: () => problemsOf(draft, read, node.labels),
    send: () =>
      saveEntityEdit(explorer, node.id, {
        version: versionOf(read),
        set: changesOf(draft, read),
        reason: draft.reason.trim(),
      }),
    fromServer: problemFromServer,
    onConflict: (current) => {
      // Someone saved first: show theirs, keep this editor's changes on top, save again to apply.
      const next = rebase(draft, read, current.properties);
      setRead(current.properties);
      setDraft(next.draft);
      setConflict({ by: editedBy(current.properties), version: current.version, clashes: next.clashes });
      showNodeVersion(explorer, node.id, current.properties);
    },
    onClose,
  });

  const field = (f: EditField) => {
    const id = `edit-entity-${f}`;
    const error = problems[f];
    const theirs = conflict && shown(read, f) !== shown(opened, f) ? shown(read, f) : null;
    const props = {
      id,
      className: `input${error ? ' invalid' : ''}`,
      value: draft[f],
      onChange: (e: { target: { value: string } }) => set(f, e.target.value),
      'aria-invalid': !!error,
      'aria-describedby': `${id}-help`,
      'data-testid': id,
    };
    return (
      <div className="field" key={f}>
        <label htmlFor={id}>{LABELS[f]}</label>
        {f === 'name' ? <input {...props} /> : <textarea {...props} rows={f === 'aliases' ? 3 : 4} />}
        <div className="help" id={`${id}-help`}>
          {f === 'aliases' ? 'One name a line: other spellings and names it is found under.' : null}
          {theirs !== null ? (
            <span className="edit-theirs" data-testid={`${id}-theirs`}>
              {conflict?.by ?? 'Someone else'} saved: “{theirs}”
              {conflict?.clashes.includes(f) ? ' (you changed it too: yours is in the box)' : ''}
            </span>
          ) : null}
        </div>
        <FieldError id={id} error={error} />
      </div>
    );
  };

  return (
    <EditDialog
      name="edit-entity"
      title={`Edit ${String(node.properties.name ?? node.caption)}`}
      onClose={onClose}
      onSubmit={save}
      error={problems.form}
      confirm={{
        label: saving ? 'Saving…' : conflict ? 'Save over their version' : 'Save',
        testId: 'edit-entity-save',
        disabled: saving,
      }}
    >
      <p className="small muted">
        Saved for everyone at once, with your name and reason in the audit trail. Reported facts (kind, dates, casualty
        figures…) need an article behind them: they change through Add article, not here.
      </p>
      {conflict ? (
        <div className="error-box" role="alert" data-testid="edit-entity-conflict">
          {conflict.by ?? 'Someone else'} saved this entity while you were editing (now version {conflict.version}).
          Their values are shown under each field they changed; your changes are kept. Check them and save again to
          apply yours over theirs.
        </div>
      ) : null}
      {EDIT_FIELDS.map(field)}
      <ReasonField
        name="edit-entity"
        value={draft.reason}
        onChange={(v) => set('reason', v)}
        error={problems.reason}
        help="Why (your source, the spelling it follows): kept in the audit trail."
      />
    </EditDialog>
  );
}
