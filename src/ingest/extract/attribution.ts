import type { EntityType, Span } from '../batch';
import { SPEECH_VERBS, STANCE_OF_VERB } from './lexicon';
import { asciiQuotes, type splitSentences } from './sentences';

export const ATTRIBUTION_VERSION = '1.0.0';

/** An entity mention as the rules see it; `cluster` indexes the article's entities. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  cluster: number;
}

export interface RefDraft extends Span {
  text: string;
  cluster?: number;
  resolvedBy: 'name' | 'surname' | 'pronoun' | 'metonymy' | 'role';
}

export interface ClaimDraft {
  claimant: RefDraft;
  via?: RefDraft;
  statement: Span;
  cue: string;
  cueSpan: Span;
  stance: string[];
  sentence: Span;
}

type Sentences = ReturnType<typeof splitSentences>;

const PRONOUN_PERSON = /\b(he|she)\s+(?:also\s+|later\s+|then\s+)?$/i;
const PRONOUN_THING = /\b(it|they)\s+(?:also\s+|has\s+|have\s+|had\s+|did\s+|previously\s+|has previously\s+)*$/i;
/** Unnamed sources: kept as claims with an unlinked claimant for the reviewer. */
const UNNAMED = /\b((?:[a-z]+ ){0,2}(?:officials|experts|analysts|sources|residents|witnesses|authorities|observers|media))\s+(?:also\s+)?$/i;
const DETERMINER_BEFORE = /\b(the|a|an|its|his|her|their|our|in|of|this|that|these|those)\s+$/i;

/**
 * Spans between quotation marks (“…” or "…"), per paragraph; an unclosed quotation runs to the
 * end of its paragraph (news style continues quotes across paragraphs that way).
 */
export function quotedSpans(text: string): Span[] {
  const t = asciiQuotes(text);
  const out: Span[] = [];
  let para = 0;
  for (const line of t.split('\n')) {
    let open = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== '"') continue;
      if (open < 0) open = i;
      else {
        out.push({ start: para + open, end: para + i + 1 });
        open = -1;
      }
    }
    if (open >= 0) out.push({ start: para + open, end: para + line.length });
    para += line.length + 1;
  }
  return out;
}

const inside = (spans: Span[], at: number) => spans.some((q) => at >= q.start && at < q.end);

interface Ctx {
  text: string;
  t: string;
  mentions: Mention[];
  quotes: Span[];
}

const ref = (m: Mention, resolvedBy: RefDraft['resolvedBy'] = 'name'): RefDraft => ({
  start: m.start,
  end: m.end,
  text: m.text,
  cluster: m.cluster,
  resolvedBy: m.type === 'PLACE' ? 'metonymy' : resolvedBy,
});

/** The subject of a speech verb at `v`, looking left within the clause (appositives skipped). */
function subjectBefore(c: Ctx, sentence: Span, v: number): RefDraft | undefined {
  const left = c.t.slice(sentence.start, v);
  // The clause starts after a closing quotation followed by a comma, or after ; or :.
  const boundary = Math.max(left.lastIndexOf('," '), left.lastIndexOf(',” '), left.lastIndexOf('; '), left.lastIndexOf(': '));
  const from = sentence.start + (boundary >= 0 ? boundary + 3 : 0);
  const region = c.t.slice(from, v);
  const candidates = c.mentions.filter((m) => m.start >= from && m.end <= v && !inside(c.quotes, m.start) && m.type !== 'WEAPON');
  const appositive = /,([^,"]{1,100}),\s*$/.exec(region);
  if (appositive) {
    const appStart = from + appositive.index;
    const before = candidates.filter((m) => m.end <= appStart);
    const head = before.filter((m) => m.type === 'PERSON' || m.type === 'ORGANIZATION').pop() ?? before.pop();
    if (head) return ref(head);
  }
  const near = candidates.filter((m) => c.t.slice(m.end, v).trim().split(/\s+/).filter(Boolean).length <= 6);
  const nearest = near.pop();
  if (nearest) {
    // "the Kremlin's spokesman said": the organisation; "Belgorod governor X said": X (the nearest) — both by proximity.
    return ref(nearest);
  }
  if (/\b(the|a) (?:regional |local |chief )?(?:spokesman|spokeswoman|spokesperson|representative) for\s+$/i.test(region)) return undefined;
  return undefined;
}

/** A pronoun subject right before the verb, resolved to the last person (he/she) or organisation/place (it/they) outside quotations. */
function pronounBefore(c: Ctx, sentence: Span, v: number): RefDraft | undefined {
  const left = c.t.slice(Math.max(sentence.start, v - 40), v);
  const person = PRONOUN_PERSON.exec(left);
  const thing = person ? null : PRONOUN_THING.exec(left);
  if (!person && !thing) return undefined;
  return resolvePronoun(c, v - left.length + (person ?? thing)!.index, (person ?? thing)![1]!);
}

/** he/she → the last person mentioned before `at` outside quotations; it/they → the last organisation or place. */
function resolvePronoun(c: Ctx, at: number, word: string): RefDraft | undefined {
  const personal = /^(he|she)$/i.test(word);
  const wanted = personal ? (m: Mention) => m.type === 'PERSON' : (m: Mention) => m.type === 'ORGANIZATION' || m.type === 'PLACE';
  const prior = c.mentions.filter((m) => m.end <= at && !inside(c.quotes, m.start) && wanted(m)).pop();
  if (!prior) return undefined;
  return { start: at, end: at + word.length, text: c.text.slice(at, at + word.length), cluster: prior.cluster, resolvedBy: 'pronoun' };
}

/** The first mention after `from` within a few words (inverted "…," said X; "according to X"). */
function mentionAfter(c: Ctx, from: number, end: number, maxWords = 8): Mention | undefined {
  return c.mentions.find(
    (m) => m.start >= from && m.end <= end && m.type !== 'WEAPON' && c.t.slice(from, m.start).trim().split(/\s+/).filter(Boolean).length <= maxWords,
  );
}

function stanceOf(c: Ctx, lemma: string, statement: Span, via: boolean): string[] {
  const s = c.t.slice(statement.start, statement.end);
  const out = new Set<string>();
  if (STANCE_OF_VERB[lemma]) out.add(STANCE_OF_VERB[lemma]!);
  if (/"/.test(c.t.slice(statement.start - 1, statement.end + 1))) out.add('direct-quote');
  if (/\b(killed|dead|died|injured|wounded|casualties|hurt|victims)\b/i.test(s)) out.add('casualty-report');
  if (/\b(not|no|never|denied|false|fake)\b/i.test(s)) out.add('negation');
  if (/\b(accus\w*|blam\w*|terroris\w*|deliberate)\b/i.test(s)) out.add('accuses');
  if (via) out.add('relayed');
  return [...out];
}

/**
 * Attributed statements by rule: speech verbs with the subject on their left (appositives
 * skipped, pronouns resolved to the last named person or body outside quotations), inverted
 * quotes ("…," said X), and "according to X" — which, beside another speaker in the same
 * sentence, becomes the relay (`via`). A quotation paragraph that follows a quoted speaker
 * continues their claim. Quote marks are made ASCII for detection only. Cost: linear in the text
 * times the mentions per sentence.
 */
export function attribute(text: string, sentences: Sentences, mentions: Mention[]): ClaimDraft[] {
  const c: Ctx = { text, t: asciiQuotes(text), mentions: [...mentions].sort((a, b) => a.start - b.start), quotes: quotedSpans(text) };
  const out: ClaimDraft[] = [];
  let lastQuoted: ClaimDraft | undefined;
  for (const s of sentences) {
    const st = c.t.slice(s.start, s.end);
    const drafts: ClaimDraft[] = [];
    let accordingTo: { ref: RefDraft; cue: Span } | undefined;
    const acc = /\b(according to|citing)\s+/i.exec(st);
    if (acc && !inside(c.quotes, s.start + acc.index)) {
      const m = mentionAfter(c, s.start + acc.index + acc[0].length, s.end);
      if (m) accordingTo = { ref: ref(m), cue: { start: s.start + acc.index, end: s.start + acc.index + acc[1]!.length } };
    }
    for (const w of st.matchAll(/[A-Za-z]+/g)) {
      const lemma = SPEECH_VERBS[w[0].toLowerCase()];
      if (!lemma) continue;
      const v = s.start + w.index!;
      if (inside(c.quotes, v)) continue;
      if (DETERMINER_BEFORE.test(c.t.slice(Math.max(s.start, v - 8), v))) continue;
      const cueSpan = { start: v, end: v + w[0].length };
      let claimant: RefDraft | undefined;
      let statement: Span | undefined;
      const before = c.t.slice(s.start, v);
      const inverted = /[,"]\s*"?\s*$/.test(before) && /"/.test(before);
      if (inverted) {
        const m = mentionAfter(c, cueSpan.end, s.end, 6);
        claimant = m ? ref(m) : pronounAfter(c, cueSpan.end, s.end);
      }
      claimant ??= subjectBefore(c, s, v) ?? pronounBefore(c, s, v);
      if (!claimant) {
        const un = UNNAMED.exec(c.t.slice(Math.max(s.start, v - 60), v));
        if (un) {
          const at = v - (c.t.slice(Math.max(s.start, v - 60), v).length - un.index);
          claimant = { start: at, end: at + un[1]!.length, text: text.slice(at, at + un[1]!.length), resolvedBy: 'role' };
        }
      }
      if (!claimant) continue;
      // The statement: the quotation just before the verb, else what follows it.
      const closing = before.lastIndexOf('"');
      if (closing >= 0 && c.t.slice(s.start + closing + 1, v).trim().length < 60) {
        const para = c.t.lastIndexOf('\n', s.start + closing) + 1;
        const open = c.t.lastIndexOf('"', s.start + closing - 1);
        statement = { start: Math.max(para, open + 1), end: s.start + closing };
      } else {
        let from = Math.max(cueSpan.end, claimant.end);
        const rest = c.t.slice(from, s.end);
        const lead = /^[\s,:]*(?:(?:on|late|early|in)\s+)?(?:(?:\w+day|reporters|russian media|[A-Z][\w-]*(?: [A-Z][\w-]*)*)\s+)?(?:that\s+)?/.exec(rest);
        from += lead ? lead[0].length : 0;
        let end = s.end;
        if (accordingTo && accordingTo.cue.start > from) end = accordingTo.cue.start;
        statement = { start: from, end };
      }
      while (statement.end > statement.start && /[\s,.;:"]/.test(c.t[statement.end - 1]!)) statement.end--;
      while (statement.start < statement.end && /[\s,:"]/.test(c.t[statement.start]!)) statement.start++;
      if (statement.end - statement.start < 8) continue;
      let via: RefDraft | undefined;
      if (accordingTo && accordingTo.ref.cluster !== claimant.cluster) via = accordingTo.ref;
      drafts.push({ claimant, via, statement, cue: lemma, cueSpan, stance: stanceOf(c, lemma, statement, !!via), sentence: s });
    }
    if (!drafts.length && accordingTo) {
      const statement = { start: s.start, end: accordingTo.cue.start };
      while (statement.end > statement.start && /[\s,.;:]/.test(c.t[statement.end - 1]!)) statement.end--;
      if (accordingTo.cue.start === s.start) {
        statement.start = Math.min(s.end, accordingTo.ref.end + 1);
        statement.end = s.end;
      }
      if (statement.end - statement.start >= 8) {
        drafts.push({ claimant: accordingTo.ref, statement, cue: 'according to', cueSpan: accordingTo.cue, stance: stanceOf(c, 'say', statement, false), sentence: s });
      }
    }
    // A paragraph that is only a quotation continues the previous quoted speaker.
    if (!drafts.length && lastQuoted && /^"/.test(st) && s.start - lastQuoted.sentence.end < 400) {
      drafts.push({ ...lastQuoted, statement: { start: s.start + 1, end: s.end - (st.endsWith('"') ? 1 : 0) }, cue: 'continues quote', stance: ['direct-quote'], sentence: s });
    }
    const kept = drafts.filter((d, i) => !drafts.slice(0, i).some((e) => e.claimant.cluster === d.claimant.cluster && e.statement.start === d.statement.start));
    out.push(...kept);
    const quoted = kept.filter((d) => d.stance.includes('direct-quote')).pop();
    if (kept.length) lastQuoted = quoted;
  }
  return out;
}

function pronounAfter(c: Ctx, from: number, end: number): RefDraft | undefined {
  const m = /^\s*(he|she|it|they)\b/i.exec(c.t.slice(from, end));
  if (!m) return undefined;
  return resolvePronoun(c, from + m[0].length - m[1]!.length, m[1]!);
}
