import { describe, expect, it } from 'vitest';
import {
  aliasList,
  changesOf,
  draftFrom,
  isEditable,
  problemFromServer,
  problemsOf,
  rebase,
  versionOf,
} from '../../../../src/web/ui/detail/entity-edit';

const PESKOV = {
  id: 'dmitry-peskov',
  dataset: 'belgorod',
  name: 'Dmitry Peskov',
  aliases: ['Peskov', 'Dmitry Sergeyevich Peskov'],
  description: 'Kremlin spokesman.',
  role: 'Press secretary',
};

describe('the entity edit form', () => {
  it('is offered only for entities this app loaded (:Entity with a dataset)', () => {
    expect(isEditable({ labels: ['Person', 'Entity'], properties: PESKOV })).toBe(true);
    expect(isEditable({ labels: ['Claim'], properties: { dataset: 'belgorod' } })).toBe(false);
    expect(isEditable({ labels: ['Person', 'Entity'], properties: { name: 'x' } })).toBe(false);
  });

  it('sends the version read, 0 when never edited', () => {
    expect(versionOf(PESKOV)).toBe(0);
    expect(versionOf({ version: 3 })).toBe(3);
  });

  it('sends only what changed, aliases one a line, trimmed and without blanks or repeats', () => {
    const d = draftFrom(PESKOV);
    expect(d.aliases).toBe('Peskov\nDmitry Sergeyevich Peskov');
    expect(changesOf(d, PESKOV)).toEqual({});
    expect(aliasList(' Peskov \n\nPeskov\nD. Peskov')).toEqual(['Peskov', 'D. Peskov']);
    const edited = { ...d, name: ' Dmitry S. Peskov ', aliases: `${d.aliases}\n\nDmitry Peskov\n` };
    expect(changesOf(edited, PESKOV)).toEqual({
      name: 'Dmitry S. Peskov',
      aliases: ['Peskov', 'Dmitry Sergeyevich Peskov', 'Dmitry Peskov'],
    });
  });

  it('asks for a reason, a change and a non-empty name before sending', () => {
    const d = draftFrom(PESKOV);
    expect(problemsOf(d, PESKOV)).toEqual({ reason: expect.any(String), form: 'Nothing changed.' });
    expect(problemsOf({ ...d, name: '  ', reason: 'typo' }, PESKOV)).toEqual({ name: 'must not be empty' });
    expect(problemsOf({ ...d, description: 'Spokesman.', reason: 'typo' }, PESKOV)).toEqual({});
  });

  it("puts the server's 400 beside its field, without the parameter prefix", () => {
    expect(problemFromServer('set.name', 'set.name: must not be empty')).toEqual({ name: 'must not be empty' });
    expect(problemFromServer('body.set.aliases', 'body.set.aliases: too many')).toEqual({ aliases: 'too many' });
    expect(problemFromServer('body.reason', 'body.reason: too long')).toEqual({ reason: 'too long' });
    expect(problemFromServer('id', 'id: only entities')).toEqual({ form: 'id: only entities' });
  });

  it("after a conflict keeps the editor's changes over theirs and names the fields both changed", () => {
    const mine = { ...draftFrom(PESKOV), name: 'Dmitry S. Peskov', reason: 'full name' };
    const theirs = { ...PESKOV, version: 1, name: 'D. Peskov', description: 'Spokesman of the Kremlin.' };
    const { draft, clashes } = rebase(mine, PESKOV, theirs);
    expect(draft).toMatchObject({
      name: 'Dmitry S. Peskov',
      description: 'Spokesman of the Kremlin.',
      reason: 'full name',
    });
    expect(clashes).toEqual(['name']);
    expect(changesOf(draft, theirs)).toEqual({ name: 'Dmitry S. Peskov' });
    // They made the same change: nothing clashes.
    expect(rebase(mine, PESKOV, { ...theirs, name: 'Dmitry S. Peskov' }).clashes).toEqual([]);
  });
});
