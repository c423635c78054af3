import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPAND_LIMIT,
  expanded,
  expandLimitFromUrl,
  setExpandLimit,
} from '../../../../../src/web/core/expansion/actions';
import { redo, undo } from '../../../../../src/web/core/history/actions';
import { urlStateOf } from '../../../../../src/web/core/history/url';
import { formatUrlState, parseUrlState } from '../../../../../src/web/core/history/url-state';
import { pathView, showPath } from '../../../../../src/web/core/paths/actions';
import { openSavedQuery, patchDrawer } from '../../../../../src/web/core/query/actions';
import { focusMissing, select } from '../../../../../src/web/core/selection/actions';
import { neo4jIds } from '../../../../support/fixtures';
import { stateWith } from '../state';

const { node, edge } = neo4jIds;
const world = {
  nodes: [node('gladkov'), node('belgorod', ['Place'])],
  edges: [edge('gb', 'GOVERNOR_OF', 'gladkov', 'belgorod')],
};

describe('the view as a deep link', () => {
  it('names nodes by our key: focus, expansions in order, a drawn path, hidden labels', () => {
    let s = stateWith(world);
    s = expanded(
      '4:db:gladkov',
      { nodes: [node('russia', ['Place'])], edges: [edge('gr', 'LOCATED_IN', 'gladkov', 'russia')] },
      {},
      'Expanded',
      [],
    )(s);
    s = select('4:db:belgorod')(s);
    s = showPath(
      pathView({
        from: '4:db:gladkov',
        to: '4:db:belgorod',
        paths: [{ nodes: ['4:db:gladkov', '4:db:belgorod'], edges: ['5:db:gb'] }],
        length: 1,
        truncated: false,
      } as never),
    )(s);
    s = { ...s, hiddenLabels: new Set(['Article']) };
    expect(formatUrlState(urlStateOf(s))).toBe('?focus=belgorod&expand=gladkov&path=gladkov&path=belgorod&hl=Article');
  });

  it('carries "Expand up to" when it is not the default', () => {
    const s = stateWith(world);
    expect(formatUrlState(urlStateOf(setExpandLimit(25)(s)))).toBe('?limit=25');
    expect(formatUrlState(urlStateOf(setExpandLimit(DEFAULT_EXPAND_LIMIT)(s)))).toBe('');
  });

  it('back/forward sets "Expand up to" from the URL: its limit, else the default (a limit not offered is none)', () => {
    const at25 = expandLimitFromUrl(parseUrlState('?expand=gladkov&limit=25'))(stateWith(world));
    expect(at25.expandLimit).toBe(25);
    expect(expandLimitFromUrl(parseUrlState('?limit=25'))(at25)).toBe(at25);
    expect(expandLimitFromUrl(parseUrlState('?expand=gladkov'))(at25).expandLimit).toBe(DEFAULT_EXPAND_LIMIT);
    expect(expandLimitFromUrl(parseUrlState('?limit=7'))(at25).expandLimit).toBe(DEFAULT_EXPAND_LIMIT);
    const back = expandLimitFromUrl(parseUrlState(formatUrlState(urlStateOf(at25))))(stateWith(world));
    expect(formatUrlState(urlStateOf(back))).toBe('?limit=25');
  });

  it('carries the open saved query with its parameters, and whether it ran', () => {
    let s = openSavedQuery('person-profile')(stateWith(world));
    s = patchDrawer({ params: { person: 'gladkov' }, ran: true })(s);
    expect(formatUrlState(urlStateOf(s))).toBe('?query=person-profile&p.person=gladkov&run=1');
    expect(formatUrlState(urlStateOf(patchDrawer({ open: false })(s)))).toBe('');
  });

  it('carries the claims board, its contested filter (with the board only) and the open quote', () => {
    const request = { article: 'express', start: 10, end: 40 };
    let s = stateWith(world);
    s = { ...s, view: { ...s.view, mode: 'claims' }, claims: { ...s.claims, contestedOnly: true } };
    s = { ...s, reader: { request, status: 'loading', data: null, error: null } };
    expect(formatUrlState(urlStateOf(s))).toBe('?mode=claims&contested=1&quote=express%3A10-40');
    const graph = { ...s, view: { ...s.view, mode: 'graph' as const }, reader: null };
    expect(formatUrlState(urlStateOf(graph))).toBe('');
  });

  it('undo and redo move through the steps and drop a drawn path', () => {
    let s = expanded(
      '4:db:gladkov',
      { nodes: [node('russia', ['Place'])], edges: [] },
      {},
      'Expanded',
      [],
    )(stateWith(world));
    s = showPath(
      pathView({ from: 'a', to: 'b', paths: [{ nodes: ['a'], edges: [] }], length: 0, truncated: false } as never),
    )(s);
    const back = undo()(s);
    expect([back.history.present.title, back.path]).toEqual(['Overview', null]);
    expect(redo()(back).history.present.title).toBe('Expanded');
  });

  it("keeps a link's focus that was not found as given, until another node is selected or another step is shown", () => {
    const s = focusMissing('no-such-node')(select('4:db:gladkov')(stateWith(world)));
    expect(s.focus).toBeNull();
    expect(s.selection).toEqual([]);
    expect(formatUrlState(urlStateOf(s))).toBe('?focus=no-such-node');
    expect(formatUrlState(urlStateOf(patchDrawer({ open: true })(s)))).toMatch(/^\?focus=no-such-node&cypher=/);
    expect(formatUrlState(urlStateOf(select('4:db:belgorod')(s)))).toBe('?focus=belgorod');
    expect(formatUrlState(urlStateOf(select(null)(s)))).toBe('');
    const next = expanded('4:db:gladkov', { nodes: [node('russia', ['Place'])], edges: [] }, {}, 'Expanded', [])(s);
    expect(next.history.present.seq).not.toBe(s.history.present.seq);
    expect(urlStateOf(next).focus).toBeUndefined();
  });
});
