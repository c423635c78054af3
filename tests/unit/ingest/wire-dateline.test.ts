/** The wire dateline read twice: the outlet the text's metadata finds in it is the one an accept quotes it for. */
import { describe, expect, it } from 'vitest';
import { outletLine } from '../../../src/ingest/review/article-node';
import { normaliseInput } from '../../../src/ingest/text/normalise';

const title = 'Landslide closes coast road';
const body = 'Crews worked through the night to clear the road, the council said.';

/** What each reader makes of one text: the outlet found, and the quote for that outlet (or for Meridian). */
function bothOf(text: string) {
  const found = normaliseInput(text, 'txt').meta.outlet;
  const span = outletLine(text, [found ?? 'Meridian']);
  return { found, quoted: span && text.slice(span.start, span.end) };
}

describe('a wire dateline, as the metadata and the accept read it', () => {
  it('names the outlet and is quoted up to its dash', () => {
    expect(bothOf(`${title}\n\nMARLOW, May 3 (Meridian) – ${body}`)).toEqual({
      found: 'Meridian',
      quoted: 'MARLOW, May 3 (Meridian) –',
    });
    expect(bothOf(`${title}\n\nPORT ELLEN, Scotland (Northbridge Wire) - ${body}`)).toEqual({
      found: 'Northbridge Wire',
      quoted: 'PORT ELLEN, Scotland (Northbridge Wire) -',
    });
  });

  it('ends its line at the dash, the story on the next', () => {
    expect(bothOf(`${title}\n\nMARLOW, May 3 (Meridian) —\n${body}`)).toEqual({
      found: 'Meridian',
      quoted: 'MARLOW, May 3 (Meridian) —',
    });
  });

  it('is none when a word goes on from the dash', () => {
    expect(bothOf(`${title}\n\nMARLOW (Meridian)-based crews worked through the night.`)).toEqual({
      found: undefined,
      quoted: null,
    });
  });
});
