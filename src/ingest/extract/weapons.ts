import { WEAPON_MODIFIERS, WEAPON_NOUNS, WEAPON_SYSTEMS } from './lexicon';
import type { NameSpan } from './types';

export const WEAPON_PATTERN_VERSION = '1.3.0';

/**
 * Weapon designators: a short capitalised prefix, a hyphen and a number or a one-letter variant
 * ("Su-34", "S-300", "Kh-59", "Tu-143", "Tochka-U", "Iskander-M", "F-16", "MiG-29", "M142").
 */
const DESIGNATOR =
  /(?<![\p{L}\p{N}-])(?:(?:[A-Z][a-zA-Z]{0,3}-\d{1,4}[A-Z]{0,2}(?:-\d+)?)|(?:[A-Z][a-z]{3,9}-[A-Z]\d?)|(?:M\d{1,3}A?\d?))(?![\p{L}\p{N}-])/gu;
/** Look-alikes that are not weapons. */
const NOT_WEAPONS = /^(COVID-\d+|G-\d+|P-\d+|A-\d|B-\d|I-\d+|E-\d+|K-\d+|N-\d|M\d{1,2}(?<!M1))$/;

const alt = (words: string) => words.split(' ').join('|');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A system name on its own (or its plural), not the head of a designator ("Iskander-M"). */
const SYSTEM = new RegExp(`(?<![\\p{L}\\p{N}-])(${WEAPON_SYSTEMS.map(escape).join('|')})(s?)(?![\\p{L}\\p{N}-])`, 'gu');
/** Followed by a weapon noun: "Iskander missile", "Iskander ballistic missiles", "Leopard main battle tanks". */
const NOUN_AFTER = new RegExp(`^(?:\\s+(?:${alt(WEAPON_MODIFIERS)})){0,2}\\s+(?:${alt(WEAPON_NOUNS)})\\b`, 'i');
/** Preceded by an article, a number or a demonym, and not followed by another capitalised word: "an Iskander", "the Iskander remains". */
const DETERMINED_BEFORE =
  /(?:^|[^\p{L}])(?:a|an|the|its|their|two|three|four|five|six|several|more|many|\d+|Russian|Ukrainian|American|German|British|French|Iranian|Turkish)(?:-made)?\s+$/iu;
const CAPITALISED_AFTER = /^\s+\p{Lu}/u;
/**
 * The object of a firing verb, with at most a number, an article or a demonym between: "fired
 * Iskanders", "shot down Kalibr", "hit by Iskander", "struck with two Russian Kinzhals".
 */
const FIRED_BEFORE =
  /(?:^|[^\p{L}])(?:fire[ds]?|firing|launch(?:e[ds])?|launching|(?:struck|hit|attacked|targeted|bombarded)\s+(?:with|by)|(?:shot|shoots?|shooting)\s+down|downed|intercept(?:ed|s|ing)?)\s+(?:(?:a|an|the|two|three|four|five|six|several|more|many|\d+)\s+)?(?:(?:Russian|Ukrainian|American|German|British|French|Iranian|Turkish)(?:-made)?\s+)?$/u;
/** A capitalised word right before, other than a demonym: "New England Patriots" is no weapon. */
const NAME_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]*)\s+$/u;
const DEMONYM_WORDS = /^(?:Russian|Ukrainian|American|German|British|French|Iranian|Turkish)$/;
/** Listed systems that are also ordinary words: capitalised at a sentence's start, "Patriots", "Tornados" or "Grads" may be nothing else. */
const ORDINARY_WORDS = new Set('Tornado Grad Patriot Javelin Stinger Leopard Harpoon Lancet Tomahawk'.split(' '));
const SENTENCE_START = /(?:^|[.!?]["'”’)]?\s+|\n\s*)$/u;
/** Listed systems that are also surnames ("Sgt. Bradley", "the Abrams family"). */
const SURNAMES = new Set(['Bradley', 'Abrams']);
/**
 * After such a name or an ordinary word, an article before is not enough when a plain word follows
 * that is no verb: "a Patriot rally", "the Bradley family" (a weapon noun is: "the Bradley vehicles").
 */
const PLAIN_WORD_AFTER = /^\s+\p{Ll}/u;
const VERB_AFTER =
  /^\s+(?:is|was|were|has|had|have|can|could|will|would|remains?|fired|fires|intercept(?:s|ed)|shot|hit|struck|destroyed|downed|failed|arrived)\b/;
/** Vehicles are never fired, launched or shot down: "fired Bradley" is a person's dismissal. */
const VEHICLES = new Set(['Leopard', 'Abrams', 'Bradley', 'Gepard']);
/** Listed systems that are all-capital acronyms ending in S ("HIMARS", "ATACMS"): plural in form, never a person's name. */
const ACRONYM_PLURAL = /^[A-Z]{3,}S$/;

/** A listed system written as an all-capital acronym ("ATACMS", "NLAW"): NER may call it an organisation; it never is one. */
export const isAcronymSystem = (name: string): boolean => /^[A-Z]{3,}$/.test(name) && WEAPON_SYSTEMS.includes(name);

/** The system a weapon name is of ("Iskander" for "Iskander-M" and "Iskanders"), if it is a listed one. */
export function weaponSystemOf(name: string): string | undefined {
  return WEAPON_SYSTEMS.find((s) => name === s || name === `${s}s` || name.startsWith(`${s}-`));
}

/** A listed system whose name is also a surname or an ordinary word ("Bradley", "Patriots"). */
const isAmbiguousSystem = (name: string): boolean => {
  const s = weaponSystemOf(name);
  return !!s && (ORDINARY_WORDS.has(s) || SURNAMES.has(s));
};

/**
 * Gazetteer hits of such a name count as weapons only where the patterns below found a weapon
 * context: "Sgt. Bradley" is left to the name finder though the graph knows the M2 Bradley by that alias.
 */
export function withoutAmbiguousWeapons(hits: NameSpan[], weapons: NameSpan[]): NameSpan[] {
  const at = new Set(weapons.map((w) => w.start));
  return hits.filter((h) => h.type !== 'WEAPON' || at.has(h.start) || !isAmbiguousSystem(h.text));
}

/**
 * Designator-shaped weapon names, and listed system names in a weapon context (a weapon noun
 * after; or, with no further capitalised word after, an article or number before, a firing verb
 * before, or the plural "Iskanders", "HIMARS"); typed WEAPON with modest confidence (a person
 * confirms). A system name with no such context ("Iskander Valiev said", "Iskander said", "Mr.
 * Iskander") is left to the name finder. Cost: two regex passes.
 */
export function weaponNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const push = (start: number, name: string) =>
    out.push({
      start,
      end: start + name.length,
      text: name,
      type: 'WEAPON',
      source: 'weapon-pattern',
      confidence: 0.6,
    });
  for (const m of text.matchAll(DESIGNATOR)) if (!NOT_WEAPONS.test(m[0])) push(m.index!, m[0]);
  for (const m of text.matchAll(SYSTEM)) {
    const at = m.index!;
    const after = text.slice(at + m[0].length, at + m[0].length + 60);
    const before = text.slice(Math.max(0, at - 30), at);
    const nameBefore = NAME_BEFORE.exec(before)?.[1];
    // A plural right after another capitalised word is a name ("New England Patriots"), unless that word is a demonym.
    const plural =
      ACRONYM_PLURAL.test(m[1]!) ||
      (m[2] === 's' &&
        !(nameBefore && !DEMONYM_WORDS.test(nameBefore)) &&
        !(ORDINARY_WORDS.has(m[1]!) && SENTENCE_START.test(before)));
    const ambiguous = ORDINARY_WORDS.has(m[1]!) || SURNAMES.has(m[1]!);
    const determined =
      DETERMINED_BEFORE.test(before) && !(ambiguous && PLAIN_WORD_AFTER.test(after) && !VERB_AFTER.test(after));
    const context = determined || (FIRED_BEFORE.test(before) && !VEHICLES.has(m[1]!)) || plural;
    if (NOUN_AFTER.test(after) || (context && !CAPITALISED_AFTER.test(after))) push(at, m[0]);
  }
  return out.sort((a, b) => a.start - b.start);
}
