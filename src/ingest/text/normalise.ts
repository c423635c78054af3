import { createHash } from 'node:crypto';
import { DAYS, MONTHS, SENTENCE_STARTERS } from '../extract/lexicon';
import { IngestInputError } from './errors';
import { htmlToText } from './html';
import { markdownToText } from './markdown';
import type { FoundMeta } from './metadata';
import { isWebAddress, webAddressError, type InputFormat } from './validate';

export interface NormalisedText {
  /** The text every offset refers to: stored as-is, hashed as UTF-8. */
  text: string;
  sha256: string;
  /** Length in UTF-16 code units (JavaScript string length), as in seed/data/articles.yaml. */
  length: number;
  meta: FoundMeta;
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

/** A short first line without a final full stop reads as a headline (a byline before it is skipped). */
function titleOfPlainText(text: string): string | undefined {
  const first = text
    .split('\n')
    .find((l) => l.trim() && !bylineOfLine(l.trim()))
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

/** News agencies, written as in a byline: an agency is the source, never a person. */
const AGENCIES = new Set(
  [
    'Reuters',
    'AFP',
    'Agence France-Presse',
    'AP',
    'Associated Press',
    'The Associated Press',
    'Bloomberg',
    'dpa',
    'EFE',
    'ANSA',
    'Interfax',
    'TASS',
    'RIA Novosti',
    'Ukrinform',
    'Xinhua',
    'Kyodo',
    'Yonhap',
    'UPI',
    'PA Media',
    'Anadolu',
  ].map((a) => a.toLowerCase()),
);

/** Words after "By" in set phrases ("By Contrast", "By Design"): a one-word byline of these is no source. */
const BY_PHRASE_WORDS = new Set(
  'contrast comparison default design chance accident hand law far day air sea land road rail mail phone email request invitation appointment definition nature degrees turns numbers'.split(
    ' ',
  ),
);

/** A byline line's author names, or the agency or one-word source it names instead (the outlet). */
interface BylineLine {
  byline?: string;
  outlet?: string;
}

const namesOf = (part: string) => part.replace(/^(?:and|AND|&) /, '').split(/ (?:and|AND|&) /);

/**
 * A byline line ("By Jane Doe", "By A, B and C, Outlet", "BY JANE DOE | Role", "By Reuters"), else
 * undefined: what follows the names after a comma, a bar or a dash is the outlet or a role and is
 * left out (a comma continues the names only in a list closed by "and"), and a line that reads
 * as a sentence ("By Tuesday, the fires had spread.") is not a byline.
 */
function bylineOfLine(line: string): BylineLine | undefined {
  const m = /^(?:By|BY) (.+)$/.exec(line);
  if (!m || line.length > 120 || /[.!?:;]$/.test(line)) return undefined;
  const [names, ...after] = m[1]!.split(/\s*(?:\||—|–| - )\s*/);
  const parts = names!.split(/\s*,\s*/);
  if (!after.length && parts.length === 1) {
    const one = parts[0]!;
    const word = one.toLowerCase();
    const oneWord = /^\p{Lu}[\p{L}-]+$/u.test(one) && !NOT_NAME_WORDS.has(word) && !BY_PHRASE_WORDS.has(word);
    if (AGENCIES.has(word) || oneWord) return { outlet: one };
  }
  const isName = (n: string) => isBylineName(n) && !AGENCIES.has(n.toLowerCase());
  const close = parts.findIndex((p) => / (?:and|AND|&) /.test(p) || /^(?:and|AND|&) /.test(p));
  const list = close > 0 && parts.slice(0, close + 1).every((p) => namesOf(p).every(isName)) ? close + 1 : 1;
  if ([...parts.slice(list), ...after].join(' ').split(/\s+/).length > 6) return undefined;
  const head = parts.slice(0, list);
  return head.every((p) => namesOf(p).every(isName)) ? { byline: head.join(', ') } : undefined;
}

/** How far down a byline may be: the headline, a standfirst, a dateline, then the byline at most. */
const BYLINE_LINES = 4;

/** A byline among the first few non-empty lines of a plain text (HTML and front matter carry theirs as metadata). */
function bylineOfPlainText(text: string): BylineLine | undefined {
  for (const line of text
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, BYLINE_LINES)) {
    const b = bylineOfLine(line.trim());
    if (b) return b;
  }
  return undefined;
}

/**
 * Turns an input (txt, md or html) into the canonical text and the metadata it carries.
 * `verbatim` keeps a txt input byte-for-byte (re-extracting an article already stored, whose
 * offsets must not move). Cost: linear in the input; HTML ~40 ms for a news page.
 */
export function normaliseInput(
  raw: string,
  format: InputFormat,
  opts: { verbatim?: boolean; what?: string } = {},
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
  if (format === 'txt' && !meta.title) meta.title = titleOfPlainText(text);
  if ((format === 'txt' || format === 'md') && !meta.byline) {
    const found = bylineOfPlainText(text);
    if (found?.byline) meta.byline = found.byline;
    else if (found?.outlet && !meta.outlet) meta.outlet = found.outlet;
  }
  return { text, sha256: sha256Of(text), length: text.length, meta };
}
