/**
 * The options an entity picker lists: suggestion values (the header's `suggest` query) that
 * match the typed text, then search hits. Pure (unit-tested in Node).
 */
export interface EntityOption {
  /** What the query receives: our id, else the element id. */
  value: string;
  label: string;
  sub?: string;
  labels?: readonly string[];
  source: 'suggested' | 'search';
}

/** Suggestions shown on an empty box, and at most this many matches while typing. */
export const MAX_SUGGESTED_EMPTY = 50;
export const MAX_SUGGESTED_TYPING = 8;

/** Lower case, no accents: "Zelenskyy" ~ "zelénskyy". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Suggestions matching `query` (label or value contains it, case- and accent-insensitive):
 * those where a word starts with it first, then by label. Empty query: the first ones in the
 * header query's order. Cost O(suggestions).
 */
export function suggestionOptions(
  suggestions: readonly { value: string | number | boolean | null; label: string }[],
  query: string,
): EntityOption[] {
  const all = suggestions
    .filter((s) => s.value !== null && s.value !== '')
    .map((s): EntityOption => ({ value: String(s.value), label: s.label || String(s.value), source: 'suggested' }));
  const q = fold(query.trim());
  if (!q) return all.slice(0, MAX_SUGGESTED_EMPTY);
  const scored: { o: EntityOption; rank: number }[] = [];
  for (const o of all) {
    const label = fold(o.label);
    const value = fold(o.value);
    let rank = -1;
    if (label.startsWith(q)) rank = 0;
    else if (label.split(/[\s\-—'’.,()]+/).some((w) => w.startsWith(q))) rank = 1;
    else if (label.includes(q) || value.includes(q)) rank = 2;
    if (rank >= 0) scored.push({ o, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.o.label.localeCompare(b.o.label));
  return scored.slice(0, MAX_SUGGESTED_TYPING).map((x) => x.o);
}

/** Suggestions first, then search hits not already suggested (by value); a hit's details enrich its suggestion. */
export function mergeEntityOptions(suggested: readonly EntityOption[], hits: readonly EntityOption[]): EntityOption[] {
  const byValue = new Map(hits.map((h) => [h.value, h]));
  const out: EntityOption[] = suggested.map((s) => {
    const h = byValue.get(s.value);
    return h ? { ...s, ...(h.sub ? { sub: h.sub } : {}), ...(h.labels ? { labels: h.labels } : {}) } : s;
  });
  const seen = new Set(out.map((o) => o.value));
  for (const h of hits) {
    if (seen.has(h.value)) continue;
    seen.add(h.value);
    out.push(h);
  }
  return out;
}
