import { useState, type FormEvent } from 'react';
import type { GraphNode } from '../../../shared/graph';
import { describeError } from '../../api/client';
import { ApiError } from '../../api/errors';
import { saveEntityEdit, showNodeVersion } from '../../app/node-edit';
import { useExplorer } from '../context';
import { Icon } from '../shell/Icon';
import { useModalFocus } from '../shell/useModalFocus';
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
  type Problems,
} from './entity-edit';
import './entity-edit.css';

/**
 * The detail panel's Edit action: for editors and admins, on an entity this app loaded. `node`
 * is the detail's copy when read (whole properties), else the graph's.
 */
export function EditEntity({ node }: { node: GraphNode }) {
  const mayEdit = useMayEdit();
  const [open, setOpen] = useState(false);
  if (!mayEdit || !isEditable(node)) return null;
  return (
    <>
      <button
        className="btn small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="edit-entity"
        title="Rename it, change its aliases or description (kept in the audit trail)"
      >
        <Icon name="edit" /> Edit
      </button>
      {open ? <EditEntityDialog node={node} onClose={() => setOpen(false)} /> : null}
    </>
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
  const box = useModalFocus<HTMLFormElement>(true, onClose);
  // As opened (a conflict then refreshes `node` to their version), and what the form was read
  // from: the node as opened, or their version after a conflict.
  const [opened] = useState(node.properties);
  const [read, setRead] = useState<Record<string, unknown>>(node.properties);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(node.properties));
  const [problems, setProblems] = useState<Problems>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = problemsOf(draft, read, node.labels);
    setProblems(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await saveEntityEdit(explorer, node.id, {
        version: versionOf(read),
        set: changesOf(draft, read),
        reason: draft.reason.trim(),
      });
      onClose();
    } catch (err) {
      setSaving(false);
      const current = err instanceof ApiError ? err.details.current : undefined;
      if (err instanceof ApiError && err.status === 409 && current) {
        // Someone saved first: show theirs, keep this editor's changes on top, save again to apply.
        const next = rebase(draft, read, current.properties);
        setRead(current.properties);
        setDraft(next.draft);
        setConflict({
          by: typeof current.properties.edited_by === 'string' ? current.properties.edited_by : null,
          version: current.version,
          clashes: next.clashes,
        });
        setProblems({});
        showNodeVersion(explorer, node.id, current.properties);
      } else if (err instanceof ApiError && err.status === 400) {
        setProblems(problemFromServer(err.details.param, err.message));
      } else setProblems({ form: describeError(err) });
    }
  };

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
        {error ? (
          <div className="field-error" role="alert" data-testid={`${id}-error`}>
            {error}
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="edit-entity-title">
      <form
        className="modal edit-entity"
        ref={box}
        tabIndex={-1}
        onSubmit={(e) => void submit(e)}
        noValidate
        data-testid="edit-entity-dialog"
      >
        <h2 id="edit-entity-title">Edit {String(node.properties.name ?? node.caption)}</h2>
        <p className="small muted">
          Saved for everyone at once, with your name and reason in the audit trail. Reported facts (kind, dates,
          casualty figures…) need an article behind them: they change through Add article, not here.
        </p>
        {conflict ? (
          <div className="error-box" role="alert" data-testid="edit-entity-conflict">
            {conflict.by ?? 'Someone else'} saved this entity while you were editing (now version {conflict.version}).
            Their values are shown under each field they changed; your changes are kept. Check them and save again to
            apply yours over theirs.
          </div>
        ) : null}
        {EDIT_FIELDS.map(field)}
        <div className="field">
          <label htmlFor="edit-entity-reason">
            Reason <span style={{ color: 'var(--danger)' }}>*</span>
          </label>
          <input
            id="edit-entity-reason"
            className={`input${problems.reason ? ' invalid' : ''}`}
            value={draft.reason}
            onChange={(e) => set('reason', e.target.value)}
            aria-required="true"
            aria-invalid={!!problems.reason}
            aria-describedby="edit-entity-reason-help"
            maxLength={500}
            data-testid="edit-entity-reason"
          />
          <div className="help" id="edit-entity-reason-help">
            Why (your source, the spelling it follows): kept in the audit trail.
          </div>
          {problems.reason ? (
            <div className="field-error" role="alert" data-testid="edit-entity-reason-error">
              {problems.reason}
            </div>
          ) : null}
        </div>
        {problems.form ? (
          <div className="error-box" role="alert" data-testid="edit-entity-error">
            {problems.form}
          </div>
        ) : null}
        <div className="row edit-entity-buttons">
          <button type="button" className="btn" onClick={onClose} data-testid="edit-entity-cancel">
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={saving} data-testid="edit-entity-save">
            {saving ? 'Saving…' : conflict ? 'Save over their version' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
