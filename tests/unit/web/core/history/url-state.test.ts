import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXPAND_LIMITS } from '../../../../../src/web/core/expansion/actions';
import {
  EMPTY_URL_STATE,
  MAX_CYPHER_IN_URL,
  formatUrlState,
  parseUrlState,
  type UrlState,
} from '../../../../../src/web/core/history/url-state';

describe('URL state', () => {
  it('an empty view has an empty query string, and parses back to the empty state', () => {
    expect(formatUrlState(EMPTY_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?')).toEqual(EMPTY_URL_STATE);
  });

  it('carries focus, expanded nodes in order, the open saved query, its parameters and whether it ran', () => {
    const s: UrlState = {
      focus: 'vyacheslav-gladkov',
      expand: ['belgorod-oblast', 'vyacheslav-gladkov'],
      query: 'person-profile',
      params: { person: 'vyacheslav-gladkov', limit: '25' },
      run: true,
      hiddenLabels: ['Article'],
    };
    const qs = formatUrlState(s);
    expect(qs).toBe(
      '?focus=vyacheslav-gladkov&expand=belgorod-oblast&expand=vyacheslav-gladkov&query=person-profile&p.limit=25&p.person=vyacheslav-gladkov&run=1&hl=Article',
    );
    expect(parseUrlState(qs)).toEqual(s);
  });

  it('element ids with colons and Cypher with spaces, quotes and & survive the round trip', () => {
    const s: UrlState = {
      ...EMPTY_URL_STATE,
      focus: '4:6f1c2a9e-1b7b-4c1e-9d6e-0a1b2c3d4e5f:12',
      cypher: 'MATCH (p:Person {name: \'A & B\'})-[r]->(x) WHERE p.x = "#1" RETURN p, r, x LIMIT 10',
      params: { who: 'a=b&c' },
      run: true,
    };
    expect(parseUrlState(formatUrlState(s))).toEqual(s);
  });

  it('a saved query wins over ad-hoc Cypher when a link carries both', () => {
    const parsed = parseUrlState('?query=timeline&cypher=MATCH%20(n)%20RETURN%20n');
    expect(parsed.query).toBe('timeline');
    expect(parsed.cypher).toBeUndefined();
  });

  it('parses a path search and ignores malformed ones', () => {
    expect(parseUrlState('?path=gladkov&path=zelensky').paths).toEqual(['gladkov', 'zelensky']);
    expect(formatUrlState({ ...EMPTY_URL_STATE, paths: ['gladkov', 'zelensky'] })).toBe('?path=gladkov&path=zelensky');
    expect(parseUrlState('?path=gladkov').paths).toBeUndefined();
    expect(parseUrlState('?path=x&path=x').paths).toBeUndefined();
    expect(parseUrlState('?path=a&path=b&path=c').paths).toBeUndefined();
  });

  it('drops duplicate expansions and empty values', () => {
    expect(parseUrlState('?expand=a&expand=&expand=a&expand=b&focus=').expand).toEqual(['a', 'b']);
    expect(parseUrlState('?focus=').focus).toBeUndefined();
  });

  it('leaves out ad-hoc Cypher too long for a link instead of producing a broken URL', () => {
    const long = 'RETURN 1 ' + 'x'.repeat(MAX_CYPHER_IN_URL);
    expect(formatUrlState({ ...EMPTY_URL_STATE, cypher: long, run: true })).toBe('');
  });

  it('run is only carried with a query', () => {
    expect(formatUrlState({ ...EMPTY_URL_STATE, run: true })).toBe('');
  });

  it('carries the expansion page size ("Expand up to"); a bad value in a link is ignored', () => {
    const s: UrlState = { ...EMPTY_URL_STATE, expand: ['gladkov'], expandLimit: 25 };
    const qs = formatUrlState(s);
    expect(qs).toBe('?expand=gladkov&limit=25');
    expect(parseUrlState(qs)).toEqual(s);
    for (const bad of ['abc', '0', '-10', '25.5', '1e2', '99999', '7', '']) {
      expect(parseUrlState(`?limit=${bad}`)).toEqual(EMPTY_URL_STATE);
    }
  });

  it('round-trips any state (property)', () => {
    const ref = fc.string({ minLength: 1, maxLength: 20 });
    const arb = fc.record({
      focus: fc.option(ref, { nil: undefined }),
      expand: fc.uniqueArray(ref, { maxLength: 5 }),
      query: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), { nil: undefined }),
      params: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/), fc.string({ maxLength: 30 })),
      run: fc.boolean(),
      paths: fc.option(
        fc.tuple(ref, ref).filter(([a, b]) => a !== b),
        { nil: undefined },
      ),
      hiddenLabels: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-zA-Z]{0,10}$/), { maxLength: 3 }),
      expandLimit: fc.option(fc.constantFrom(...EXPAND_LIMITS), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (raw) => {
        const s: UrlState = { ...raw, run: raw.run && !!raw.query, params: raw.query ? raw.params : {} };
        for (const k of Object.keys(s) as (keyof UrlState)[]) if (s[k] === undefined) delete s[k];
        expect(parseUrlState(formatUrlState(s))).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('a saved view id is read only in its form; anything else is kept aside to be reported, never written back', () => {
    const id = 'Ab3_Ab3-Ab3_Ab3-Ab3_Ab';
    expect(parseUrlState(`?vid=${id}`).savedView).toBe(id);
    const bad = parseUrlState('?vid=doesnotexist');
    expect([bad.savedView, bad.badView]).toEqual([undefined, 'doesnotexist']);
    expect(formatUrlState(bad)).toBe('');
    // A recipe in the link wins: its vid is neither read nor reported.
    expect(parseUrlState('?v=1.abc&vid=doesnotexist').badView).toBeUndefined();
  });

  it('carries the claims board with its contested filter and the quote open in the reader', () => {
    const s: UrlState = {
      ...EMPTY_URL_STATE,
      mode: 'claims',
      contested: true,
      quote: { article: 'express-2022-10-13:belgorod', start: 120, end: 180 },
    };
    const qs = formatUrlState(s);
    expect(qs).toBe('?mode=claims&contested=1&quote=express-2022-10-13%3Abelgorod%3A120-180');
    expect(parseUrlState(qs)).toEqual(s);
    expect(parseUrlState('?mode=map')).toEqual({ ...EMPTY_URL_STATE, mode: 'map' });
  });

  it('the contested filter goes with the board only; a view or quote it cannot read is left out', () => {
    expect(formatUrlState({ ...EMPTY_URL_STATE, contested: true })).toBe('');
    expect(parseUrlState('?contested=1')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?mode=timeline&quote=x:9-3')).toEqual(EMPTY_URL_STATE);
    expect(parseUrlState('?quote=x:1-').quote).toBeUndefined();
  });
});
