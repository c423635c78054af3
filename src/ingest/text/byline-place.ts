import { CAPITALS, DEMONYMS } from '../extract/lexicon';
import type { NameSpan } from '../extract/types';

/** Capitals and countries the lexicon knows, lower-cased: where a reporter files from, never an outlet. */
const KNOWN_PLACES = new Set(
  [...Object.keys(CAPITALS), ...Object.values(CAPITALS), ...Object.values(DEMONYMS)].map((p) => p.toLowerCase()),
);

/** A preposition of where something is or happens, right before a name ("in Kyiv", "from Marlow"). */
const PLACE_BEFORE = /\b(?:in|from|near|outside|across|around)\s+$/i;

/**
 * Whether the name after a byline's names ("By Anna Kowal, Kyiv") is a place, so the dateline of
 * where she files from rather than the outlet ("By Anna Kowal, Harbourview"). A bare name there is
 * the outlet unless it reads as a place: the name finder or the graph types it PLACE, at the byline
 * or anywhere in the text (CoreNLP, lacking context, often does not at the byline); the lexicon
 * knows it as a capital or country; or the text writes it after "in", "from", "near"… (an outlet
 * is cited, not gone to). An unknown name is the outlet, as a reviewer can change it in the
 * article details while a missed outlet would leave it "inferred".
 */
export function bylineNameIsPlace(text: string, name: string, named: readonly NameSpan[]): boolean {
  if (KNOWN_PLACES.has(name.toLowerCase())) return true;
  if (named.some((f) => f.type === 'PLACE' && f.text === name)) return true;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')))
    if (PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return true;
  return false;
}
