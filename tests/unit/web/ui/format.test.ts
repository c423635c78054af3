import { describe, expect, it } from 'vitest';
import {
  CLIP_CHARS,
  clipText,
  formatDate,
  formatValue,
  highlight,
  humanKey,
  humanValue,
  panelValue,
  positionInArticle,
  showAllLabel,
  termsFor,
} from '../../../../src/web/ui/format';

describe('detail formatting', () => {
  it('formats dates, date-times, points, lists and big integers for people', () => {
    expect(formatDate('2023-12-30')).toBe('30 December 2023');
    expect(formatDate('2024-05-14T07:30:00Z')).toBe('14 May 2024, 07:30 UTC');
    expect(formatDate('2023-13-01')).toBe('2023-13-01');
    expect(formatValue({ lat: 50.6, lon: 36.59 })).toBe('50.60° N, 36.59° E');
    expect(formatValue({ lat: -33.9, lon: -70.7 })).toBe('33.90° S, 70.70° W');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue(1234567)).toBe('1,234,567');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(true)).toBe('yes');
    expect(humanKey('date_from')).toBe('Date from');
  });

  it('highlights names on word boundaries, case-insensitively, longest first', () => {
    const segs = highlight('Belgorod governor Vyacheslav Gladkov said Gladkovsky left', [
      'Vyacheslav Gladkov',
      'Gladkov',
      'Belgorod',
    ]);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Belgorod', 'Vyacheslav Gladkov']);
    expect(segs.map((s) => s.text).join('')).toBe('Belgorod governor Vyacheslav Gladkov said Gladkovsky left');
    expect(highlight('no match here', ['zz'])).toEqual([{ text: 'no match here', mark: false }]);
    // Regex characters in names are literal.
    expect(
      highlight('the (RM-70) rockets', ['(RM-70)'])
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['(RM-70)']);
    expect(
      highlight('a.b acb', ['a.b'])
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['a.b']);
  });

  it('derives quote terms from caption, aliases (without honorifics) and surname', () => {
    expect(termsFor('Vyacheslav Gladkov', ['Mr. Gladkov', 'Gladkov'])).toEqual([
      'Vyacheslav Gladkov',
      'Gladkov',
      'Gladkov',
      'Gladkov',
    ]);
  });
});

describe('values for people', () => {
  it('shows user names and free values as stored, and only vocabulary and id properties as words', () => {
    expect(panelValue('accepted_by', 'ed')).toBe('ed');
    expect(panelValue('edited_by', 'eve')).toBe('eve');
    expect(panelValue('extractor', 'corenlp')).toBe('corenlp');
    expect(panelValue('extractor_version', 'corenlp-4.5')).toBe('corenlp-4.5');
    expect(panelValue('nickname', 'the-boss')).toBe('the-boss');
    expect(panelValue('country', 'russia')).toBe('Russia');
    expect(panelValue('kind', 'drone-strike')).toBe('Drone Strike');
    expect(panelValue('accepted_at', '2024-05-14T07:30:00Z')).toBe('14 May 2024, 07:30 UTC');
  });

  it('writes machine keys as words, leaves text and other values alone', () => {
    expect(humanValue('russia')).toBe('Russia');
    expect(humanValue('wall-street-journal')).toBe('Wall Street Journal');
    expect(humanValue(['georgi-kantchev', 'ian-lovett'])).toBe('Georgi Kantchev, Ian Lovett');
    expect(humanValue('Daily Express')).toBe('Daily Express');
    // Short joining words stay lower-case inside a name read from an id, as the entity's own name writes them.
    expect(humanValue('government-of-russia')).toBe('Government of Russia');
    expect(humanValue('ministry-of-defence-of-the-russian-federation')).toBe(
      'Ministry of Defence of the Russian Federation',
    );
    expect(humanValue('the-washington-post')).toBe('The Washington Post');
    expect(humanValue('governor of the Belgorod region')).toBe('governor of the Belgorod region');
    expect(humanValue('2023-12-30')).toBe('30 December 2023');
    expect(humanValue(1234567)).toBe('1,234,567');
  });

  it('says where a quote sits in its article in words', () => {
    expect(positionInArticle(1384, 3000)).toBe('about 46% of the way into the article');
    expect(positionInArticle(10, 3000)).toBe('at the start of the article');
    expect(positionInArticle(2900, 3000)).toBe('at the end of the article');
    expect(positionInArticle(10, null)).toBeNull();
  });
});

describe('clipText', () => {
  it('keeps short values whole and cuts long ones to a few lines, on a word when one is near', () => {
    expect(clipText('Kharkiv')).toBeNull();
    expect(clipText('a\nb\nc\nd')).toBeNull();
    const long = 'word '.repeat(7_200).trim(); // 35,999 characters
    const c = clipText(long)!;
    expect(c.length).toBe(35_999);
    expect(c.head.length).toBeLessThanOrEqual(CLIP_CHARS);
    expect(c.head.length).toBeGreaterThan(CLIP_CHARS - 20);
    expect(c.head.endsWith('word')).toBe(true);
    const unbroken = 'x'.repeat(36_000);
    expect(clipText(unbroken)!.head).toBe('x'.repeat(CLIP_CHARS));
    // Many short lines: cut after the fourth.
    expect(clipText('1\n2\n3\n4\n5\n6\n7')!.head).toBe('1\n2\n3\n4');
    expect(showAllLabel(36_000)).toBe('Show all (36,000 characters)');
  });
});
