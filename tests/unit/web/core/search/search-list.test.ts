import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../../src/shared/api';
import { SearchQuerySchema } from '../../../../../src/shared/api/search';
import { SEARCH_MAX_CHARS } from '../../../../../src/shared/api/search-caps';
import { searchAnswerKey, searchCut, searchList, searchText } from '../../../../../src/web/core/search/search';
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

  it('searches only the first characters the API takes of a long paste, and says the box holds more', () => {
    const long = ` Gladkov ${'x'.repeat(300)}`;
    expect(searchText(long)).toHaveLength(SEARCH_MAX_CHARS);
    expect(SearchQuerySchema.safeParse({ q: searchText(long) }).success).toBe(true);
    expect(searchCut(long)).toBe(true);
    expect(searchCut(` ${'x'.repeat(SEARCH_MAX_CHARS)} `)).toBe(false);
    expect(searchList({ open: true, text: long, labels: '', answer: answer(long, []) })).toEqual({
      kind: 'empty',
      text: searchText(long),
    });
  });
});
