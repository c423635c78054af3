import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideUrlWrite,
  makeMark,
  readMark,
  stepKey,
  urlWriteState,
} from '../../../../../src/web/core/history/browser-history';
import {
  back,
  commit,
  forward,
  goTo,
  HISTORY_LIMIT,
  startHistory,
  type History,
} from '../../../../../src/web/core/history/history';
import { EMPTY_URL_STATE, parseUrlState, type UrlState } from '../../../../../src/web/core/history/url-state';

const url = (patch: Partial<UrlState>): UrlState => ({ ...EMPTY_URL_STATE, ...patch });

describe('browser history marks', () => {
  it('reads back the seq of our own marks from this page load only', () => {
    expect(readMark(makeMark('s1', 7), 's1')).toBe(7);
    expect(readMark(makeMark('s1', 7), 's2')).toBeNull(); // an entry from before a reload
    for (const junk of [
      null,
      undefined,
      'x',
      3,
      {},
      { newsgraph: 1, session: 's1' },
      { newsgraph: 1, session: 's1', seq: -1 },
      { newsgraph: 1, session: 's1', seq: 1.5 },
      { newsgraph: 2, session: 's1', seq: 1 },
    ]) {
      expect(readMark(junk, 's1')).toBeNull();
    }
  });
});

describe('push or replace', () => {
  const base = urlWriteState(url({ expand: ['a'] }), 3);

  it('the first write of a page load replaces the entry it was opened with', () => {
    expect(decideUrlWrite(null, base)).toBe('replace');
  });

  it('nothing changed: no write', () => {
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a'] }), 3))).toBe('none');
  });

  it('a new exploration step (expand, collapse, hide, paths, a query result) pushes', () => {
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a', 'b'] }), 4))).toBe('push');
    // Hiding a node changes the graph but not the URL: still a step.
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a'] }), 4))).toBe('push');
  });

  it('focusing another node pushes; so does running a query, and re-running it with other parameters', () => {
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a'], focus: 'x' }), 3))).toBe('push');
    const open = urlWriteState(url({ expand: ['a'], query: 'person-profile', params: { person: 'a' } }), 3);
    const ran = urlWriteState(url({ expand: ['a'], query: 'person-profile', params: { person: 'a' }, run: true }), 3);
    const ranB = urlWriteState(url({ expand: ['a'], query: 'person-profile', params: { person: 'b' }, run: true }), 3);
    expect(decideUrlWrite(open, ran)).toBe('push');
    expect(decideUrlWrite(ran, ranB)).toBe('push');
  });

  it('transient changes replace: opening a query, typing a parameter, legend toggles', () => {
    const open = urlWriteState(url({ expand: ['a'], query: 'person-profile' }), 3);
    expect(decideUrlWrite(base, open)).toBe('replace');
    const typed = urlWriteState(url({ expand: ['a'], query: 'person-profile', params: { person: 'zel' } }), 3);
    expect(decideUrlWrite(open, typed)).toBe('replace');
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a'], hiddenLabels: ['Article'] }), 3))).toBe('replace');
  });

  it('opening the claims board, ticking its contested filter and opening a quote each push', () => {
    const board = urlWriteState(url({ expand: ['a'], mode: 'claims' }), 3);
    const contested = urlWriteState(url({ expand: ['a'], mode: 'claims', contested: true }), 3);
    const quote = { article: 'express', start: 1, end: 9 };
    const reading = urlWriteState(url({ expand: ['a'], mode: 'claims', contested: true, quote }), 3);
    expect(decideUrlWrite(base, board)).toBe('push');
    expect(decideUrlWrite(board, contested)).toBe('push');
    expect(decideUrlWrite(contested, reading)).toBe('push');
    expect(stepKey(parseUrlState(reading.qs), 3)).toBe(reading.step);
  });

  it('forced replace (undo/redo buttons, an action that already pushed) never pushes', () => {
    expect(decideUrlWrite(base, urlWriteState(url({ expand: [] }), 2), 'replace')).toBe('replace');
    expect(decideUrlWrite(base, urlWriteState(url({ expand: ['a'] }), 3), 'replace')).toBe('none');
  });

  it('the step key follows the URL state through a round trip of the query string', () => {
    fc.assert(
      fc.property(
        fc.record({
          focus: fc.option(fc.stringMatching(/^[a-z-]{1,12}$/), { nil: undefined }),
          query: fc.option(fc.constantFrom('person-profile', 'claims-by-status'), { nil: undefined }),
          p: fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
          run: fc.boolean(),
          seq: fc.nat(1000),
        }),
        ({ focus, query, p, run, seq }) => {
          const u = url({ ...(focus ? { focus } : {}), ...(query ? { query, params: p, run } : {}) });
          const w = urlWriteState(u, seq);
          expect(stepKey(parseUrlState(w.qs), seq)).toBe(w.step);
        },
      ),
    );
  });
});

describe('goTo: jumping through the exploration history', () => {
  const build = (n: number): History<string> => {
    let h = startHistory('s0', 'start', 10);
    for (let i = 1; i <= n; i++) h = commit(h, `s${i}`, `step ${i}`);
    return h;
  };

  it('entries get increasing seqs, kept by back/forward', () => {
    const h = build(3);
    expect([...h.past.map((e) => e.seq), h.present.seq]).toEqual([10, 11, 12, 13]);
    expect(back(h).present.seq).toBe(12);
    expect(forward(back(h)).present.seq).toBe(13);
  });

  it('goes back and forward several steps at once, keeping every entry', () => {
    const h = build(4);
    const b = goTo(h, 11)!;
    expect(b.present.state).toBe('s1');
    expect(b.future.map((e) => e.state)).toEqual(['s2', 's3', 's4']);
    const f = goTo(b, 13)!;
    expect(f.present.state).toBe('s3');
    expect(f.past.map((e) => e.state)).toEqual(['s0', 's1', 's2']);
    expect(f.future.map((e) => e.state)).toEqual(['s4']);
    expect(goTo(h, 14)).toBe(h);
  });

  it('null for a seq it does not hold: cleared by a new step, or never there', () => {
    const h = build(3);
    const branched = commit(back(back(h)), 'other', 'branch'); // drops s2, s3 (seq 12, 13)
    expect(goTo(branched, 13)).toBeNull();
    expect(goTo(branched, 10)!.present.state).toBe('s0');
    expect(goTo(h, 999)).toBeNull();
  });

  it('steps that fell off the limit are not found', () => {
    const h = build(HISTORY_LIMIT + 5);
    expect(goTo(h, 10)).toBeNull();
    expect(goTo(h, 10 + 5 + 1)!.present.state).toBe('s6');
  });

  it('any goTo to a held seq is the same as the matching number of back/forward steps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(12), fc.nat(12), (n, backs, target) => {
        let h = build(n);
        for (let i = 0; i < Math.min(backs, n); i++) h = back(h);
        const seqs = [...h.past, h.present, ...h.future].map((e) => e.seq);
        const seq = seqs[target % seqs.length]!;
        const g = goTo(h, seq)!;
        let w = h;
        while (w.present.seq > seq) w = back(w);
        while (w.present.seq < seq) w = forward(w);
        expect(g).toEqual(w);
      }),
    );
  });
});
