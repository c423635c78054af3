import { describe, expect, it } from 'vitest';
import type { CandidateView } from '../../../../../src/shared/api/ingest';
import { rowDetail } from '../../../../../src/web/core/ingest/detail';

const span = (start: number, end: number) => ({ start, end });
const view = (candidate: Record<string, unknown>, decision: Record<string, unknown> | null = null): CandidateView =>
  ({
    candidate: { confidence: 0.5, extractor: { name: 'js', version: '1' }, notes: [], quote: 'q', ...candidate },
    state: decision ? 'edited' : 'pending',
    decision,
    proposed: true,
    blocked: null,
    result: null,
    acceptId: null,
    by: null,
    at: null,
  }) as unknown as CandidateView;

const claim = {
  id: 'k1',
  kind: 'claim',
  claimant: { text: 'Anton Veresov', span: span(0, 13) },
  statement: 'Ukrainian forces had fired rockets at the village',
  statementSpan: span(19, 68),
  cue: 'say',
  stance: [],
  spans: [span(19, 68)],
  quoteSpan: span(0, 68),
};

describe('the detail line of a review row', () => {
  it('a claim shows the statement that an accept stores, the reviewer’s edit first', () => {
    expect(rowDetail(view(claim), [])).toBe('Statement: Ukrainian forces had fired rockets at the village');
    const edited = view(claim, { statement: 'Ukrainian forces fired rockets at the village overnight' });
    expect(rowDetail(edited, [])).toBe('Statement: Ukrainian forces fired rockets at the village overnight');
  });

  it('a dated claim shows its day or its range after the statement', () => {
    const said = { statement: 'Ukrainian forces fired rockets', date_basis: 'the article says so' };
    expect(rowDetail(view(claim, { ...said, date: '2024-05-09' }), [])).toBe(
      'Statement: Ukrainian forces fired rockets · Date: 2024-05-09',
    );
    const range = { ...said, date_from: '2024-05-06', date_to: '2024-05-12' };
    expect(rowDetail(view(claim, range), [])).toBe(
      'Statement: Ukrainian forces fired rockets · Date: 2024-05-06 – 2024-05-12',
    );
    expect(rowDetail(view(claim, { ...said, date_from: '2024-05-06' }), [])).toMatch(/ · Date: from 2024-05-06$/);
  });

  it("an entity has none, but for the article's outlet (its accept links the outlet)", () => {
    expect(rowDetail(view({ id: 'e1', kind: 'entity', text: 'Anton Veresov', spans: [span(0, 13)] }), [])).toBeNull();
    const outlet = view(
      { id: 'e2', kind: 'entity', text: 'Harbour Wire', spans: [span(20, 32)] },
      { action: 'outlet' },
    );
    expect(rowDetail(outlet, [])).toMatch(/^Same as the article's outlet, Harbour Wire: /);
  });

  it('a relationship shows the graph entities an accept links, by name where the review knows it', () => {
    const rel = view(
      {
        id: 'r1',
        kind: 'relationship',
        type: 'GOVERNOR_OF',
        from: { text: 'Anton Veresov', span: span(0, 13), candidate: 'e1' },
        to: { text: 'Belgorod', span: span(35, 43), entityId: 'belgorod-region' },
        cue: 'governor',
        spans: [span(0, 43)],
        quoteSpan: span(0, 43),
      },
      { type: 'GOVERNOR_OF', from: 'cand:e1', to: 'belgorod-region' },
    );
    expect(rowDetail(rel, [{ value: 'cand:e1', label: 'Anton Veresov (e1)' }])).toBe(
      'Links: Anton Veresov (e1) —GOVERNOR_OF→ belgorod-region',
    );
    const named = [{ value: 'belgorod-region', label: 'Belgorod region' }];
    expect(rowDetail(rel, named)).toBe('Links: cand:e1 —GOVERNOR_OF→ Belgorod region (belgorod-region)');
  });
});
