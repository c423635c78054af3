import { DEMONYMS, SENTENCE_STARTERS, SPEECH_VERBS } from './lexicon';
import type { NameSpan } from './types';

/*
 * Bodies named by what they are, not by a name: "Emergency services said…", "Local authorities
 * said…", "Rescue teams reported…", "Police said…". Neither NER nor capitalised runs find them as
 * one name (CoreNLP tags none of them), so their statements had no claimant or an unnamed one. Before a
 * reporting verb they speak as an organisation does: one organisation candidate per phrase.
 */

/** The collective word a body's phrase ends in; all but "police" need a word before them. */
const HEADS = new Set(['services', 'authorities', 'teams', 'crews', 'brigades', 'units', 'police']);
/** Lower-case words that may qualify such a body ("emergency services", "local authorities"). */
const QUALIFIERS = new Set(
  (
    'emergency rescue fire local regional city municipal state federal district provincial health medical ' +
    'ambulance security border coast port harbour harbor civil military police search relief aid utility ' +
    'water power gas railway rail transport traffic welfare forest mountain sea air'
  ).split(' '),
);
/** A reporting verb after the phrase, a few adverbs or auxiliaries allowed between. */
const VERB_AFTER = /^\s+(?:(?:also|later|then|previously|have|has|had)\s+){0,2}([a-z]+)\b/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** A word that may stand before the head: a listed qualifier, a demonym, or a capitalised non-function word. */
function isQualifier(word: string): boolean {
  const w = word.toLowerCase();
  if (QUALIFIERS.has(w) || w in DEMONYMS) return true;
  return /^\p{Lu}/u.test(word) && !SENTENCE_STARTERS.has(w) && !(w in SPEECH_VERBS);
}

/**
 * Collective bodies right before a reporting verb, as organisation spans. A name the finder found
 * inside the phrase ("Emergency", "Local", "Belgorod") becomes part of it, as with the governing
 * bodies of qualified.ts; a phrase an organisation already covers is left to it.
 */
export function collectiveBodies(text: string, spans: NameSpan[]): NameSpan[] {
  let out = spans;
  for (const m of text.matchAll(/\b(\p{L}+)\b/gu)) {
    const head = m[1]!;
    if (!HEADS.has(head.toLowerCase())) continue;
    const end = m.index + head.length;
    const verb = VERB_AFTER.exec(text.slice(end, end + 40));
    if (!verb || !SPEECH_VERBS[verb[1]!]) continue;
    // Up to two qualifying words before the head, on the same line, single spaces between.
    let start = m.index;
    for (let n = 0; n < 2; n++) {
      const q = /(\p{L}[\p{L}-]*) $/u.exec(text.slice(Math.max(0, start - 30), start));
      if (!q || !isQualifier(q[1]!)) break;
      start -= q[0].length;
    }
    if (start === m.index && head.toLowerCase() !== 'police') continue;
    const span = { start, end };
    if (out.some((s) => overlaps(s, span) && (s.type === 'ORGANIZATION' || s.end > end || s.start < start))) continue;
    const body: NameSpan = {
      ...span,
      text: text.slice(start, end),
      type: 'ORGANIZATION',
      source: 'collective-pattern',
      confidence: 0.6,
    };
    out = [...out.filter((s) => !overlaps(s, span)), body];
  }
  return out.sort((a, b) => a.start - b.start);
}
