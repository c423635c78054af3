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

  it('an entity has none', () => {
    expect(rowDetail(view({ id: 'e1', kind: 'entity', text: 'Anton Veresov', spans: [span(0, 13)] }), [])).toBeNull();
  });
});
