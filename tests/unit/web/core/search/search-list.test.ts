import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../../src/shared/api';
import { searchAnswerKey, searchList } from '../../../../../src/web/core/search/search';
import { node } from '../../../../support/fixtures';

const hit = (id: string): SearchHit => ({ kind: 'node', node: node(id), score: 1, exact: false, claimant: null });
const answer = (text: string, hits: SearchHit[], labels = '', error: string | null = null) => ({
  key: searchAnswerKey(text, labels),
  hits,
  error,
});

describe('what the search list shows', () => {
  it("does not show the previous query's hits as answers to new text while its request is pending", () => {
    const old = answer('gla', [hit('gladkov')]);
    expect(searchList({ open: true, text: 'zel', labels: '', answer: old })).toEqual({ kind: 'pending', text: 'zel' });
    expect(searchList({ open: true, text: 'gla', labels: 'Person', answer: old }).kind).toBe('pending');
  });

  it('keeps the hits for the same query (no flicker when it is asked again, or for spaces around it)', () => {
    const old = answer('gla', [hit('gladkov')]);
    expect(searchList({ open: true, text: ' gla ', labels: '', answer: old })).toEqual({
      kind: 'hits',
      hits: [hit('gladkov')],
    });
  });

  it('answers "no match" or the error for its own query; nothing when closed or empty', () => {
    expect(searchList({ open: true, text: 'xyz', labels: '', answer: answer('xyz', []) })).toEqual({
      kind: 'empty',
      text: 'xyz',
    });
    expect(searchList({ open: true, text: 'x', labels: '', answer: answer('x', [], '', 'boom') })).toEqual({
      kind: 'error',
      error: 'boom',
    });
    expect(searchList({ open: false, text: 'gla', labels: '', answer: answer('gla', [hit('g')]) }).kind).toBe('closed');
    expect(searchList({ open: true, text: '  ', labels: '', answer: null }).kind).toBe('closed');
    expect(searchList({ open: true, text: 'gla', labels: '', answer: null }).kind).toBe('pending');
  });
});
