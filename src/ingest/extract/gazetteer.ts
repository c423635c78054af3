import type { EntityType } from '../batch';
import { asciiQuotes } from './sentences';
import type { GazetteerEntry, NameSpan } from './types';

export const GAZETTEER_VERSION = '1.0.0';

/** Entity type of a graph label list (Event and others: not proposed as names). */
export function typeOfLabels(labels: string[]): EntityType | null {
  if (labels.includes('Person')) return 'PERSON';
  if (labels.includes('Organization')) return 'ORGANIZATION';
  if (labels.includes('Place')) return 'PLACE';
  if (labels.includes('Weapon')) return 'WEAPON';
  return null;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export interface Gazetteer {
  entries: GazetteerEntry[];
  byId: Map<string, GazetteerEntry>;
  /** Surface form (quotes made ASCII) → ids of the entities it names. */
  forms: Map<string, string[]>;
  /** Forms by their first three characters, for scanning. */
  byPrefix: Map<string, string[]>;
}

/**
 * Indexes the graph's names and aliases for matching. Cost: linear in the number of forms; build
 * once per run and reuse for every article.
 */
export function buildGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const forms = new Map<string, string[]>();
  for (const e of entries) {
    if (!typeOfLabels(e.labels)) continue;
    for (const f of new Set([e.name, ...e.aliases])) {
      const key = asciiQuotes(f.trim());
      // Very short forms ("US", "MoD") are kept only in capitals: "us" and "mod" are words.
      if (key.length < 2 || (key.length < 4 && key !== key.toUpperCase())) continue;
      const ids = forms.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      forms.set(key, ids);
    }
  }
  const byPrefix = new Map<string, string[]>();
  for (const f of forms.keys()) {
    const p = f.slice(0, 3);
    byPrefix.set(p, [...(byPrefix.get(p) ?? []), f]);
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), forms, byPrefix };
}

/**
 * Every case-sensitive, word-bounded occurrence of a known name or alias, longest first and not
 * overlapping (what NER misses: "Russian forces", "Kyiv regime", "Su-34"). Quote marks are
 * compared as ASCII, so "Russia’s" matches "Russia's". Cost: O(text × forms sharing a 3-letter prefix).
 */
export function gazetteerNames(text: string, gz: Gazetteer): NameSpan[] {
  const t = asciiQuotes(text);
  const out: NameSpan[] = [];
  let i = 0;
  while (i < t.length) {
    if (isWordChar(t[i - 1]) || !isWordChar(t[i])) {
      i++;
      continue;
    }
    const hit = (gz.byPrefix.get(t.slice(i, i + 3)) ?? []).find(
      (f) => t.startsWith(f, i) && !isWordChar(t[i + f.length]),
    );
    if (!hit) {
      i++;
      continue;
    }
    const ids = gz.forms.get(hit)!;
    const types = new Set(ids.map((id) => typeOfLabels(gz.byId.get(id)!.labels)));
    const type = types.size === 1 ? [...types][0]! : 'UNKNOWN';
    out.push({
      start: i,
      end: i + hit.length,
      text: text.slice(i, i + hit.length),
      type,
      source: 'gazetteer',
      confidence: 0.9,
      gazetteerIds: ids,
    });
    i += hit.length;
  }
  return out;
}
