/**
 * When two event names are one: the key they are compared by, and the same comparison as a regular
 * expression for Cypher's `=~` (Java syntax), since Cypher has no replace by pattern. Pure.
 *
 * The key: NFKC, lower case, apostrophe forms dropped ("Russia’s" is "russias"), and every run of
 * other punctuation (dashes of every kind, commas, full stops, quotes, brackets), spaces and the
 * minus sign one space, trimmed. "Kharkiv depot-fire", "Kharkiv, depot fire." and "Kharkiv  depot
 * — fire" are all "kharkiv depot fire". A name whose key is empty has no letter or digit.
 */

/** Apostrophe forms: dropped, so a possessive written either way is one word. */
const APOSTROPHES = "'\u2018\u2019\u02BC";
/** Besides the apostrophes, what separates words: Unicode punctuation and spaces, control spaces, minus. */
const SEPARATORS_JS = '\\p{P}\\p{Z}\\t\\n\\v\\f\\r\\u2212';

const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const SEPARATOR_RUN = new RegExp(`[${SEPARATORS_JS}]+`, 'gu');

/** The key an event name is compared by (see the module's comment). */
export function eventNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(APOSTROPHE, '').replace(SEPARATOR_RUN, ' ').trim();
}

/** A character in Java regex syntax, matched as itself whatever it is. */
const javaChar = (ch: string): string => (/^[\p{L}\p{N}]$/u.test(ch) ? ch : `\\x{${ch.codePointAt(0)!.toString(16)}}`);

const javaApostrophes = [...APOSTROPHES].map(javaChar).join('');
/** The separators in Java syntax (\x0B: Java's \v is another class). */
const JAVA_SEPARATORS = `\\p{P}\\p{Z}\\t\\n\\x0B\\f\\r\\x{2212}${javaApostrophes}`;

/**
 * A Java regular expression that a name, NFKC-normalised, matches in full exactly when its
 * `eventNameKey` is `key` (case aside): the key's words with apostrophes allowed between their
 * characters, separated by at least one separator that is no apostrophe. Null for an empty key.
 */
export function eventNamePattern(key: string): string | null {
  const words = key.split(' ').filter(Boolean);
  if (!words.length) return null;
  const any = `[${JAVA_SEPARATORS}]*`;
  const between = `${any}[${JAVA_SEPARATORS}&&[^${javaApostrophes}]]${any}`;
  const apostrophes = `[${javaApostrophes}]*`;
  const word = (w: string) => [...w].map(javaChar).join(apostrophes);
  return `(?iu)${any}${words.map(word).join(between)}${any}`;
}
