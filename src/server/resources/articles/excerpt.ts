import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { EXCERPT_MAX_CHARS, type Excerpt, type ExcerptMention } from '../../../shared/api/articles';
import type { NodeRef } from '../../../shared/api/nodes';
import { strOrNull } from '../../db/convert';

/**
 * The evidence reader's excerpt: a bounded window of an article's text around one quote, read from
 * ARTICLES_DIR only when the file is the one the evidence was taken from.
 */

/** Article files bigger than this are not read (ours are a few KB). */
const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** A paragraph shorter than this gets its neighbours as context too. */
const SHORT_PARAGRAPH = 280;

export interface ExcerptWindow {
  start: number;
  end: number;
}

const isBlank = (s: string) => s.trim().length === 0;

/**
 * The window of `text` shown around [qs, qe): the paragraph(s) holding the quote (lines are
 * paragraphs), plus the neighbouring paragraphs when that is very short, never more than `max`
 * characters unless the quote itself is longer; clipped at word boundaries. Pure; O(window).
 */
export function excerptWindow(text: string, qs: number, qe: number, max = EXCERPT_MAX_CHARS): ExcerptWindow {
  const paraStart = (i: number) => text.lastIndexOf('\n', i - 1) + 1;
  const paraEnd = (i: number) => {
    const j = text.indexOf('\n', i);
    return j === -1 ? text.length : j;
  };
  let s = paraStart(qs);
  let e = paraEnd(qe > qs ? qe - 1 : qe);
  // Short paragraph: add the previous and next non-empty paragraphs while they fit.
  if (e - s < SHORT_PARAGRAPH) {
    let ps = s - 1;
    while (ps > 0 && isBlank(text.slice(paraStart(ps), ps))) ps = paraStart(ps) - 1;
    if (ps > 0) {
      const prev = paraStart(ps);
      if (e - prev <= max) s = prev;
    }
    let ne = e + 1;
    while (ne < text.length && isBlank(text.slice(ne, paraEnd(ne)))) ne = paraEnd(ne) + 1;
    if (ne < text.length) {
      const next = paraEnd(ne);
      if (next - s <= max) e = next;
    }
  }
  if (e - s > max) {
    const room = Math.max(0, max - (qe - qs));
    let before = Math.floor(room / 2);
    let after = room - before;
    // Give unused room on one side to the other.
    if (qs - s < before) {
      after += before - (qs - s);
      before = qs - s;
    }
    if (e - qe < after) {
      before += after - (e - qe);
      after = e - qe;
    }
    let ns = Math.max(s, qs - before);
    let ne2 = Math.min(e, qe + after);
    if (ns > s) {
      const sp = text.indexOf(' ', ns);
      if (sp !== -1 && sp < qs) ns = sp + 1;
    }
    if (ne2 < e) {
      const sp = text.lastIndexOf(' ', ne2);
      if (sp >= qe) ne2 = sp;
    }
    s = ns;
    e = ne2;
  }
  // Trim surrounding whitespace, never cutting into the quote.
  while (s < qs && /\s/.test(text[s]!)) s++;
  while (e > qe && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Where the given surface forms occur in `excerpt`, as whole words; longest match wins, no
 * overlaps. Pure; O(forms × excerpt).
 */
export function findMentions(
  excerpt: string,
  entities: readonly { ref: NodeRef; forms: readonly string[] }[],
): ExcerptMention[] {
  const hits: ExcerptMention[] = [];
  for (const { ref, forms } of entities) {
    for (const form of new Set(forms)) {
      if (form.trim().length < 2) continue;
      let i = excerpt.indexOf(form);
      while (i !== -1) {
        const before = i > 0 ? excerpt[i - 1]! : ' ';
        const after = i + form.length < excerpt.length ? excerpt[i + form.length]! : ' ';
        if (!WORD.test(before) && !WORD.test(after)) hits.push({ start: i, end: i + form.length, entity: ref });
        i = excerpt.indexOf(form, i + 1);
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: ExcerptMention[] = [];
  let reached = -1;
  for (const h of hits) {
    if (h.start < reached) continue;
    out.push(h);
    reached = h.end;
  }
  return out;
}

/** The article file inside `dir`, or null when the stored name is not a plain file name. */
export function articlePath(dir: string, file: string): string | null {
  if (!/^[\w][\w.\- ]*$/.test(file) || file.includes('..') || basename(file) !== file) return null;
  const root = resolve(dir);
  const p = resolve(join(root, file));
  return p.startsWith(root + sep) ? p : null;
}

/** Reads the article text (when allowed and intact) and cuts the excerpt. */
export async function excerptFor(
  articlesDir: string | readonly string[],
  props: Record<string, unknown>,
  quote: string,
  start: number,
  end: number,
  mentioned: { ref: NodeRef; forms: string[] }[],
): Promise<Excerpt> {
  const file = strOrNull(props.file);
  if (!file)
    return { available: false, reason: 'The article node does not name its text file, so only the quote is shown.' };
  // The user's articles first, then where ingested texts are stored (see src/ingest/store.ts).
  const paths = (typeof articlesDir === 'string' ? [articlesDir] : articlesDir).map((d) => articlePath(d, file));
  if (paths.some((p) => !p))
    return { available: false, reason: "The article's file name is not a plain file name; it is not opened." };
  let path = paths[0]!;
  for (const p of paths) {
    const st = await stat(p!).catch(() => null);
    if (st?.isFile()) {
      path = p!;
      break;
    }
  }
  let buf: Buffer;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > MAX_ARTICLE_BYTES) return { available: false, reason: 'The article text is too large to open here.' };
    buf = await readFile(path);
  } catch {
    return {
      available: false,
      reason: 'The article text is not available to the server (not in ARTICLES_DIR), so only the quote is shown.',
    };
  }
  const sha = strOrNull(props.sha256);
  if (sha && createHash('sha256').update(buf).digest('hex') !== sha.toLowerCase()) {
    return {
      available: false,
      reason:
        'The article text on the server differs from the one the evidence was taken from, so only the quote is shown.',
    };
  }
  const text = buf.toString('utf8');
  if (end > text.length || text.slice(start, end) !== quote) {
    return {
      available: false,
      reason: 'The quote is not at its recorded position in the article text, so only the quote is shown.',
    };
  }
  const w = excerptWindow(text, start, end);
  const excerpt = text.slice(w.start, w.end);
  return {
    available: true,
    text: excerpt,
    offset: w.start,
    quoteStart: start - w.start,
    quoteEnd: end - w.start,
    clippedBefore: !isBlank(text.slice(0, w.start)),
    clippedAfter: !isBlank(text.slice(w.end)),
    mentions: findMentions(excerpt, mentioned),
  };
}
