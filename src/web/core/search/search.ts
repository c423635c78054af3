/**
 * Search helpers: which labels the search can be narrowed to, and the line under a hit. Pure.
 */
import type { Perspective, SchemaResponse, SearchHit } from '../../../shared/api';
import { SEARCH_MAX_CHARS } from '../../../shared/api/search-caps';

/** At most this many labels are offered as filters. */
const LABELS_MAX = 12;

/**
 * Filterable labels: those of the database the perspective offers as search filters, in its
 * order (the news perspective: Person, Organization, Place, Event, Weapon, Claim, Article — its indexes
 * cover entities' names, claims' statements and articles' titles and outlets), then the database's others;
 * never a label search cannot find.
 */
export function searchLabels(schema: SchemaResponse | null, p: Perspective | null = null): string[] {
  const all = schema?.labels.filter((l) => l.count > 0).map((l) => l.label) ?? [];
  if (!p) return all.slice(0, LABELS_MAX);
  const off = new Set(p.labels.filter((l) => !l.legend || !l.searchFilter).map((l) => l.label));
  // Labels none of whose (sampled) properties search reads: a filter for them could only find nothing.
  for (const [label, keys] of Object.entries(schema?.labelProperties ?? {}))
    if (!keys.some((k) => p.search.properties.includes(k))) off.add(label);
  const listed = p.labels.map((l) => l.label).filter((l) => all.includes(l) && !off.has(l));
  const rest = all.filter((l) => !listed.includes(l) && !off.has(l));
  return [...listed, ...rest].slice(0, LABELS_MAX);
}

/** Cuts `s` to `max` characters, the last an ellipsis. */
const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 2)}…` : s);

/** Claims' statements in the list are cut to this many characters. */
const CLAIM_MAX = 110;

/**
 * A hit's first line: its caption; a claim's statement is cut to 110 characters around the first
 * word `query` matched, so what it was found by is in view.
 */
export function hitCaption(hit: SearchHit, query = ''): string {
  if (hit.kind !== 'claim') return hit.node.caption;
  const text = hit.node.caption;
  const at = firstMatch(text, query);
  return at ? snippetAround(text, at, CLAIM_MAX) : cut(text, CLAIM_MAX);
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Where in `text` the query matched first: its words in a row (search ranks the phrase first), else
 * the first word starting with its longest word (search matches word prefixes; short words such as
 * "the" say little of what was asked), or, for a typo search forgave, with that word's first letters;
 * null when none is found.
 */
export function firstMatch(text: string, query: string): { start: number; end: number } | null {
  // Query words are letters and digits only: nothing in them to escape.
  const terms = query.match(WORD) ?? [];
  const at = (pattern: string) => {
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}[\\p{L}\\p{N}]*`, 'iu').exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  };
  const longest = [...terms].sort((a, b) => b.length - a.length);
  const stems = longest.filter((t) => t.length >= 4).map((t) => t.slice(0, Math.max(3, t.length - 2)));
  const tries = [terms.length > 1 ? terms.join('[^\\p{L}\\p{N}]+') : null, ...longest, ...stems];
  for (const pattern of tries) {
    const found = pattern ? at(pattern) : null;
    if (found) return found;
  }
  return null;
}

/**
 * At most `max` characters of `text` centred on `at` (from its start while `at` fits in them: the
 * sentence keeps its beginning), cut at spaces where it can be, with an ellipsis at each end cut.
 */
export function snippetAround(text: string, at: { start: number; end: number }, max: number): string {
  if (text.length <= max) return text;
  const room = max - 2; // an ellipsis at each end
  let start = at.end <= room ? 0 : Math.round((at.start + at.end - room) / 2);
  start = Math.max(0, Math.min(start, text.length - room));
  let end = start + room;
  if (start > 0) {
    // Start at a word's beginning, unless that loses the match.
    const space = text.indexOf(' ', start - 1);
    if (space >= 0 && space < at.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at.end) end = space;
  }
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  return `${head}${text.slice(start, end).trim()}${tail}`;
}

/**
 * A hit's second line. A claim says so, and who made it ("Claim by Vyacheslav Gladkov"); any other
 * node its role, else its description, else its labels; cut at 90 characters. (An article's, its outlet
 * and date, is cited by the search box: `articleHitLine`.)
 */
export function hitSubtitle(hit: SearchHit): string {
  if (hit.kind === 'claim') return cut(hit.claimant ? `Claim by ${hit.claimant}` : 'Claim', 90);
  const p = hit.node.properties;
  const d =
    (typeof p.role === 'string' && p.role) ||
    (typeof p.description === 'string' && p.description) ||
    hit.node.labels.filter((l) => l !== 'Entity').join(', ');
  return cut(d, 90);
}

/**
 * What is searched for: the box's text trimmed, and only its first characters the API takes (a long
 * paste stays whole in the box, which says that search uses its start: `searchCut`).
 */
export const searchText = (text: string): string => text.trim().slice(0, SEARCH_MAX_CHARS).trim();

/** Whether the box holds more than search uses. */
export const searchCut = (text: string): boolean => text.trim().length > SEARCH_MAX_CHARS;

/** Which query an answer is for: the searched text and the label filter. */
export const searchAnswerKey = (text: string, labels: string): string => `${labels}\n${searchText(text)}`;

/** The last answer the search gave, and the query it answers (`searchAnswerKey`). */
export interface SearchAnswer {
  readonly key: string;
  readonly hits: readonly SearchHit[];
  readonly error: string | null;
}

export type SearchList =
  | { kind: 'closed' }
  | { kind: 'pending'; text: string }
  | { kind: 'error'; error: string }
  | { kind: 'empty'; text: string }
  | { kind: 'hits'; hits: readonly SearchHit[] };

/**
 * What the list under the box shows. Hits are shown only for the query they answer: while new
 * text is pending the list says so, rather than offering the old hits as its answers (Enter would
 * pick one). The same query asked again (focus, spaces) keeps its hits, so nothing flickers.
 */
export function searchList(q: {
  open: boolean;
  text: string;
  labels: string;
  answer: SearchAnswer | null;
}): SearchList {
  const text = searchText(q.text);
  if (!q.open || !text) return { kind: 'closed' };
  const a = q.answer;
  if (!a || a.key !== searchAnswerKey(text, q.labels)) return { kind: 'pending', text };
  if (a.error) return { kind: 'error', error: a.error };
  return a.hits.length ? { kind: 'hits', hits: a.hits } : { kind: 'empty', text };
}
