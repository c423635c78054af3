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

describe('a sentence-initial word before "of"', () => {
  it('is dropped when it names a group of people ("Residents of Ostrava" → "Ostrava")', () => {
    expect(names('Residents of Ostrava fled on Tuesday.')).toEqual(['Ostrava']);
    expect(names('Firefighters of Ostrava worked all night.')).toEqual(['Ostrava']);
    expect(names('Police of Ostrava closed the road.')).toEqual(['Ostrava']);
    expect(names('Witnesses of the blast in Ostrava spoke to Lena Holm on Monday.')).toEqual(['Ostrava', 'Lena Holm']);
    expect(names('“Residents of Ostrava are tired,” Lena Holm said.')).toEqual(['Ostrava', 'Lena Holm']);
  });

  it('stays when it heads a name ("Bank of England"), even where the text writes it in lower case', () => {
    expect(names('Bank of England raised rates.')).toEqual(['Bank of England']);
    expect(names('Ministry of Defence said so. Later the ministry said more.')).toEqual(['Ministry of Defence']);
    expect(names('University of Kharkiv was hit. The university was closed.')).toEqual(['University of Kharkiv']);
    expect(names('Armed Forces of Ukraine said the bridge was hit.')).toEqual(['Armed Forces of Ukraine']);
  });

  it('is still dropped when the text writes it in lower case and it heads no name', () => {
    expect(names('North of Ostrava the road is closed. The road north is icy.')).toEqual(['Ostrava']);
  });
});
