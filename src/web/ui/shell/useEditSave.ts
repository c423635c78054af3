import { useState } from 'react';
import { describeError } from '../../api/client';
import { ApiError } from '../../api/errors';

/** The version the server holds now, sent with a 409: what a conflict shows and saves over. */
export interface CurrentVersion {
  version: number;
  properties: Record<string, unknown>;
}

/** Who saved a version (its `edited_by`), or null when the node does not say. */
export function editedBy(properties: Record<string, unknown>): string | null {
  return typeof properties.edited_by === 'string' ? properties.edited_by : null;
}

export interface EditSave<P> {
  /** What stops the save before anything is sent, by field (empty: send). */
  check: () => P;
  send: () => Promise<unknown>;
  /** Where a 400 belongs: the field the server names, else the form. */
  fromServer: (param: string | undefined, message: string) => P;
  /** Someone saved first: the dialog shows theirs and checks the next save against it. */
  onConflict: (current: CurrentVersion) => void;
  onClose: () => void;
}

/**
 * One save of an edit dialog (the entity edit, the claim status): the checks first, then the
 * request; it closes the dialog when it lands. A 409 carrying the current version goes to
 * `onConflict`, a 400 to the field the server names, anything else to the form.
 */
export async function runEditSave<P extends { form?: string }>(
  opts: EditSave<P>,
  setProblems: (p: P) => void,
  setSaving: (busy: boolean) => void,
): Promise<void> {
  const found = opts.check();
  setProblems(found);
  if (Object.keys(found).length) return;
  setSaving(true);
  try {
    await opts.send();
    opts.onClose();
  } catch (err) {
    setSaving(false);
    const current = err instanceof ApiError ? err.details.current : undefined;
    if (err instanceof ApiError && err.status === 409 && current) {
      setProblems({} as P);
      opts.onConflict(current);
    } else if (err instanceof ApiError && err.status === 400) {
      setProblems(opts.fromServer(err.details.param, err.message));
    } else setProblems({ form: describeError(err) } as P);
  }
}

/** runEditSave with its state: the problems shown and whether a save is on its way. */
export function useEditSave<P extends { form?: string }>(opts: EditSave<P>) {
  const [problems, setProblems] = useState<P>({} as P);
  const [saving, setSaving] = useState(false);
  return { problems, saving, save: () => runEditSave(opts, setProblems, setSaving) };
}
