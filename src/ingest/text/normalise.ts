import { createHash } from 'node:crypto';
import { AGENCIES, DAYS, MONTHS, OUTLET_WORDS, SENTENCE_STARTERS } from '../extract/lexicon';
import { datelineDay, datelineOf } from './dateline';
import { IngestInputError } from './errors';
import { htmlToText } from './html';
import { markdownToText } from './markdown';
import type { FoundMeta } from './metadata';
import { isWebAddress, webAddressError, type InputFormat } from './validate';
import { WIRE_DATELINE } from './wire-dateline';

export interface NormalisedText {
  /** The text every offset refers to: stored as-is, hashed as UTF-8. */
  text: string;
  sha256: string;
  /** Length in UTF-16 code units (JavaScript string length), as in seed/data/articles.yaml. */
  length: number;
  meta: FoundMeta;
  /**
   * The unknown capitalised word of a one-word byline line ("By Harbourwire"), where it stands: the
   * outlet only if the name finder (or the graph) calls it an organisation; or the name after a
   * byline's names (`afterNames`, "By Jane Roe, Kyivpost"): the outlet unless it is a place ("By
   * Jane Roe, Kyiv" is where she files from). Then normalise again, passing it in `organisations`;
   * until then a one-word line is no byline.
   */
  bylineWord?: { text: string; start: number; end: number; afterNames?: boolean };
}

/** sha256 (hex) of the text's UTF-8 bytes. */
export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Canonical plain text: NFC, LF line ends, no trailing spaces, at most one blank line between
 * paragraphs, no leading or trailing blank lines. Quote marks are left as written (the quotes we
 * keep as evidence must be verbatim); attribution rules normalise them for matching only.
 */
export function canonicalText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');
}

/** A short first line without a final full stop reads as a headline (a byline or dateline before it is skipped). */
function titleOfPlainText(text: string, organisations?: ReadonlySet<string>): string | undefined {
  const first = text
    .split('\n')
    .find((l) => l.trim() && !bylineOfLine(l.trim(), organisations) && !datelineDay(l))
    ?.trim();
  if (!first || first.length > 200 || /[.!?:]$/.test(first) || first.split(/\s+/).length < 2) return undefined;
  return first;
}

/** One name of a byline: two to four capitalised words or initials, lower-case particles allowed ("Anna van der Berg"). */
const BYLINE_NAME =
  /^(?:\p{Lu}[\p{L}'’-]*\.?|van|von|der|den|de|da|di|du|la|le|bin|al|ter)(?: (?:\p{Lu}[\p{L}'’-]*\.?|van|von|der|den|de|da|di|du|la|le|bin|al|ter))*$/u;
/** Capitalised words that open a sentence or a time phrase ("By Tuesday, …", "By Late Afternoon, …"), never a name. */
const NOT_NAME_WORDS = new Set([
  ...SENTENCE_STARTERS,
  ...DAYS,
  ...MONTHS,
  ...'late early noon midday dawn dusk morning afternoon evening night week weekend year end'.split(' '),
]);

function isBylineName(name: string): boolean {
  if (!BYLINE_NAME.test(name)) return false;
  const words = name.split(' ');
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w));
  return (
    capitals.length >= 2 &&
    capitals.length <= 4 &&
    !words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase().replace(/\.$/, '')))
  );
}

/** Words after "By" in set phrases ("By Contrast", "By Design"): a one-word byline of these is no source. */
const BY_PHRASE_WORDS = new Set(
  'contrast comparison default design chance accident hand law far day air sea land road rail mail phone email request invitation appointment definition nature degrees turns numbers'.split(
    ' ',
  ),
);

/** Words of a role, never of an outlet ("Kyiv Bureau", "Staff Writer", "Senior Editor"). */
const ROLE_WORDS = new Set(
  'correspondent correspondents writer writers reporter reporters editor editors staff contributor columnist chief bureau producer photographer analyst journalist desk'.split(
    ' ',
  ),
);

/**
 * An outlet written after the byline names ("Northbridge Wire", "The Coastal Record"): capitalised
 * words (small joining words allowed), no role word, and either "The" first or an outlet word last.
 */
function isOutletName(part: string): boolean {
  const words = part.split(/\s+/);
  if (words.length > 5 || words.some((w) => ROLE_WORDS.has(w.toLowerCase()))) return false;
  if (!words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && /^(?:of|the|and|&|for|on)$/.test(w)))) return false;
  return (words.length > 1 && words[0] === 'The') || OUTLET_WORDS.has(words[words.length - 1]!.toLowerCase());
}

/** A staff credit ("By Staff", "By Staff Reporter"): a byline line with no person and no outlet. */
const STAFF_CREDIT = /^staff(?: (?:reporter|writer|correspondent)s?)?$/i;

/** A byline line's author names and the agency it names (the outlet); neither for a staff credit. */
interface BylineLine {
  byline?: string;
  outlet?: string;
}

const namesOf = (part: string) => part.replace(/^(?:and|AND|&) /, '').split(/ (?:and|AND|&) /);

/** The one capitalised word after "By" ("By Harbourwire"): an outlet only if it names an organisation. */
function oneWordOf(line: string): string | undefined {
  const one = /^(?:By|BY) (\p{Lu}[\p{L}-]+)$/u.exec(line)?.[1];
  const word = one?.toLowerCase() ?? '';
  return one && !NOT_NAME_WORDS.has(word) && !BY_PHRASE_WORDS.has(word) && !AGENCIES.has(word) ? one : undefined;
}

/**
 * A byline line ("By Jane Doe", "By A, B and C, Outlet", "BY JANE DOE | Role", "By Reuters"), else
 * undefined: what follows the names after a comma, a bar or a dash is left out, except a news
 * agency or a name that reads as an outlet's, which is the outlet ("By A and B, Reuters", "By A,
 * Northbridge Wire"); a role ("staff writer", "Kyiv correspondent") is never taken for one. A comma continues the names only
 * in a list closed by "and"; a line that reads as a sentence ("By Tuesday, the fires had
 * spread.") is not a byline. One word is the outlet only when it is an agency or among
 * `organisations` (what the name finder called an organisation): an ordinary word ("By
 * Moonlight") is no byline at all.
 */
function bylineOfLine(line: string, organisations?: ReadonlySet<string>): BylineLine | undefined {
  const m = /^(?:By|BY) (.+)$/.exec(line);
  if (!m || line.length > 120 || /[.!?:;]$/.test(line)) return undefined;
  if (STAFF_CREDIT.test(m[1]!)) return {};
  const [names, ...after] = m[1]!.split(/\s*(?:\||—|–| - )\s*/);
  const parts = names!.split(/\s*,\s*/);
  if (!after.length && parts.length === 1) {
    const one = parts[0]!;
    if (AGENCIES.has(one.toLowerCase()) || (oneWordOf(line) === one && organisations?.has(one))) return { outlet: one };
  }
  const isName = (n: string) => isBylineName(n) && !AGENCIES.has(n.toLowerCase());
  const close = parts.findIndex((p) => / (?:and|AND|&) /.test(p) || /^(?:and|AND|&) /.test(p));
  const list = close > 0 && parts.slice(0, close + 1).every((p) => namesOf(p).every(isName)) ? close + 1 : 1;
  const tail = [...parts.slice(list), ...after];
  if (tail.join(' ').split(/\s+/).length > 6) return undefined;
  const head = parts.slice(0, list);
  if (!head.every((p) => namesOf(p).every(isName))) return undefined;
  const outlet = tail.find((p) => AGENCIES.has(p.toLowerCase()) || isOutletName(p) || organisations?.has(p));
  return outlet ? { byline: head.join(', '), outlet } : { byline: head.join(', ') };
}

/** Capitalised words that may name an outlet without an outlet word ("Meridian", "Kyiv Independent"): no role among them. */
function mayNameOutlet(part: string): boolean {
  const words = part.split(/\s+/);
  return (
    words.length <= 4 &&
    words.every((w, i) => /^\p{Lu}[\p{L}\d'’&.-]*$/u.test(w) || (i > 0 && /^(?:of|the|and|&|for|on)$/.test(w))) &&
    !words.some((w) => ROLE_WORDS.has(w.toLowerCase()) || NOT_NAME_WORDS.has(w.toLowerCase()))
  );
}

/** The outlet a wire dateline names among the first few lines, else undefined. */
function datelineOutletOf(text: string, lines: number): string | undefined {
  for (const line of text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, lines)) {
    const m = WIRE_DATELINE.exec(line.trim());
    if (m && mayNameOutlet(m[1]!.trim())) return m[1]!.trim();
  }
  return undefined;
}

/** A wire credit closing the story: "(Reporting by Jane Roe in Kharkiv; editing by Tom Ashby)". */
const REPORTING_CREDIT =
  /^\(?\s*reporting by ([^;()]+?)(?:\s+in\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)?\s*(?:[;,]\s*(?:additional reporting|writing|editing)\b[^()]*)?\)?\.?$/iu;

/** The reporters of a wire credit among the last lines: the byline of a story without one at the top. */
function reportingCreditOf(text: string): string | undefined {
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-2)) {
    const names = REPORTING_CREDIT.exec(line)?.[1]?.trim();
    if (names && names.split(/\s*,\s*/).every((p) => namesOf(p).every(isBylineName))) return names;
  }
  return undefined;
}

/** How far down a byline may be: the headline, a standfirst, a dateline, then the byline at most. */
const BYLINE_LINES = 4;

/**
 * A byline among the first few non-empty lines of a plain text (HTML and front matter carry theirs
 * as metadata), and the unknown word of a one-word "By" line met before it, with its offsets.
 */
function bylineOfPlainText(
  text: string,
  organisations?: ReadonlySet<string>,
): { found?: BylineLine; word?: NormalisedText['bylineWord'] } {
  let word: NormalisedText['bylineWord'];
  let at = 0;
  let seen = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const start = at + raw.indexOf(line);
    at += raw.length + 1;
    if (!line) continue;
    if (++seen > BYLINE_LINES) break;
    const found = bylineOfLine(line, organisations);
    // "By Jane Roe, Kyivpost": a name after the byline's without an outlet word, for the caller to judge.
    const rest = found?.byline && !found.outlet ? /\s*(?:,|\||—|–| - )\s*([^,|—–]+)$/.exec(line)?.[1] : undefined;
    if (rest && mayNameOutlet(rest) && !found!.byline!.endsWith(rest))
      word = {
        text: rest,
        start: start + line.lastIndexOf(rest),
        end: start + line.lastIndexOf(rest) + rest.length,
        afterNames: true,
      };
    if (found) return { found, word };
    const one = oneWordOf(line);
    if (one && !word) word = { text: one, start: start + line.length - one.length, end: start + line.length };
  }
  return { word };
}

/**
 * Turns an input (txt, md or html) into the canonical text and the metadata it carries.
 * `verbatim` keeps a txt input byte-for-byte (re-extracting an article already stored, whose
 * offsets must not move). Cost: linear in the input; HTML ~40 ms for a news page.
 */
export function normaliseInput(
  raw: string,
  format: InputFormat,
  opts: { verbatim?: boolean; what?: string; organisations?: ReadonlySet<string> } = {},
): NormalisedText {
  let text: string;
  let meta: FoundMeta = {};
  if (format === 'html') ({ text, meta } = htmlToText(raw, opts.what));
  else if (format === 'md') ({ text, meta } = markdownToText(raw));
  else text = raw;
  if (!(format === 'txt' && opts.verbatim)) text = canonicalText(text);
  if (!text.trim())
    throw new IngestInputError('NO_TEXT', `${opts.what ?? 'The input'} holds no text once markup is removed.`);
  if (isWebAddress(text)) throw webAddressError(text, opts.what ?? 'The input');
  if (format === 'txt' && !meta.title) meta.title = titleOfPlainText(text, opts.organisations);
  let bylineWord: NormalisedText['bylineWord'];
  if ((format === 'txt' || format === 'md') && !meta.byline) {
    const { found, word } = bylineOfPlainText(text, opts.organisations);
    if (found?.byline) meta.byline = found.byline;
    const credit = found ? undefined : reportingCreditOf(text);
    if (credit) meta.byline = credit;
    if (found?.outlet && !meta.outlet) meta.outlet = found.outlet;
    bylineWord = word;
  }
  if ((format === 'txt' || format === 'md') && !meta.outlet) {
    const outlet = datelineOutletOf(text, BYLINE_LINES + 1);
    if (outlet) meta.outlet = outlet;
  }
  // A dateline among the lines a headline, byline and dateline take (one more for a kicker).
  if ((format === 'txt' || format === 'md') && !meta.published) {
    const day = datelineOf(text, BYLINE_LINES + 1);
    if (day) meta.published = day;
  }
  return { text, sha256: sha256Of(text), length: text.length, meta, ...(bylineWord ? { bylineWord } : {}) };
}
