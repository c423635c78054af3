import anyAscii from 'any-ascii';
import { BODY_WORDS, NAME_HEADS, TITLES } from '../extract/lexicon';

/** Office words that head an organisation's name: a title word before one is part of the name. */
export const ORG_HEADS =
  /^(ministry|department|service|committee|council|agency|office|staff|forces|command|administration|government|secretariat)$/i;

/**
 * The comparison form of a name: NFKC, quote marks and dashes made ASCII, a possessive "'s" and
 * leading titles dropped ("Mr. Gladkov" → "Gladkov", "President Zelensky" → "Zelensky"), spaces
 * collapsed. Case is kept; compare keys with nameKey().
 */
export function normaliseName(s: string): string {
  let t = s
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-');
  t = t.replace(/\s+/g, ' ').trim().replace(/'s$/, '');
  const words = t.split(' ');
  // "Defence Ministry", "General Staff": a leading office word belongs to an organisation's name.
  if (ORG_HEADS.test(words[words.length - 1]!)) return words.join(' ');
  // ... and so does one before an office word anywhere ("Defence Ministry of Rastavia") or another
  // body's word ("Major League Baseball", "Defence Intelligence of Ukraine"); titles before "of" name
  // an office ("Chief Rabbi of Kyiv", "President of Ukraine"), which keeps them.
  const isTitle = (w: string) => TITLES.has(w.toLowerCase());
  const body = (w: string) =>
    !isTitle(w) && (ORG_HEADS.test(w) || NAME_HEADS.has(w.toLowerCase()) || BODY_WORDS.has(w.toLowerCase()));
  const titles = words.findIndex((w) => !isTitle(w));
  if (titles > 0 && words[titles] === 'of') return words.join(' ');
  while (words.length > 1 && isTitle(words[0]!) && !ORG_HEADS.test(words[1]!) && !body(words[1]!)) words.shift();
  return words.join(' ');
}

/** Case-insensitive key of a name. */
export const nameKey = (s: string): string => normaliseName(s).toLowerCase();

/** An outlet name as compared: the name key, a leading "the" aside ("The Telegraph" is "Telegraph"). */
export const outletKey = (s: string): string => nameKey(s).replace(/^the\s+/, '');

/** ASCII transliteration key ("Зеленский" → "zelenskii", "Gładków" → "gladkow"), for a signal only. */
export const translitKey = (s: string): string =>
  anyAscii(normaliseName(s))
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '');

/** The last word of a personal name ("Vyacheslav Gladkov" → "Gladkov"). */
export const surnameOf = (s: string): string => {
  const w = normaliseName(s).split(' ');
  return w[w.length - 1]!;
};
