/**
 * When two event names are one, for the server and the review form alike: the key they are
 * compared by, and the rule every new event's name must pass (a non-empty key). Pure.
 *
 * The key: NFKC, lower case, apostrophe forms dropped ("Russia’s" is "russias"), and every run of
 * other punctuation (dashes of every kind, commas, full stops, quotes, brackets), spaces and the
 * minus sign one space, trimmed. "Kharkiv depot-fire", "Kharkiv, depot fire." and "Kharkiv  depot
 * — fire" are all "kharkiv depot fire". A name whose key is empty has no letter or digit.
 */

/** Apostrophe forms: dropped, so a possessive written either way is one word. */
export const APOSTROPHES = "'\u2018\u2019\u02BC";
/** Besides the apostrophes, what separates words: Unicode punctuation and spaces, control spaces, minus. */
const SEPARATORS_JS = '\\p{P}\\p{Z}\\t\\n\\v\\f\\r\\u2212';

const APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const SEPARATOR_RUN = new RegExp(`[${SEPARATORS_JS}]+`, 'gu');

/** The key an event name is compared by (see the module's comment). */
export function eventNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(APOSTROPHE, '').replace(SEPARATOR_RUN, ' ').trim();
}

/** Why a new event's name made only of punctuation and spaces is refused (the API's 400 and the form's). */
export const NAME_NEEDS_LETTER_OR_DIGIT = "the new event's name needs a letter or a digit";

/** Whether a name can be an event's: its key is not empty. */
export const hasNameKey = (name: string): boolean => eventNameKey(name) !== '';
