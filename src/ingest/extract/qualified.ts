import { isListedAbbreviation } from '../link/abbreviations';
import { DEMONYMS } from './lexicon';
import type { NameSpan } from './types';

/*
 * Organisation names qualified by a place before them: "Russia’s Defense Ministry", "Ukraine's MoD",
 * "Russian MoD", "UK Ministry of Defence". NER and capitalised runs both stop at the possessive, and
 * CoreNLP does not tag "MoD" at all, so the country became a Place and the bare "MoD"s of both sides
 * were one entity that linked to nothing or to the wrong side's ministry. The whole phrase is the
 * organisation (the linker's place rule then keeps each side's ministry apart); a place span at its
 * start stays a mention of the place, as the seed's mention count has it when the phrase is no graph
 * alias (a graph alias is found whole by the gazetteer and never split).
 */

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Last words of organisation names, which may take a possessive country or a demonym in front. */
export const ORG_HEAD =
  /\b(Ministry|Department|Service|Committee|Council|Agency|Office|Forces|Army|Navy|Guard|Command)\b/;

/** A word that may be a listed abbreviation: dotted capitals ("U.N.") or two to six letters. */
const ABBREVIATION_WORD = /(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.){2,}|\p{L}{2,6}(?![\p{L}\p{N}]))/gu;

/**
 * The listed abbreviations written as such ("MoD", "MOD", "SBU", "U.N.": link/abbreviations.ts) as
 * organisations, where no other name covers them: CoreNLP leaves "MoD" untagged and the gazetteer
 * keeps three-letter forms only in capitals. A capitalised run of exactly such a word is typed too.
 */
export function abbreviationNames(text: string, kept: NameSpan[]): NameSpan[] {
  const out = kept.map((k) =>
    k.type === 'UNKNOWN' && k.source !== 'gazetteer' && isListedAbbreviation(k.text)
      ? { ...k, type: 'ORGANIZATION' as const }
      : k,
  );
  for (const m of text.matchAll(ABBREVIATION_WORD)) {
    if (!isListedAbbreviation(m[0])) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (out.some((k) => overlaps(k, span))) continue;
    out.push({ ...span, text: m[0], type: 'ORGANIZATION', source: 'abbreviation-pattern', confidence: 0.6 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A place span the qualifier is: it stays a mention of the place inside the organisation's name. */
const isPlaceMention = (s: NameSpan) => s.type === 'PLACE';

/**
 * Widens organisation spans over a possessive place or a demonym right before them ("Russia’s" +
 * "Defense Ministry", "UK" + "Ministry of Defence", "Ukraine's" + "MoD"). A place span there is kept
 * as well (nested in the organisation); a demonym or any other span there becomes part of the name.
 */
export function widenOrganisations(text: string, spans: NameSpan[]): NameSpan[] {
  const out = [...spans].sort((a, b) => a.start - b.start);
  const nested: NameSpan[] = [];
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    if (!(s.type === 'ORGANIZATION' || (s.type === 'UNKNOWN' && ORG_HEAD.test(s.text)))) continue;
    const before = text.slice(Math.max(0, s.start - 40), s.start);
    const poss = /([\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*)?)['’]s $/u.exec(before);
    const demonym = /(?:^|[^\p{L}.])([\p{Lu}][\p{L}.]+) $/u.exec(before)?.[1];
    const isDemonym =
      !!demonym && (demonym.toLowerCase() in DEMONYMS || demonym.toLowerCase().replace(/\.$/, '') in DEMONYMS);
    let start = s.start;
    // The name before the possessive is the span ending there when there is one ("Later Ukraine's …": "Ukraine").
    const owner = poss && out.find((o) => o.end === s.start - 3 && o.start >= s.start - poss[0].length);
    if (owner) start = owner.start;
    else if (poss) start = s.start - poss[0].length;
    else if (isDemonym) start = s.start - demonym.length - 1;
    if (start === s.start) continue;
    // The span before ("Russia" of "Russia’s") becomes part of the organisation; a place stays one too.
    const taken: NameSpan[] = [];
    while (i > 0 && out[i - 1]!.end > start) {
      if (out[i - 1]!.start < start) break;
      taken.push(...out.splice(i - 1, 1));
      i--;
    }
    if (i > 0 && out[i - 1]!.end > start) {
      out.splice(i, 0, ...taken.reverse());
      i += taken.length;
      continue;
    }
    nested.push(...taken.filter(isPlaceMention));
    // The graph matched the bare part ("Defence Ministry", "MOD"), not the qualified name: its ids
    // would join both sides' ministries into one entity.
    out[i] = { ...s, start, text: text.slice(start, s.end), type: 'ORGANIZATION', gazetteerIds: undefined };
  }
  return [...out, ...nested].sort((a, b) => a.start - b.start);
}

/**
 * A place followed by one of these is its government speaking or acting ("the Kyiv regime", "the
 * Belgorod regional administration", "Belgorod's governor's office"): the organisation, so that a
 * spokesman or a claim is not the city's. Group 1: a possessive, after which the place stays a mention.
 */
const GOVERNING =
  /^(['’]s)? (?:(?:regional|city|municipal|local|district|oblast|provincial|state|military|civil|civilian|military-civilian)\s+){0,2}(?:regime|government|authorities|administration|leadership|(?:governor|mayor)['’]s\s+office)\b/;

/** Places (or untyped names) followed by a governing word, as that organisation; a possessive place stays a mention too. */
export function governingBodies(text: string, spans: NameSpan[]): NameSpan[] {
  return spans.flatMap((k) => {
    const g = k.type === 'PLACE' || k.type === 'UNKNOWN' ? GOVERNING.exec(text.slice(k.end, k.end + 60)) : null;
    if (!g) return [k];
    const end = k.end + g[0].length;
    const body = { ...k, end, text: text.slice(k.start, end), type: 'ORGANIZATION' as const, gazetteerIds: undefined };
    return g[1] && isPlaceMention(k) ? [k, body] : [body];
  });
}
