/**
 * What the editors' dialogs share (EditEntity, MergeEntity, EditClaimStatus): the button that opens
 * one, the modal form (title, focus kept inside, Esc cancels), the form's error box, the Cancel and
 * confirm buttons, and the Reason field and a field's error. `name` prefixes every id and test id
 * (`${name}-dialog`, `-title`, `-error`, `-cancel`, `-reason`…), which the e2e tests select by.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Icon } from './Icon';
import { useModalFocus } from './useModalFocus';
import './edit-dialog.css';

/** The detail panel's or board's button, and the dialog it opens (`dialog` gets the close callback). */
export function EditDialogOpener(props: {
  testId: string;
  title: string;
  label: string;
  dialog: (onClose: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        className="btn small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid={props.testId}
        title={props.title}
      >
        <Icon name="edit" /> {props.label}
      </button>
      {open ? props.dialog(() => setOpen(false)) : null}
    </>
  );
}

interface Props {
  name: string;
  title: ReactNode;
  onClose: () => void;
  /** Called on submit (the page does not reload). */
  onSubmit: () => void | Promise<void>;
  /** The form's own error (not a field's), shown above the buttons. */
  error: string | null | undefined;
  /** The submit button: its text (which says when it is busy) and whether it is disabled. */
  confirm: { label: string; testId: string; disabled: boolean };
  children: ReactNode;
}

export function EditDialog({ name, title, onClose, onSubmit, error, confirm, children }: Props) {
  const box = useModalFocus<HTMLFormElement>(true, onClose);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby={`${name}-title`}>
      <form
        className="modal edit-entity"
        ref={box}
        tabIndex={-1}
        onSubmit={submit}
        noValidate
        data-testid={`${name}-dialog`}
      >
        <h2 id={`${name}-title`}>{title}</h2>
        {children}
        {error ? (
          <div className="error-box" role="alert" data-testid={`${name}-error`}>
            {error}
          </div>
        ) : null}
        <div className="row edit-entity-buttons">
          <button type="button" className="btn" onClick={onClose} data-testid={`${name}-cancel`}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={confirm.disabled} data-testid={confirm.testId}>
            {confirm.label}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A field's error under it, read out when it appears; nothing without one. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <div className="field-error" role="alert" data-testid={`${id}-error`}>
      {error}
    </div>
  ) : null;
}

/** The required Reason every edit is audited with: `${name}-reason`, its help and its error. */
export function ReasonField(props: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help: string;
}) {
  const id = `${props.name}-reason`;
  return (
    <div className="field">
      <label htmlFor={id}>
        Reason <span style={{ color: 'var(--danger)' }}>*</span>
      </label>
      <input
        id={id}
        className={`input${props.error ? ' invalid' : ''}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required="true"
        aria-invalid={!!props.error}
        aria-describedby={`${id}-help`}
        maxLength={500}
        data-testid={id}
      />
      <div className="help" id={`${id}-help`}>
        {props.help}
      </div>
      <FieldError id={id} error={props.error} />
    </div>
  );
}
