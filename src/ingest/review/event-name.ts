/**
 * When two event names are one: the key they are compared by (shared with the review form,
 * ../../shared/event-name.ts), and the same comparison as a regular expression for Cypher's `=~`
 * (Java syntax), since Cypher has no replace by pattern. Pure.
 */

import { APOSTROPHES } from '../../shared/event-name';

export { eventNameKey } from '../../shared/event-name';

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
