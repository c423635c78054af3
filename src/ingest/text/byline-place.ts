import { CAPITALS, DEMONYMS, OUTLET_WORDS } from '../extract/lexicon';
import type { NameSpan } from '../extract/types';

/** Capitals and countries the lexicon knows, lower-cased: where a reporter files from, never an outlet. */
const KNOWN_PLACES = new Set(
  [...Object.keys(CAPITALS), ...Object.values(CAPITALS), ...Object.values(DEMONYMS)].map((p) => p.toLowerCase()),
);

/** A preposition of where something is or happens, right before a name ("in Kyiv", "from Marlow"). */
const PLACE_BEFORE = /\b(in|from|near|outside|across|around)\s+$/i;
/** What is written or printed in a publication, right before a name ("writing in", "published in"). */
const CITED_IN =
  /\b(?:writing|wrote|written|published|printed|appeared|quoted|cited|column|article|op-ed|editorial)\s+in\s+$/i;
/** A publication's verb right after a name ("Harbourview reported"). */
const REPORTS_AFTER = /^\s+(?:reported|reports|wrote|writes|published|quoted|cited)\b/;
/** A capitalised word right after a name: an outlet word makes the name a part of an outlet's ("Harbourview Gazette"). */
const WORD_AFTER = /^ (\p{Lu}\p{L}*)/u;

/**
 * Whether the name after a byline's names ("By Anna Kowal, Kyiv") is a place, so the dateline of
 * where she files from rather than the outlet ("By Anna Kowal, Harbourview"). A bare name there is
 * the outlet unless it reads as a place: the name finder or the graph types it PLACE, at the byline
 * or anywhere in the text (CoreNLP, lacking context, often does not at the byline); the lexicon
 * knows it as a capital or country; or the text writes it after "from", "near"… (an outlet is
 * cited, not gone to), or after "in" where nothing reads it as a publication. "In" takes both
 * ("in Kyiv", "writing in Harbourview"): after "writing/published… in", or typed an organisation
 * there by the finder, it is the publication, and then a bare "in" elsewhere ("told reporters in
 * Harbourview") is no place either; so is it when the text has it report ("Harbourview reported").
 * Followed by an outlet word ("in Harbourview Gazette") it is a part of that name, neither. An
 * unknown name is the outlet, as a reviewer can change it in the article details while a missed
 * outlet would leave it "inferred". One scan of the text.
 */
export function bylineNameIsPlace(text: string, name: string, named: readonly NameSpan[]): boolean {
  if (KNOWN_PLACES.has(name.toLowerCase())) return true;
  if (named.some((f) => f.type === 'PLACE' && f.text === name)) return true;
  const organisationAt = new Set(named.filter((f) => f.type === 'ORGANIZATION' && f.text === name).map((f) => f.start));
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let afterIn = false;
  let publication = false;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + name.length, m.index + name.length + 24);
    if (OUTLET_WORDS.has(WORD_AFTER.exec(after)?.[1]?.toLowerCase() ?? '')) continue;
    if (CITED_IN.test(before) || REPORTS_AFTER.test(after)) {
      publication = true;
      continue;
    }
    const preposition = PLACE_BEFORE.exec(before)?.[1]?.toLowerCase();
    if (!preposition) continue;
    if (preposition !== 'in') return true;
    if (organisationAt.has(m.index)) publication = true;
    else afterIn = true;
  }
  return afterIn && !publication;
}
