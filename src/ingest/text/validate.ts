import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { IngestInputError } from './errors';

export type InputFormat = 'txt' | 'md' | 'html';

/** Largest input accepted: news articles are tens of kilobytes; anything this big is not one. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/** True for an input that is only a web address (a URL given where a file or text was expected). */
/**
 * "<what> is 7.2 MB; the limit is 5 MB". Just over the limit, MB to one decimal would read as the
 * limit itself, so both sizes are then given in bytes.
 */
export function tooLargeMessage(what: string, size: number, maxBytes: number): string {
  const mb = (n: number) => n / 1024 / 1024;
  const limit = `${Number(mb(maxBytes).toFixed(1))} MB`;
  const shown = mb(size).toFixed(1);
  return Number(shown) > mb(maxBytes)
    ? `${what} is ${shown} MB; the limit is ${limit} for one article.`
    : `${what} is ${size.toLocaleString('en')} bytes; the limit is ${maxBytes.toLocaleString('en')} bytes (${limit}) for one article.`;
}

export const isWebAddress = (s: string): boolean => WEB_ADDRESS.test(s.trim());

/** The refusal for a web address: nothing is fetched (newsgraph runs offline). */
export function webAddressError(address: string, what: string): IngestInputError {
  return new IngestInputError(
    'UNSUPPORTED',
    `${what.charAt(0).toUpperCase()}${what.slice(1)} is a web address (${address.trim().slice(0, 200)}): newsgraph does not fetch pages. ` +
      "Save the page as .html, or copy the article's text, and ingest that.",
  );
}

/** The format an input file name implies, or undefined for a name without a known extension. */
export function formatOfName(name: string): InputFormat | undefined {
  return EXTENSIONS[extname(name).toLowerCase()];
}

/** Guesses txt/md/html from content when the name does not say (pasted text). */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|p|div)[\s>]/.test(head))
    return 'html';
  if (/^(#{1,6} |---\n)/.test(head) || /\n#{1,6} \S/.test(head)) return 'md';
  return 'txt';
}

/**
 * True when the bytes look binary: a NUL byte, or more than 10% control characters other than
 * tab, newline, carriage return and form feed, in the first 8 KB. Cost: one pass over ≤ 8 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Byte offset of the first invalid UTF-8 sequence (binary search over streamed prefixes), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length) && isCompleteUtf8(bytes)) return -1;
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valid(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  // The byte at `lo` broke the sequence; when an earlier lead byte was waiting for it, report the lead.
  for (let i = lo - 1; i >= Math.max(0, lo - 3); i--) {
    const b = bytes[i]!;
    if (b < 0x80) break;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + need > lo ? i : lo;
    }
  }
  return lo;
}

function isCompleteUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes bytes as strict UTF-8, refusing empty, binary and non-UTF-8 input with a clear error.
 * A leading byte-order mark is dropped. `what` names the input in messages.
 */
export function decodeInput(bytes: Uint8Array, what: string): string {
  if (bytes.length === 0) throw new IngestInputError('EMPTY', `${what} is empty: there is no text to ingest.`);
  if (looksBinary(bytes)) {
    throw new IngestInputError(
      'BINARY',
      `${what} looks like a binary file (PDF, image, Word…), not text. Save it as .txt, .md or .html first.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new IngestInputError(
      'NOT_UTF8',
      `${what} is not valid UTF-8 (first bad byte at offset ${at}). It is probably in a legacy encoding such as ` +
        'Windows-1252 or Latin-1: re-save it as UTF-8 and try again.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new IngestInputError('EMPTY', `${what} holds only whitespace: there is no text to ingest.`);
  return text;
}

/**
 * Reads an input file after checking it: missing, not a regular file, over `maxBytes` (refused from
 * its size alone, never read into memory), empty, binary, not UTF-8. Cost: one stat and one read.
 */
export function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): { text: string; format: InputFormat } {
  if (isWebAddress(path)) throw webAddressError(path, 'The input');
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new IngestInputError('UNSUPPORTED', `${path} is not a regular file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof IngestInputError) throw e;
    throw new IngestInputError('NOT_FOUND', `${path} does not exist or cannot be read.`);
  }
  if (size > maxBytes) {
    throw new IngestInputError(
      'TOO_LARGE',
      `${tooLargeMessage(path, size, maxBytes)} ` + 'Split it into articles or extract the article text first.',
    );
  }
  const bytes = new Uint8Array(size);
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    while (off < size) {
      const n = readSync(fd, bytes, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
  } finally {
    closeSync(fd);
  }
  const text = decodeInput(bytes, path);
  const format = formatOfName(path) ?? sniffFormat(text);
  return { text, format };
}
