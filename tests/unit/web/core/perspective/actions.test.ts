import { describe, expect, it } from 'vitest';
import {
  closeStylePanel,
  editLabel,
  editRelationship,
  openStylePanel,
  perspectiveLoaded,
  shownPerspective,
} from '../../../../../src/web/core/perspective/actions';
import {
  closeRelationship,
  openRelationship,
  relationshipLoaded,
} from '../../../../../src/web/core/relationships/actions';
import type { LabelStyle, PerspectiveResponse } from '../../../../../src/shared/api/perspectives';
import { newsPerspective } from '../../../../support/perspectives';
import type { AppState } from '../../../../../src/web/core/state';
import { stateWith } from '../state';

const loaded = (): PerspectiveResponse => ({
  perspective: newsPerspective(),
  origin: 'file',
  file: 'news.json',
  database: 'test',
  updatedAt: null,
  updatedBy: null,
  unlisted: [],
  claimsUnavailable: null,
});
const fresh = (label: string): LabelStyle => ({
  label,
  display: label,
  caption: 'name',
  color: { light: '#000000', dark: '#ffffff' },
  icon: 'dot',
  size: { by: 'degree' },
  legend: true,
  searchFilter: true,
});

describe('the style panel draft', () => {
  it('edits a label in a draft that is drawn at once, and dropping it restores the saved perspective', () => {
    let s = perspectiveLoaded(loaded())(stateWith());
    const saved = shownPerspective(s)!;
    s = openStylePanel({ kind: 'label', name: 'Person' })(s);
    s = editLabel('Person', { caption: '{name} ({born})', icon: 'star' }, () => fresh('Person'))(s);
    const person = shownPerspective(s)!.labels.find((l) => l.label === 'Person')!;
    expect(person).toMatchObject({ caption: '{name} ({born})', icon: 'star' });
    expect(saved.labels.find((l) => l.label === 'Person')!.caption).not.toBe('{name} ({born})'); // not mutated
    s = closeStylePanel()(s);
    expect(shownPerspective(s)).toBe(saved);
    expect(s.perspective.panel).toBeNull();
  });

  it('adds a label or type the perspective did not list', () => {
    let s = perspectiveLoaded(loaded())(stateWith());
    s = editLabel('Gadget', { icon: 'box' }, () => fresh('Gadget'))(s);
    expect(shownPerspective(s)!.labels.at(-1)).toMatchObject({ label: 'Gadget', icon: 'box', caption: 'name' });
    s = editRelationship('REVIEWED', { caption: 'rating' })(s);
    expect(shownPerspective(s)!.relationships.find((r) => r.type === 'REVIEWED')).toEqual({
      type: 'REVIEWED',
      caption: 'rating',
    });
  });

  it('does nothing before a perspective is loaded', () => {
    const s = stateWith();
    expect(editLabel('Person', { icon: 'star' }, () => fresh('Person'))(s)).toBe(s);
  });
});

describe('a relationship in the detail panel', () => {
  it('opening one deselects nodes; a late answer for another relationship is ignored', () => {
    let s: AppState = { ...stateWith(), selection: ['n1'], focus: 'n1' };
    s = openRelationship('r1')(s);
    expect(s.selection).toEqual([]);
    expect(s.focus).toBeNull();
    expect(s.relationship).toEqual({ id: 'r1', status: 'loading' });
    const other = relationshipLoaded('r2', {} as never)(s);
    expect(other).toBe(s);
    expect(closeRelationship()(s).relationship).toBeNull();
  });
});
