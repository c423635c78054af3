/**
 * The sentence splitter: a full stop after a title or a place word's abbreviation ("Rev.", "Mt.")
 * ends no sentence, while one after an ordinary word does, also where the abbreviation's letters
 * are an ordinary word in lower case ("10 ft.", "the brig.").
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/ingest/extract/sentences';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('the sentence splitter', () => {
  it('does not end a sentence after a title\'s abbreviation ("Rev. Anna Berg spoke")', () => {
    expect(sentences('Rev. Anna Berg spoke. She left early.')).toEqual(['Rev. Anna Berg spoke.', 'She left early.']);
    for (const abbr of ['Rev', 'Brig', 'Hon', 'Capt', 'Lt', 'Col', 'Sgt', 'Gov', 'Sen', 'Rep', 'Prof', 'Dr', 'Cpl']) {
      const text = `On Friday ${abbr}. Anna Berg spoke to Lena Holm. Holm left.`;
      expect(sentences(text)).toEqual([text.slice(0, text.indexOf(' Holm left')), 'Holm left.']);
    }
  });

  it('does not end a sentence after "Mt." or "Ft." before a place name', () => {
    expect(sentences('They climbed Mt. Everest. He flew to Ft. Worth on Friday.')).toEqual([
      'They climbed Mt. Everest.',
      'He flew to Ft. Worth on Friday.',
    ]);
  });

  it('still ends one after those letters written in lower case as ordinary words', () => {
    expect(sentences('The wall is 10 ft. The roof is higher.')).toEqual(['The wall is 10 ft.', 'The roof is higher.']);
    expect(sentences('He was sent to the brig. Then he slept.')).toEqual([
      'He was sent to the brig.',
      'Then he slept.',
    ]);
  });

  it('gives offsets that slice the text exactly', () => {
    const text = 'Brig. Tom Weir left.\nRev. Anna Berg stayed. Hon. Lena Holm spoke.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    expect(sentences(text)).toEqual(['Brig. Tom Weir left.', 'Rev. Anna Berg stayed.', 'Hon. Lena Holm spoke.']);
  });
});
