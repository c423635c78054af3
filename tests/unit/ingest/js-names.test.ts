/**
 * The pure-JS name finder reads English only: a capitalised word in another script inside an
 * English text is no name candidate, while Latin names with diacritics still are.
 */
import { describe, expect, it } from 'vitest';
import { capitalisedRuns } from '../../../src/ingest/extract/js-names';

const names = (text: string) => capitalisedRuns(text).map((n) => n.text);

describe('capitalised runs in another script', () => {
  it('leave out a Cyrillic or Greek capitalised word, keeping the Latin names around it', () => {
    const text =
      'People in Ostrava said the shelling near Белгород woke them. Mayor Lena Holm wrote to Αθήνα on Friday.';
    const found = names(text);
    expect(found).toContain('Ostrava');
    expect(found).toContain('Lena Holm');
    expect(found.some((n) => /[\u0400-\u04ff\u0370-\u03ff]/u.test(n))).toBe(false);
  });

  it('end a run at a word in another script ("Marta Kovač Київ" keeps "Marta Kovač")', () => {
    expect(names('The volunteer Marta Kovač Київ drove the van.')).toEqual(['Marta Kovač']);
  });

  it('still find Latin names with diacritics and digits', () => {
    expect(names('Officials in Łódź met Ørsted engineers and the Su-34 crew.')).toEqual(['Łódź', 'Ørsted', 'Su-34']);
  });
});
