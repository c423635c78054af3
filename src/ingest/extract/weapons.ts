import type { NameSpan } from './types';

export const WEAPON_PATTERN_VERSION = '1.0.0';

/**
 * Weapon designators: a short capitalised prefix, a hyphen and a number or a one-letter variant
 * ("Su-34", "S-300", "Kh-59", "Tu-143", "Tochka-U", "Iskander-M", "F-16", "MiG-29", "M142").
 */
const DESIGNATOR =
  /(?<![\p{L}\p{N}-])(?:(?:[A-Z][a-zA-Z]{0,3}-\d{1,4}[A-Z]{0,2}(?:-\d+)?)|(?:[A-Z][a-z]{3,9}-[A-Z]\d?)|(?:M\d{1,3}A?\d?))(?![\p{L}\p{N}-])/gu;
/** Look-alikes that are not weapons. */
const NOT_WEAPONS = /^(COVID-\d+|G-\d+|P-\d+|A-\d|B-\d|I-\d+|E-\d+|K-\d+|N-\d|M\d{1,2}(?<!M1))$/;

/** Designator-shaped weapon names; typed WEAPON with modest confidence (a person confirms). Cost: one regex pass. */
export function weaponNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(DESIGNATOR)) {
    const name = m[0];
    if (NOT_WEAPONS.test(name)) continue;
    out.push({
      start: m.index!,
      end: m.index! + name.length,
      text: name,
      type: 'WEAPON',
      source: 'weapon-pattern',
      confidence: 0.6,
    });
  }
  return out;
}
