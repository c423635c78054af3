/** Where a text names its outlet (the evidence of an accepted article's PUBLISHED_BY). */
import { describe, expect, it } from 'vitest';
import { outletLine } from '../../../src/ingest/review/article-node';

const at = (text: string, names: string[]) => {
  const s = outletLine(text, names);
  return s && text.slice(s.start, s.end);
};

describe('outletLine', () => {
  it('is a byline or credit line holding one of the names, whatever its case', () => {
    expect(at('Road shut\n\nBy Jane Doe, Reuters\n\nCrews worked.', ['Reuters'])).toBe('By Jane Doe, Reuters');
    expect(at('Road shut\n\nCrews worked.\n© Harbour Gazette 2024', ['Harbour Gazette'])).toBe(
      '© Harbour Gazette 2024',
    );
    expect(at('Road shut\n\nBY EXAMPLE WIRE STAFF\n\nCrews worked.', ['Example Wire'])).toBe('BY EXAMPLE WIRE STAFF');
  });

  it('is a wire dateline naming it in brackets, up to its dash', () => {
    const text = 'Road shut\n\nMARLOW, May 3 (Meridian) – Crews worked through the night, the council said.';
    expect(at(text, ['Meridian'])).toBe('MARLOW, May 3 (Meridian) –');
    expect(at(text, ['Meridian Times'])).toBeNull();
  });

  it('is not a mention in the body, nor part of a longer word', () => {
    expect(at('Road shut\n\nThe mayor told Reuters the road was shut.', ['Reuters'])).toBeNull();
    expect(at('Road shut\n\nBy Jane Doe, Reutersville Post\n\nCrews worked.', ['Reuters'])).toBeNull();
  });

  it('keeps a long credit line to 30 words around the name', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const q = at(`Road shut\n\nBy ${filler} for Example Wire\n\nCrews worked.`, ['Example Wire'])!;
    expect(q.split(/\s+/).length).toBeLessThanOrEqual(30);
    expect(q.endsWith('Example Wire')).toBe(true);
  });
});
