import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../../src/web/api/errors';
import { editedBy, runEditSave, type EditSave } from '../../../../../src/web/ui/shell/useEditSave';

type P = { form?: string; reason?: string; name?: string };

/** A save whose request fails with `err` (or lands without one), and what the dialog was told. */
async function save(err: unknown, check: P = {}) {
  const told = { problems: [] as P[], saving: [] as boolean[] };
  const opts: EditSave<P> = {
    check: () => check,
    send: vi.fn(() => (err === undefined ? Promise.resolve({}) : Promise.reject(err))),
    fromServer: (param, message) => (param === 'body.name' ? { name: message } : { form: message }),
    onConflict: vi.fn(),
    onClose: vi.fn(),
  };
  await runEditSave(
    opts,
    (p) => told.problems.push(p),
    (b) => told.saving.push(b),
  );
  return { ...told, opts };
}

describe('the save of an edit dialog', () => {
  it('sends nothing while the checks find a problem', async () => {
    const r = await save(undefined, { reason: 'say why' });
    expect(r.opts.send).not.toHaveBeenCalled();
    expect(r.problems).toEqual([{ reason: 'say why' }]);
    expect(r.saving).toEqual([]);
  });

  it('closes the dialog when the save lands, busy meanwhile', async () => {
    const r = await save(undefined);
    expect(r.opts.onClose).toHaveBeenCalledTimes(1);
    expect(r.saving).toEqual([true]);
    expect(r.problems).toEqual([{}]);
  });

  it('hands a 409 with their version to the conflict, clears the problems and stays open', async () => {
    const current = { version: 4, properties: { edited_by: 'ada', name: 'X' } };
    const r = await save(new ApiError(409, 'CONFLICT', 'changed since', { current }));
    expect(r.opts.onConflict).toHaveBeenCalledWith(current);
    expect(r.opts.onClose).not.toHaveBeenCalled();
    expect(r.saving).toEqual([true, false]);
    expect(r.problems.at(-1)).toEqual({});
    expect(editedBy(current.properties)).toBe('ada');
    expect(editedBy({ edited_by: 3 })).toBeNull();
  });

  it('puts a 400 beside the field the server names, and anything else on the form', async () => {
    const bad = await save(new ApiError(400, 'BAD_REQUEST', 'body.name: too long', { param: 'body.name' }));
    expect(bad.problems.at(-1)).toEqual({ name: 'body.name: too long' });
    // A 409 without their version cannot be shown as a conflict: the form says what happened.
    const odd = await save(new ApiError(409, 'CONFLICT', 'changed since'));
    expect(odd.opts.onConflict).not.toHaveBeenCalled();
    expect(odd.problems.at(-1)).toEqual({ form: 'changed since' });
    const down = await save(new Error('network down'));
    expect(down.problems.at(-1)).toEqual({ form: 'network down' });
    expect(down.saving).toEqual([true, false]);
  });
});
