import { describe, expect, it } from 'vitest';
import { MAX_CYPHER_IN_URL, parseUrlState } from '../../../../../src/web/core/history/url-state';
import {
  cypherTitle,
  drawerFromLink,
  drawerFromUrl,
  openCypher,
  openSavedQuery,
  patchDrawer,
} from '../../../../../src/web/core/query/actions';
import { stateWith } from '../state';

describe('query drawer producers', () => {
  it('opens a saved query fresh, or the editor with a text', () => {
    const s = openSavedQuery('person-profile')(patchDrawer({ params: { x: '1' }, ran: true })(stateWith()));
    expect(s.drawer).toMatchObject({ open: true, mode: 'saved', query: 'person-profile', params: {}, ran: false });
    expect(openCypher('RETURN 1')(s).drawer).toMatchObject({ mode: 'cypher', query: null, cypher: 'RETURN 1' });
  });

  it('switching to another saved query drops the previous one’s result; reopening the same keeps it', () => {
    const ran = patchDrawer({
      open: true,
      mode: 'saved',
      query: 'events-in-place',
      result: { graph: { nodes: [], edges: [] } } as never,
      resultTitle: 'Events in a place',
      resultSource: { query: 'events-in-place', params: {}, ranAt: '2026-12-06T00:00:00Z' },
      connected: { added: 6, cut: false },
    })(stateWith());
    const other = openSavedQuery('person-profile')(ran).drawer;
    expect(other).toMatchObject({ result: null, resultTitle: null, resultSource: null, connected: null });
    expect(openSavedQuery('events-in-place')(ran).drawer.result).toBe(ran.drawer.result);
    const back = drawerFromUrl(parseUrlState('?query=person-profile'), MAX_CYPHER_IN_URL)(ran).drawer;
    expect(back.result).toBeNull();
  });

  it('follows the URL on back/forward, but keeps an ad-hoc query too long for a URL', () => {
    const s = drawerFromLink(parseUrlState('?query=q&p.a=1'))(stateWith());
    expect(s.drawer).toMatchObject({ open: true, mode: 'saved', query: 'q', params: { a: '1' } });
    expect(drawerFromUrl(parseUrlState(''), MAX_CYPHER_IN_URL)(s).drawer.open).toBe(false);
    const long = openCypher('x'.repeat(MAX_CYPHER_IN_URL + 1))(stateWith());
    expect(drawerFromUrl(parseUrlState(''), MAX_CYPHER_IN_URL)(long)).toBe(long);
    expect(drawerFromUrl(parseUrlState('?cypher=RETURN%201&run=1'), MAX_CYPHER_IN_URL)(s).drawer).toMatchObject({
      mode: 'cypher',
      cypher: 'RETURN 1',
      ran: true,
    });
  });

  it('titles an ad-hoc query by its text on one line', () => {
    expect(cypherTitle('MATCH (n)\n  RETURN n')).toBe('MATCH (n) RETURN n');
    expect(cypherTitle('x'.repeat(80))).toBe(`${'x'.repeat(57)}…`);
  });
});
