import { describe, expect, it } from 'vitest';
import type { CandidateView } from '../../../../../src/shared/api/ingest';
import { undoFailure } from '../../../../../src/web/core/ingest/undo-message';

const view = (candidate: Record<string, unknown>): CandidateView =>
  ({ candidate: { notes: [], quote: 'q', ...candidate }, state: 'accepted', acceptId: 4 }) as unknown as CandidateView;
const redCross = view({ id: 'e3', kind: 'entity', text: 'Red Cross', type: 'ORGANIZATION' });
const anna = view({ id: 'e5', kind: 'entity', text: 'Anna Petrova', type: 'PERSON' });
const works = view({
  id: 'r2',
  kind: 'relationship',
  type: 'MEMBER_OF',
  from: { text: 'Anna Petrova' },
  to: { text: 'Red Cross' },
});
const link = view({ id: 'l5', kind: 'link', entity: 'e5' });
const all = [redCross, anna, works, link];

describe('the message of a refused undo', () => {
  it('names the item undone and the later item in the way', () => {
    expect(
      undoFailure(redCross, all, 'Cannot undo accept 4: …', {
        acceptId: 6,
        candidates: ['l5', 'e5'],
        label: 'MEMBER_OF with "Anna Petrova"',
      }),
    ).toBe('Could not undo accept of Red Cross: "Anna Petrova" (accepted later) uses it; undo that first.');
    expect(undoFailure(redCross, all, '…', { acceptId: 7, candidates: ['r2'], label: 'x' })).toBe(
      'Could not undo accept of Red Cross: "Anna Petrova —MEMBER_OF→ Red Cross" (accepted later) uses it; undo that first.',
    );
  });

  it("falls back on the server's label when the later accept is not this article's", () => {
    expect(
      undoFailure(redCross, all, '…', { acceptId: null, candidates: [], label: 'MEMBER_OF with "Anna Petrova"' }),
    ).toBe(
      'Could not undo accept of Red Cross: something added later (MEMBER_OF with "Anna Petrova") uses it; undo that first.',
    );
  });

  it('names the article of a later accept made in another batch', () => {
    const other = { acceptId: 8, candidates: ['r2'], batchId: 'b2', article: 'Ferry resumes', label: 'MADE with "x"' };
    expect(undoFailure(redCross, all, '…', other, 'b1')).toBe(
      'Could not undo accept of Red Cross: accept 8 of the article "Ferry resumes" uses it (MADE with "x"); undo that accept first, in that article\'s review.',
    );
    // The same batch: its own candidates name the later item.
    expect(undoFailure(redCross, all, '…', { ...other, batchId: 'b1' }, 'b1')).toContain('"Anna Petrova —MEMBER_OF');
  });

  it("any other refusal keeps the server's words, after the item's name", () => {
    expect(undoFailure(works, all, 'Accept 4 was undone already (by ada).')).toBe(
      'Could not undo accept of Anna Petrova —MEMBER_OF→ Red Cross: Accept 4 was undone already (by ada).',
    );
  });
});
