import type { Sentence } from './types';

/** Words after which a full stop does not end a sentence (titles, months, initials of states); in a name they keep it. */
export const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen sen rep gov lt col capt sgt maj adm brig cpl pvt cmdr rev fr hon prof st mt ft jr sr no nos vol jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u inc co corp ltd vs etc a.m p.m approx dept est fig'.split(
    ' ',
  ),
);
/** Abbreviations whose letters in lower case are an ordinary word that may end a sentence ("10 ft.", "the brig."). */
const CAPITALISED_ONLY = new Set(['brig', 'ft']);

/**
 * Splits text into sentences: at . ! ? (with closing quotes or brackets) before an upper-case
 * letter, digit or opening quote, and at every line break (articles keep one paragraph per line).
 * Abbreviations such as "Mr." and initials ("Nancy A. Youssef") do not end a sentence.
 * Cost: one regex pass.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    let sentStart = lineStart;
    const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const stop = m.index;
      const before = /([\p{L}.]+)$/u.exec(line.slice(0, stop))?.[1] ?? '';
      const word = before.toLowerCase().replace(/\.$/, '');
      const abbreviation = ABBREVIATIONS.has(word) && (!CAPITALISED_ONLY.has(word) || /^\p{Lu}/u.test(before));
      if (m[0].startsWith('.') && (abbreviation || /^\p{Lu}$/u.test(before))) continue;
      const end = lineStart + m.index + m[0].length;
      push(sentStart, end);
      sentStart = end;
    }
    push(sentStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** The sentence holding offset `at` (binary search), or undefined between sentences. */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Quote marks mapped one-to-one to ASCII (“ ” „ « » → ", ‘ ’ → '), for pattern matching only: offsets do not move. */
export function asciiQuotes(text: string): string {
  return text.replace(/[“”„‟«»″]/g, '"').replace(/[‘’‚‛′]/g, "'");
}
