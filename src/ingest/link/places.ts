import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { typeOfLabels, type Gazetteer } from '../extract/gazetteer';
import { DEMONYMS } from '../extract/lexicon';
import type { GazetteerEntry } from '../extract/types';
import { nameKey, translitKey } from './normalise';

/*
 * The place rule of entity linking. In a corpus where two sides' accounts conflict, "Ukrainian
 * Ministry of Defence" and "Russian Ministry of Defence" are one Merge click from corrupting who
 * claimed what, although the two spellings are only a few edits apart. So a name's place words
 * (countries, demonyms, and the graph's places: "Ukrainian", "Russia's", "UK", "Kyiv", "Belgorod")
 * decide, before any similarity:
 *  A. an entity is never proposed for a name with a place word the entity lacks, when the entity has
 *     place words of its own (in its name, an alias, or its `country`): "Ukrainian Ministry of
 *     Defence" is not the Russian one, "Russian Defence Ministry" not the entity named "Ukrainian
 *     Ministry of Defence" even through its bare alias "Defence Ministry". A name without place
 *     words ("Defence Ministry") may be either side's: a person decides.
 *  B. two names that differ only in the word where one has a known place are different unless the
 *     two words are spellings of one name ("Kharkov"/"Kharkiv", "Kiev"/"Kyiv"): "Sumy regional
 *     administration" is not the Kursk one, though the graph knows no Sumy.
 * People are left out: a surname may be a place word.
 */

/** Kinds of region word after a place's own name ("Kharkiv region" → "kharkiv"). */
const REGION_WORD = /^(.+) (region|oblast|province|krai|district|city|republic)$/;

const codes = (w: string) => new Set(doubleMetaphone(w).filter(Boolean));
/** Do two words share a Double Metaphone code? */
export const soundAlike = (a: string, b: string): boolean => {
  const cb = codes(b);
  return [...codes(a)].some((c) => cb.has(c));
};

/** Two spellings of one word: near, sounding alike, or the same in transliteration. */
const spellingOf = (a: string, b: string): boolean =>
  distance(a, b) <= 2 || soundAlike(a, b) || translitKey(a) === translitKey(b);

/** Words of a name key, possessives dropped and hyphenated words split ("russian-installed"). */
const words = (key: string): string[] =>
  key
    .split(/[\s-]+/)
    .map((w) => w.replace(/'s$/, ''))
    .filter(Boolean);

/** Place word → the place it names (lower case): "ukrainian" → "ukraine", "britain" → "united kingdom". */
type PlaceIndex = Map<string, string>;
const indexes = new WeakMap<Gazetteer, PlaceIndex>();

/** The place a Place entry stands for: its name without a region word ("Kharkiv region" → "kharkiv"). */
const placeOf = (e: GazetteerEntry): string => {
  const k = nameKey(e.name);
  return REGION_WORD.exec(k)?.[1] ?? k;
};

export function placeIndex(gz: Gazetteer): PlaceIndex {
  const cached = indexes.get(gz);
  if (cached) return cached;
  const idx: PlaceIndex = new Map();
  for (const [dem, country] of Object.entries(DEMONYMS)) {
    idx.set(dem, country.toLowerCase());
    if (!country.includes(' ')) idx.set(country.toLowerCase(), country.toLowerCase());
  }
  for (const e of gz.entries) {
    if (typeOfLabels(e.labels) !== 'PLACE') continue;
    for (const a of [e.name, ...e.aliases]) {
      const k = nameKey(a);
      const w = REGION_WORD.exec(k)?.[1] ?? k;
      // One-word names only: "Gubkin street" or "Kharkiv Palace hotel" are not qualifiers.
      if (w && !/\s/.test(w) && !idx.has(w)) idx.set(w, placeOf(e));
    }
  }
  indexes.set(gz, idx);
  return idx;
}

/** The places a name's words name. */
export function placesOf(name: string, idx: PlaceIndex): Set<string> {
  const out = new Set<string>();
  for (const w of words(nameKey(name))) {
    const p = idx.get(w) ?? idx.get(w.replace(/\.$/, ''));
    if (p) out.add(p);
  }
  return out;
}

/** The places an entity is tied to: its name's, its aliases' and its country's. */
export function entityPlaces(e: GazetteerEntry, gz: Gazetteer, idx: PlaceIndex): Set<string> {
  const out = new Set<string>();
  for (const a of [e.name, ...e.aliases]) for (const p of placesOf(a, idx)) out.add(p);
  const country = e.country ? gz.byId.get(e.country) : undefined;
  // A country id the graph lacks counts only when it is a place word itself ("russia").
  const p = country ? placeOf(country) : e.country ? idx.get(e.country.toLowerCase()) : undefined;
  if (p) out.add(p);
  return out;
}

/** Rule A: the name has a place word the entity, which has place words, lacks. */
export function placeConflict(formPlaces: Set<string>, entity: Set<string>): boolean {
  return entity.size > 0 && [...formPlaces].some((p) => !entity.has(p));
}

/** Rule B: same words but one, a known place on one side and another name on the other. */
export function placeSwapped(formKey: string, aliasKey: string, idx: PlaceIndex): boolean {
  const f = words(formKey);
  const a = words(aliasKey);
  if (f.length !== a.length) return false;
  const diff = f.map((w, i) => [w, a[i]!] as const).filter(([x, y]) => x !== y);
  return diff.some(([x, y]) => (idx.has(x) || idx.has(y)) && idx.get(x) !== idx.get(y) && !spellingOf(x, y));
}
