import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery, searchTerms } from '../../../src/server/resources/search/lucene';

describe('Lucene query building', () => {
  it('escapes every special character', () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    expect(escapeLucene(specials)).toBe(
      specials
        .split('')
        .map((c) => `\\${c}`)
        .join(''),
    );
    expect(escapeLucene('plain words')).toBe('plain words');
  });

  it('splits like the standard analyzer and lower-cases', () => {
    expect(searchTerms('Lvova-Belova')).toEqual(['lvova', 'belova']);
    expect(searchTerms("Mr. Gladkov's")).toEqual(['mr', 'gladkov', 's']);
    expect(searchTerms('Харків  (Kharkiv)')).toEqual(['харків', 'kharkiv']);
    expect(searchTerms('+-&&||')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j').length).toBe(8);
  });

  it('adds prefix and fuzzy terms, requires every word, boosts the phrase', () => {
    expect(luceneQuery('Gladk')).toBe('+(gladk^4 OR gladk*^2 OR gladk~1)');
    expect(luceneQuery('Zelenskyy')).toBe('+(zelenskyy^4 OR zelenskyy*^2 OR zelenskyy~2)');
    expect(luceneQuery('su')).toBe('+(su^4 OR su*^2)');
    expect(luceneQuery('x')).toBe('+(x^4)');
    expect(luceneQuery('Vyacheslav Gladkov')).toBe(
      '+(vyacheslav^4 OR vyacheslav*^2 OR vyacheslav~2) +(gladkov^4 OR gladkov*^2 OR gladkov~1 OR hladkov^2 OR hladkov~1 OR hladkiv^2 OR hladkiv~1) "vyacheslav gladkov"^6',
    );
    expect(luceneQuery('"(*)"')).toBeNull();
  });

  it('a one-letter last word is the start of the next word being typed ("Vladimir P" → Putin)', () => {
    expect(luceneQuery('Vladimir P')).toMatch(/^\+\(vladimir\^4 .*\) \+\(p\^4 OR p\*\^2\) "vladimir p"\^6$/);
    // Alone, or before other words, a single letter stays a whole word: "p*" alone would match half the index.
    expect(luceneQuery('x')).toBe('+(x^4)');
    expect(luceneQuery('a b')).toBe('+(a^4) +(b^4 OR b*^2) "a b"^6');
  });

  it('a word in another script also matches its Latin transliteration (Гладков → gladkov)', () => {
    expect(luceneQuery('Гладков')).toBe(
      '+(гладков^4 OR гладков*^2 OR гладков~1 OR gladkov^3 OR gladkov*^2 OR gladkov~1 OR hladkov^2 OR hladkov~1 OR hladkiv^2 OR hladkiv~1)',
    );
    // Ukrainian spelling, apostrophe of the transliteration dropped: still within the fuzzy reach of "zelensky".
    expect(luceneQuery('Зеленський')).toContain('zelenskiy~2');
    expect(luceneQuery('Gladkov')).not.toContain('^3');
  });

  it('a Russian-style spelling also matches the Ukrainian one and back (Sinegubov → Syniehubov)', () => {
    expect(luceneQuery('Sinegubov')).toContain('synehubov~2');
    expect(luceneQuery('Синегубов')).toContain('synehubov~2');
    expect(luceneQuery('Kharkov')).toContain('kharkiv^2');
    expect(luceneQuery('Syniehubov')).toContain('sinegubov^2');
  });

  it('never lets an operator through', () => {
    for (const q of ['AND', 'a OR b', 'NOT x', 'x:y', 'title:(a b)', 'a && b', '[1 TO 5]', 'x^100', 'x~0.1']) {
      const l = luceneQuery(q)!;
      expect(l).not.toMatch(/(^|\s)(AND|NOT)(\s|$)/);
      expect(l).not.toMatch(/[a-z]:/);
    }
  });
});
