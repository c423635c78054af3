import { describe, expect, it } from 'vitest';
import type { CandidateView } from '../../../../../src/shared/api/ingest';
import {
  candidateSpans,
  candidateTitle,
  leftWords,
  viewTitle,
  mergeOptions,
  repointedNote,
  reviewRows,
  textSegments,
} from '../../../../../src/web/core/ingest/review';

const ex = { name: 'js', version: '1' };
const span = (start: number, end: number) => ({ start, end });
const ref = (text: string, start: number) => ({ text, span: span(start, start + text.length) });
const view = (candidate: Record<string, unknown>): CandidateView =>
  ({
    candidate: { confidence: 0.5, extractor: ex, notes: [], quote: 'q', ...candidate },
    state: 'pending',
    decision: null,
    proposed: true,
    blocked: null,
    result: null,
    acceptId: null,
    by: null,
    at: null,
  }) as unknown as CandidateView;

const TEXT = 'Governor Vyacheslav Gladkov said Belgorod was shelled.';
const person = view({
  id: 'e1',
  kind: 'entity',
  text: 'Vyacheslav Gladkov',
  type: 'PERSON',
  forms: ['Vyacheslav Gladkov'],
  sources: ['js'],
  spans: [span(9, 27)],
  quoteSpan: span(0, 54),
});
const place = view({
  id: 'e2',
  kind: 'entity',
  text: 'Belgorod',
  type: 'UNKNOWN',
  forms: ['Belgorod'],
  sources: ['js'],
  spans: [span(33, 41)],
  quoteSpan: span(0, 54),
});
const claim = view({
  id: 'c1',
  kind: 'claim',
  claimant: ref('Vyacheslav Gladkov', 9),
  via: ref('TASS', 0),
  statement: 'Belgorod was shelled',
  statementSpan: span(33, 53),
  spans: [span(28, 32)],
  quoteSpan: span(0, 54),
});
const link = view({
  id: 'l1',
  kind: 'link',
  entity: 'e1',
  decision: 'review',
  spans: [span(9, 27)],
  quoteSpan: span(0, 54),
  options: [{ entityId: 'vyacheslav-gladkov', name: 'Vyacheslav Gladkov', labels: ['Person'] }],
});
const rel = view({
  id: 'r1',
  kind: 'relationship',
  type: 'GOVERNOR_OF',
  from: ref('Vyacheslav Gladkov', 9),
  to: ref('Belgorod', 33),
  cue: 'Governor',
  spans: [span(0, 8)],
  quoteSpan: span(0, 54),
});

describe('review list (pure)', () => {
  it('lists entities, then relationships, then claims, by position; links are folded into their entity', () => {
    const rows = reviewRows([claim, link, place, rel, person]);
    expect(rows.map((r) => r.candidate.id)).toEqual(['e1', 'e2', 'r1', 'c1']);
  });

  it('summarises each kind in one line', () => {
    expect(candidateTitle(person.candidate)).toBe('Person · Vyacheslav Gladkov');
    expect(candidateTitle(place.candidate)).toBe('Name · Belgorod');
    expect(candidateTitle(rel.candidate)).toBe('Vyacheslav Gladkov —GOVERNOR_OF→ Belgorod');
    expect(candidateTitle(claim.candidate)).toBe('Claim by Vyacheslav Gladkov (via TASS)');
  });

  it("offers an entity's link options as merge targets, and none for an entity without a link", () => {
    expect(mergeOptions([person, link], 'e1').map((o) => o.entityId)).toEqual(['vyacheslav-gladkov']);
    expect(mergeOptions([person, link], 'e2')).toEqual([]);
  });

  it('cuts the text at every span boundary, marking overlapping candidates, and loses no character', () => {
    const segs = textSegments(TEXT, [
      ...candidateSpans([person, place]),
      { id: 'x', start: 20, end: 41 },
      { id: 'out', start: 50, end: 999 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(TEXT);
    const marked = segs.filter((s) => s.ids.length).map((s) => [s.text, s.ids.join('+')]);
    expect(marked).toEqual([
      ['Vyacheslav ', 'e1'],
      ['Gladkov', 'e1+x'],
      [' said ', 'x'],
      ['Belgorod', 'e2+x'],
      ['led.', 'out'],
    ]);
    expect(textSegments('plain', [])).toEqual([{ text: 'plain', start: 0, ids: [] }]);
  });
});

describe('viewTitle', () => {
  const saltivskyi = view({
    id: 'e7',
    kind: 'entity',
    text: 'Saltivskyi',
    type: 'PLACE',
    forms: ['Saltivskyi'],
    sources: ['js'],
    spans: [span(0, 10)],
    quoteSpan: span(0, 10),
  });
  const create = { action: 'create', label: 'Place', name: 'Saltivskyi', aliases: [], description: 'Place x.' };

  it('shows what an edit made of an entity: its name and label', () => {
    expect(viewTitle(saltivskyi)).toBe('Place · Saltivskyi');
    const edited = {
      ...saltivskyi,
      state: 'edited',
      proposed: false,
      decision: { ...create, name: 'Saltivskyi district' },
    } as CandidateView;
    expect(viewTitle(edited)).toBe('Place · Saltivskyi district');
    expect(viewTitle({ ...edited, decision: { ...create, label: 'Organization' } } as CandidateView)).toBe(
      'Organization · Saltivskyi',
    );
  });

  it('keeps the extracted words for a proposal and for a link into the graph', () => {
    expect(viewTitle({ ...saltivskyi, decision: { ...create, name: 'Other' } } as CandidateView)).toBe(
      'Place · Saltivskyi',
    );
    const linked = { ...saltivskyi, proposed: false, decision: { action: 'link', entityId: 'kharkiv' } };
    expect(viewTitle(linked as CandidateView)).toBe('Place · Saltivskyi');
  });
});

describe('repointedNote', () => {
  it('names what was merged, into what, by whom; nothing when the accept linked what it named', () => {
    const at = '2026-12-06T10:00:00Z';
    expect(repointedNote(null)).toBeNull();
    expect(repointedNote({ entityId: 'x' })).toBeNull();
    expect(repointedNote({ repointed: [] })).toBeNull();
    expect(
      repointedNote({
        repointed: [
          { from: 'kursk-dup', to: 'kursk-region', name: 'Kursk region', mergedAt: at, mergedBy: 'ed' },
          { from: 'v-g', to: 'vyacheslav-gladkov', name: null, mergedAt: at, mergedBy: 'ada' },
        ],
      }),
    ).toBe(
      '"kursk-dup" had been merged into Kursk region by ed: linked to Kursk region; ' +
        '"v-g" had been merged into vyacheslav-gladkov by ada: linked to vyacheslav-gladkov',
    );
  });
});

describe('what a bulk accept left', () => {
  it('is named after the counts, each candidate with why, and nothing when none', () => {
    expect(leftWords({})).toBe('');
    expect(leftWords({ left: [] })).toBe('');
    expect(leftWords({ left: [{ candidate: 'v1', message: 'An event named "X" is in the graph already (x).' }] })).toBe(
      ' Left for review: v1 (An event named "X" is in the graph already (x).)',
    );
  });
});
