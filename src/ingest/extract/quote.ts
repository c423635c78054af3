import { MAX_QUOTE_WORDS, type Span } from '../batch';

/**
 * Shrinks a span to at most `max` words, cutting at word boundaries and keeping the part that
 * starts at `keepFrom` (default: the span's start), so the quote stays an exact slice that
 * still holds the supporting words. Trailing spaces and commas are dropped.
 */
export function trimSpan(text: string, span: Span, max = MAX_QUOTE_WORDS, keepFrom = span.start): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  const words = [...text.slice(start, end).matchAll(/\S+/g)];
  if (words.length <= max) return { start, end };
  const from = Math.max(
    0,
    Math.min(
      words.findIndex((w) => start + w.index! + w[0].length > keepFrom),
      words.length - max,
    ),
  );
  const first = words[from]!;
  const last = words[from + max - 1]!;
  let e = start + last.index! + last[0].length;
  while (e > start && /[,;:]/.test(text[e - 1]!)) e--;
  return { start: start + first.index!, end: e };
}

/** The span covering all given spans. */
export const cover = (...spans: Span[]): Span => ({
  start: Math.min(...spans.map((s) => s.start)),
  end: Math.max(...spans.map((s) => s.end)),
});
