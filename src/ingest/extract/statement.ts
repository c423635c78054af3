import type { Span } from '../batch';
import { DAYS, MONTHS } from './lexicon';

/** A shorter statement is none: the review refuses statements under 10 characters, so such a claim could only be blocked. */
export const MIN_STATEMENT_CHARS = 10;

// Case matters (a name after "with" is capitalised), so the day and month names are written as in running text.
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const DAY = [...DAYS].map(capital).join('|');
const MONTH = [...MONTHS].map(capital).join('|');
/** When, where or how something was said, right after the verb: never the statement itself. */
const PART = [
  // "on Wednesday", "late on Friday", "Wednesday night", "in March", "on March 3", "on 3 March"
  `(?:(?:late|early)\\s+)?(?:(?:on|in|at|during|by)\\s+)?(?:(?:${DAY})(?:\\s+(?:morning|afternoon|evening|night))?|(?:${MONTH})(?:\\s+\\d{1,2})?|\\d{1,2}\\s+(?:${MONTH}))`,
  // "yesterday", "earlier this week", "last month"
  `(?:yesterday|today|tonight|overnight|(?:(?:earlier|later)\\s+)?(?:this|last)\\s+(?:week|month|year|weekend)|earlier|later)`,
  // "in a statement", "during a televised address", "in an interview with Reuters"
  `(?:in|on|during|via)\\s+(?:a|an|the|his|her|its|their)\\s+(?:[\\w-]+\\s+)?(?:statement|interview|video|post|briefing|address|message|(?:press|news)\\s+conference)(?:\\s+with\\s+[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*)*)?`,
  // "on Telegram", "on state television"
  `on\\s+(?:Telegram|Twitter|X|Facebook|VKontakte|(?:state\\s+)?(?:television|TV|radio))`,
  // "at the time", and where it was said when "that" follows: "told reporters in Moscow that …"
  `at\\s+the\\s+time`,
  `(?:in|at)\\s+[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*)*(?=\\s*,?\\s+that\\s)`,
].join('|');
const WHEN_OR_HOW = new RegExp(`^[\\s,]*(?:(?:${PART})(?=[\\s,.;:!?"]|$)[\\s,]*)+(?::\\s*)?(?:that\\s+)?`, 'u');

/** `from` moved past a when/where/how phrase right after a speech verb ("on Wednesday: …", "in a statement that …"). */
export function pastWhenOrHow(t: string, from: number, end: number): number {
  const m = WHEN_OR_HOW.exec(t.slice(from, end));
  return m ? from + m[0].length : from;
}

// Verbs whose object is the person told ("told Reuters", "assured reporters"), not the subject of what was said.
const ADDRESSED = new Set(['tell', 'assure', 'inform', 'brief']);
const DAY_LEAD = `^[\\s,:]*(?:(?:on|late|early|in)\\s+)?(?:(?:${DAY})\\s+)?`;
const LEAD = new RegExp(`${DAY_LEAD}(?:that\\s+)?`);
// The addressee: a lower-case audience, or one capitalised name ("told Reuters", "told the BBC").
const ADDRESSEE_LEAD = new RegExp(
  `${DAY_LEAD}(?:(?:reporters|journalists|(?:the\\s+)?(?:[A-Z][\\w.-]*(?: [A-Z][\\w.-]*)*|(?:[Rr]ussian|[Uu]krainian|state|local|foreign|[Ww]estern)\\s+media))\\s+)?(?:that\\s+)?`,
);

/**
 * The length of the lead after a speech verb that is not the statement: a day ("said Tuesday
 * that"), and after "told" and the like the person told. A capitalised word after "said" is the
 * statement's own subject ("said Ukrainian forces had…"), never skipped.
 */
export function leadAfterCue(rest: string, lemma: string): number {
  return ((ADDRESSED.has(lemma) ? ADDRESSEE_LEAD : LEAD).exec(rest)?.[0] ?? '').length;
}

// "KHARKIV, 14 May 2024 — ", "ZOLOCHIV — ", "KYIV, Ukraine (Reuters) - ": a place in capitals, then a dash.
const DATELINE = /^\p{Lu}[\p{Lu}'.-]+(?:\s+\p{Lu}[\p{Lu}'.-]+)*(?:,[^—–\n]{0,60}?)?\s+(?:—|–|--?)\s+/u;

/** `start` moved past a dateline opening the statement: where a story was filed is not what was said. */
export function pastDateline(t: string, start: number, end: number): number {
  const m = DATELINE.exec(t.slice(start, end));
  return m ? start + m[0].length : start;
}

const lineStart = (t: string, at: number) => t.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (t: string, at: number) => (t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at));

/**
 * The quotation standing on its own right before sentence `s` (else right after it, across at
 * most a paragraph break) that no claim has taken yet: the statement of a "X said on Wednesday."
 * with none of its own. A quotation followed by a speaker of its own ("…," he added) is not one.
 * `t` is the text with ASCII quote marks; the span returned is inside the quote marks.
 */
export function adjacentQuotation(t: string, quotes: Span[], s: Span, taken: (q: Span) => boolean): Span | undefined {
  // It opens its line or follows a full stop; one after the sentence also ends its line.
  const opens = (q: Span) => /^\s*$|[.!?]["']?\s+$/.test(t.slice(lineStart(t, q.start), q.start));
  const ends = (q: Span) => /^[\s.!?]*$/.test(t.slice(q.end, lineEnd(t, q.end)));
  const before = quotes.filter((q) => q.end <= s.start && /^\s*$/.test(t.slice(q.end, s.start))).pop();
  const after = quotes.find((q) => q.start >= s.end && /^\s*$/.test(t.slice(s.end, q.start)));
  const q =
    before && opens(before) && !taken(before) ? before : after && ends(after) && !taken(after) ? after : undefined;
  if (!q) return undefined;
  return { start: q.start + 1, end: t[q.end - 1] === '"' && q.end - 1 > q.start ? q.end - 1 : q.end };
}
