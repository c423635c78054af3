/**
 * Russian and Ukrainian romanisations of one name: "Kharkov"/"Kharkiv", "Oleg Sinegubov"/"Oleh
 * Syniehubov", "Kiev"/"Kyiv", "Lugansk"/"Luhansk". The two languages spell many names with
 * different letters (Russian г = g, Ukrainian г = h; Russian и = i, Ukrainian и = y; Ukrainian є =
 * ie/ye for Russian е; o and e in a final closed syllable become i in Ukrainian), and writers
 * romanise each in several ways. Cyrillic is made Latin first by any-ascii. Two uses:
 * `romanisationKey` for the linker (equal keys: spellings of one name), `romanisationVariants`
 * for search (the other language's likely spelling of a typed word, for the fuzzy query).
 */
import anyAscii from 'any-ascii';
import { normaliseName } from './normalise';

/** Lower-case Latin letters of a word in any script ("Синєгубов" → "sinyegubov"). */
const latinWord = (w: string): string =>
  anyAscii(w)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** One word's key: the letters the two romanisations disagree on made one. */
function wordKey(word: string): string {
  return (
    latinWord(word)
      .replace(/kh/g, 'x')
      // г: Russian g, Ukrainian h (but never the h of zh, ch, sh).
      .replace(/g/g, 'h')
      // є (ie, ye, je) is Russian е.
      .replace(/(?<=.)[iyj]e/g, 'e')
      // и: Russian i, Ukrainian y ("Kyiv" → "kiiv" → "kiv"). A final "-yy"/"-iy" stays apart from
      // "-y": "Zelenskyy" is one edit from "Zelensky", left to the linker's caution.
      .replace(/y/g, 'i')
      .replace(/ii(?!$)/g, 'i')
      // Kharkov/Kharkiv, Lvov/Lviv, Kiev/Kyiv: o or e in the last closed syllable.
      .replace(/[oe](?=[^aeiou]+$)/, 'i')
  );
}

/**
 * The name's key across Russian and Ukrainian romanisations (titles dropped, word by word):
 * "Oleg Sinegubov" and "Oleh Syniehubov" → "olih sinehubiv". Equal keys say two spellings may be
 * one name; "Lena"/"Lina" or "Petrov"/"Petrova" stay apart. Cost: linear in the name.
 */
export function romanisationKey(name: string): string {
  return normaliseName(name)
    .split(' ')
    .map(wordKey)
    .filter((w) => w)
    .join(' ');
}

/** Two names are one name in Russian and Ukrainian romanisation (and not simply equal). */
export const sameRomanisation = (a: string, b: string): boolean => {
  const ka = romanisationKey(a);
  return ka.length > 0 && ka === romanisationKey(b);
};

const CONSONANT = '[bcdfghjklmnpqrstvwxz]';
const between = (v: string) => new RegExp(`(?<=${CONSONANT})${v}(?=${CONSONANT})`, 'g');

/**
 * Likely spellings of one lower-case Latin search term in the other romanisation, for fuzzy
 * matching: Russian-style to Ukrainian ("sinegubov" → "synehubov", "kharkov" → "kharkiv") and back
 * ("syniehubov" → "sinegubov"). Words under 6 letters get none (they are often prefixes being
 * typed, and the fuzzy query already reaches one letter off). At most 3, never the term itself.
 */
export function romanisationVariants(term: string): string[] {
  if (term.length < 6 || !/^[a-z]+$/.test(term)) return [];
  const uk = term.replace(/(?<![kzcs])g/g, 'h').replace(between('i'), 'y');
  const ukFinal = uk.replace(/o(?=[^aeiouy]+$)/, 'i');
  const ru = term
    .replace(/(?<![kzcs])h/g, 'g')
    .replace(between('y'), 'i')
    .replace(/(?<=.)[iy]e/g, 'e')
    .replace(/i(?=[^aeiouy]+$)/, 'o');
  return [...new Set([uk, ukFinal, ru])].filter((v) => v !== term).slice(0, 3);
}
