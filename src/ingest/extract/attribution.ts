import type { Span } from '../batch';
import { SPEECH_VERBS, STANCE_OF_VERB } from './lexicon';
import { asciiQuotes, type splitSentences } from './sentences';
import {
  type Ctx,
  inside,
  type Mention,
  mentionAfter,
  pronounAfter,
  pronounBefore,
  type RefDraft,
  ref,
  sentenceSubject,
  subjectBefore,
  unnamedBefore,
} from './speaker';
import { adjacentQuotation, leadAfterCue, MIN_STATEMENT_CHARS, pastDateline, pastWhenOrHow } from './statement';

export type { Mention, RefDraft } from './speaker';

export const ATTRIBUTION_VERSION = '1.5.0';

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
  const c: Ctx = {
    text,
    t: asciiQuotes(text),
    mentions: [...mentions].sort((a, b) => a.start - b.start),
    quotes: quotedSpans(text),
    recent: [],
    subjects: [],
  };
  const out: ClaimDraft[] = [];
  let lastQuoted: ClaimDraft | undefined;
  // The end of a quotation taken as the statement of the sentence before it: not a claim again.
  let takenTo = -1;
  const taken = (q: Span) => out.some((d) => d.statement.start < q.end && d.statement.end > q.start);
  for (const s of sentences) {
    if (s.start < takenTo) continue;
    const st = c.t.slice(s.start, s.end);
    const drafts: ClaimDraft[] = [];
    let accordingTo: { ref: RefDraft; cue: Span } | undefined;
    const acc = /\b(according to|citing)\s+/i.exec(st);
    if (acc && !inside(c.quotes, s.start + acc.index)) {
      const from = s.start + acc.index + acc[0].length;
      const stop = c.t.slice(from, s.end).search(/[,;]/);
      const np = c.mentions.filter(
        (x) => x.start >= from && x.end <= (stop < 0 ? s.end : from + stop) && x.type !== 'WEAPON',
      );
      // The head of "the Kharkiv oblast governor Oleh Syniehubov" is the person at its end.
      const m =
        np.filter((x) => x.type === 'PERSON').pop() ??
        np.filter((x) => x.type === 'UNKNOWN').pop() ??
        np.find((x) => x.type === 'ORGANIZATION') ??
        np[0] ??
        mentionAfter(c, from, s.end);
      if (m)
        accordingTo = { ref: ref(m), cue: { start: s.start + acc.index, end: s.start + acc.index + acc[1]!.length } };
    }
    for (const w of st.matchAll(/[A-Za-z]+/g)) {
      const lemma = SPEECH_VERBS[w[0].toLowerCase()];
      if (!lemma) continue;
      const v = s.start + w.index!;
      if (inside(c.quotes, v)) continue;
      if (DETERMINER_BEFORE.test(c.t.slice(Math.max(s.start, v - 8), v))) continue;
      // A noun after a possessive ("Ukraine's state railway", "the ministry's report"), or "state" before
      // a noun ("state media", "state television"), is no speech verb.
      if (/['’]s\s+$/.test(c.t.slice(Math.max(s.start, v - 3), v))) continue;
      if (lemma === 'state' && /^state\s+(?!that\b)[a-z]/.test(st.slice(w.index!))) continue;
      const cueSpan = { start: v, end: v + w[0].length };
      let claimant: RefDraft | undefined;
      let statement: Span | undefined;
      const before = c.t.slice(s.start, v);
      const inverted = /[,!?]\s*"\s*$/.test(before) || /"\s*,\s*$/.test(before);
      if (inverted) {
        const m = mentionAfter(c, cueSpan.end, s.end, 6);
        claimant = m ? ref(m) : pronounAfter(c, cueSpan.end, s.end);
      }
      // The words right before the verb decide first: a pronoun, an unnamed source ("local
      // officials said"), then the named subject of the clause.
      claimant ??= pronounBefore(c, s, v) ?? unnamedBefore(c, s, v, text) ?? subjectBefore(c, s, v);
      if (!claimant) continue;
      // The statement: the quotation just before the verb, else what follows it.
      const closing = before.lastIndexOf('"');
      // (The speaker may sit between the quotation and the verb with a long appositive of their own.)
      if (
        closing >= 0 &&
        (c.t.slice(s.start + closing + 1, v).trim().length < 60 || claimant.start > s.start + closing)
      ) {
        const para = c.t.lastIndexOf('\n', s.start + closing) + 1;
        const open = c.t.lastIndexOf('"', s.start + closing - 1);
        statement = { start: Math.max(para, open + 1), end: s.start + closing };
      } else {
        // "said on Wednesday", "said in a statement": when and how it was said is not what was said.
        let from = pastWhenOrHow(c.t, Math.max(cueSpan.end, claimant.end), s.end);
        from = pastWhenOrHow(c.t, from + leadAfterCue(c.t.slice(from, s.end), lemma), s.end);
        let end = s.end;
        if (accordingTo && accordingTo.cue.start >= from) end = accordingTo.cue.start;
        statement = { start: from, end };
        // "…, Mr. Pistorius said." / "…, the ministry said.": the statement precedes the speaker.
        if (c.t.slice(from, end).replace(/[\s.,;:"]/g, '').length < 8) {
          const comma = c.t.lastIndexOf(',', Math.min(claimant.start, v));
          if (comma > s.start) statement = { start: s.start, end: comma };
          // "X said on Wednesday." and nothing more: a quotation standing next to it, if any.
          else if (!/\p{L}/u.test(c.t.slice(from, end)))
            statement = adjacentQuotation(c.t, c.quotes, s, taken) ?? statement;
        }
      }
      while (statement.end > statement.start && /[\s,.;:"]/.test(c.t[statement.end - 1]!)) statement.end--;
      while (statement.start < statement.end && /[\s,:"]/.test(c.t[statement.start]!)) statement.start++;
      statement.start = pastDateline(c.t, statement.start, statement.end);
      if (statement.end - statement.start < MIN_STATEMENT_CHARS) continue;
      if (statement.start >= s.end) takenTo = Math.max(takenTo, statement.end);
      let via: RefDraft | undefined;
      if (accordingTo && accordingTo.ref.cluster !== claimant.cluster) via = accordingTo.ref;
      drafts.push({
        claimant,
        via,
        statement,
        cue: lemma,
        cueSpan,
        stance: stanceOf(c, lemma, statement, !!via),
        sentence: s,
      });
    }
    if (!drafts.length && accordingTo) {
      const statement = { start: s.start, end: accordingTo.cue.start };
      while (statement.end > statement.start && /[\s,.;:]/.test(c.t[statement.end - 1]!)) statement.end--;
      if (accordingTo.cue.start === s.start) {
        statement.start = Math.min(s.end, accordingTo.ref.end + 1);
        statement.end = s.end;
      }
      statement.start = pastDateline(c.t, statement.start, statement.end);
      if (statement.end - statement.start >= MIN_STATEMENT_CHARS) {
        drafts.push({
          claimant: accordingTo.ref,
          statement,
          cue: 'according to',
          cueSpan: accordingTo.cue,
          stance: stanceOf(c, 'say', statement, false),
          sentence: s,
        });
      }
    }
    // A casualty figure right after an attributed statement, in the same paragraph and without a
    // speaker of its own, is usually still that speaker's report (news style).
    const prevClaim = out[out.length - 1];
    if (
      !drafts.length &&
      prevClaim &&
      !c.t.slice(prevClaim.sentence.end, s.start).includes('\n') &&
      s.start - prevClaim.sentence.end < 3 &&
      !/"/.test(st) &&
      /\b(killed|injured|wounded|dead|died|evacuated|casualties|hurt)\b/i.test(st)
    ) {
      drafts.push({
        ...prevClaim,
        via: prevClaim.via,
        statement: { start: s.start, end: s.end - (/[.!?]$/.test(st) ? 1 : 0) },
        cue: 'continues report',
        stance: ['casualty-report'],
        sentence: s,
      });
    }
    // A paragraph that is only a quotation continues the previous quoted speaker.
    if (!drafts.length && lastQuoted && /^"/.test(st) && s.start - lastQuoted.sentence.end < 400) {
      drafts.push({
        ...lastQuoted,
        statement: { start: s.start + 1, end: s.end - (st.endsWith('"') ? 1 : 0) },
        cue: 'continues quote',
        stance: ['direct-quote'],
        sentence: s,
      });
    }
    const kept = drafts.filter(
      (d, i) =>
        !drafts
          .slice(0, i)
          .some((e) => e.claimant.cluster === d.claimant.cluster && e.statement.start === d.statement.start),
    );
    out.push(...kept);
    for (const d of kept) {
      const type = c.mentions.find((m) => m.cluster === d.claimant.cluster)?.type ?? 'UNKNOWN';
      c.recent.push({ cluster: d.claimant.cluster, type, at: s.end });
    }
    const subj = sentenceSubject(c, s);
    if (subj) c.subjects.push({ cluster: subj.cluster, type: subj.type, end: s.end });
    const quoted = kept.filter((d) => d.stance.includes('direct-quote')).pop();
    if (kept.length) lastQuoted = quoted;
  }
  return out;
}
