import { createHash } from 'node:crypto';
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

/** A short first line without a final full stop reads as a headline. */
function titleOfPlainText(text: string): string | undefined {
  const first = text
    .split('\n')
    .find((l) => l.trim())
    ?.trim();
  if (!first || first.length > 200 || /[.!?:]$/.test(first) || first.split(/\s+/).length < 2) return undefined;
  return first;
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
  return { text, sha256: sha256Of(text), length: text.length, meta };
}
