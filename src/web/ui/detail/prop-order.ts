/**
 * The detail panel's property list in an order people read: the name or title, then dates (each
 * as from → to, then its basis), then what the node is (kind, outlet…), the rest alphabetically,
 * and file bookkeeping (checksums, lengths, who accepted it) last. Edit bookkeeping (version,
 * edited_by, edited_at) is not a property of the thing described: it is folded into one line. Pure.
 */

const FIRST = ['name', 'title', 'statement'];
/** What the node is, right after its dates. */
const LEADING = ['kind', 'role', 'outlet', 'outlet_inferred', 'authors', 'status', 'stance'];
/** Records of the file and its acceptance, not facts about the thing. */
const BOOKKEEPING = [
  'file',
  'length',
  'sha256',
  'text_key',
  'accepted_by',
  'accepted_at',
  'extractor',
  'extractor_version',
  'dataset',
];
const EDIT = ['version', 'edited_by', 'edited_at'];

/**
 * Provenance properties (the first quote and the parallel lists of all of them): the Evidence
 * section shows them as quotes with their articles, not as raw ids and offsets.
 */
export const EVIDENCE_KEYS: ReadonlySet<string> = new Set([
  'evidence_quotes',
  'evidence_articles',
  'evidence_starts',
  'evidence_ends',
  'quote',
  'article',
  'start',
  'end',
]);

/** A node's keys the Evidence section shows: its provenance when it carries a quote (a claim), else none. */
export function evidenceKeysOf(p: Record<string, unknown>): ReadonlySet<string> {
  return typeof p.quote === 'string' ? EVIDENCE_KEYS : new Set();
}

/** A date-like key split into its stem and part: "date_from" → ["date", 1]; null for other keys. */
function dateKey(k: string): [string, number] | null {
  const m = /^(.*?(?:^|_)(?:date|published))(?:_(from|to|basis))?$/.exec(k);
  if (!m) return null;
  return [m[1]!, ['', 'from', 'to', 'basis'].indexOf(m[2] ?? '')];
}

function rank(k: string): [number, string, number] {
  const first = FIRST.indexOf(k);
  if (first >= 0) return [0, '', first];
  const date = dateKey(k);
  if (date) return [1, date[0] === 'date' ? '' : date[0], date[1]];
  const leading = LEADING.indexOf(k);
  if (leading >= 0) return [2, '', leading];
  const book = BOOKKEEPING.indexOf(k);
  if (book >= 0) return [4, '', book];
  return [3, k, 0];
}

function compare(a: string, b: string): number {
  const [ra, sa, ia] = rank(a);
  const [rb, sb, ib] = rank(b);
  return ra - rb || sa.localeCompare(sb) || ia - ib;
}

/** The properties to list, in reading order, without the edit bookkeeping and the keys in `hide`. */
export function orderedProperties(p: Record<string, unknown>, hide: ReadonlySet<string>): [string, unknown][] {
  return Object.entries(p)
    .filter(([k]) => !hide.has(k) && !EDIT.includes(k))
    .sort(([a], [b]) => compare(a, b));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-06T04:26:31.123Z" → "6 Dec 2026 04:26 UTC" (as stored: the server writes UTC). */
function when(at: unknown): string | null {
  if (typeof at !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::[\d.]+)?(Z|[+-]\d{2}:\d{2})?/.exec(at);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return at;
  const zone = !m[6] ? '' : m[6] === 'Z' ? ' UTC' : ` (${m[6]})`;
  return `${Number(m[3])} ${month} ${m[1]} ${m[4]}:${m[5]}${zone}`;
}

/** The edit bookkeeping as one line, "Edited by ed, 6 Dec 2026 04:26 UTC"; null when never edited. */
export function editedLine(p: Record<string, unknown>): string | null {
  const by = typeof p.edited_by === 'string' && p.edited_by ? p.edited_by : null;
  const at = when(p.edited_at);
  if (!by && !at) return null;
  return ['Edited', by ? `by ${by}` : null].filter(Boolean).join(' ') + (at ? `${by ? ',' : ''} ${at}` : '');
}
