import type { EntityType, Span } from '../batch';
import { SPEECH_VERBS, STANCE_OF_VERB } from './lexicon';
import { asciiQuotes, type splitSentences } from './sentences';
import { adjacentQuotation, MIN_STATEMENT_CHARS, pastWhenOrHow } from './statement';

export const ATTRIBUTION_VERSION = '1.1.0';

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
const UNNAMED =
  /(?:^|[^\w])((?:(?:defen[cs]e|military|western|ukrainian|russian|american|european|local|senior|regional|government|independent|security|intelligence|u\.s\.|us|uk)\s+)?(?:officials|experts|analysts|sources|residents|witnesses|authorities|observers|media))\s+(?:also\s+)?$/i;
/** A role noun standing for a body or person named before ("the ministry said"). */
const ROLE =
  /\b(?:the|a)\s+(ministry|governor|agency|kremlin|military|army|committee|service|spokesman|spokeswoman|president|mayor|government|department|office|council)\s+$/i;
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
  /** Claimants of the claims found so far, with where their sentence ended. */
  recent: { cluster?: number; type: EntityType; at: number }[];
  /** Sentence subjects so far (see sentenceSubject). */
  subjects: { cluster: number; type: EntityType; end: number }[];
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
  const boundary = Math.max(
    left.lastIndexOf('," '),
    left.lastIndexOf(',” '),
    left.lastIndexOf('; '),
    left.lastIndexOf(': '),
  );
  const from = sentence.start + (boundary >= 0 ? boundary + 3 : 0);
  const region = c.t.slice(from, v);
  const candidates = c.mentions.filter(
    (m) => m.start >= from && m.end <= v && !inside(c.quotes, m.start) && m.type !== 'WEAPON',
  );
  const appositive = /,([^,"]{1,100}),\s*$/.exec(region);
  if (appositive) {
    const appStart = from + appositive.index;
    const before = candidates.filter((m) => m.end <= appStart);
    const head = before.filter((m) => m.type === 'PERSON' || m.type === 'ORGANIZATION').pop() ?? before.pop();
    // "The ousted mayor of Melitopol, Ivan Fedorov, said": the person named in the appositive.
    const named = candidates.find(
      (m) => m.start > appStart && c.t.slice(appStart, v).replace(/[\s,]/g, '') === m.text.replace(/\s/g, ''),
    );
    if (named && head?.type !== 'PERSON') return ref(named);
    if (head) return ref(head);
  }
  const near = candidates.filter((m) => c.t.slice(m.end, v).trim().split(/\s+/).filter(Boolean).length <= 6);
  const nearest = near.pop();
  if (nearest) {
    // "the Kremlin's spokesman said": the organisation; "Belgorod governor X said": X (the nearest) — both by proximity.
    return ref(nearest);
  }
  const role = ROLE.exec(c.t.slice(Math.max(sentence.start, v - 40), v));
  if (role) {
    const noun = role[1]!.toLowerCase();
    const at = v - role[0].length + role[0].search(/\S/);
    const prior = c.mentions
      .filter((m) => m.end <= at && !inside(c.quotes, m.start) && m.text.toLowerCase().includes(noun))
      .pop();
    if (prior)
      return {
        start: at,
        end: v - (c.t.slice(0, v).length - c.t.slice(0, v).trimEnd().length),
        text: '',
        cluster: prior.cluster,
        resolvedBy: 'role',
      };
  }
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
  const typed = personal ? (t: EntityType) => t === 'PERSON' : (t: EntityType) => t === 'ORGANIZATION' || t === 'PLACE';
  const loose = (t: EntityType) => typed(t) || t === 'UNKNOWN';
  // 1. the subject of the previous sentence; 2. the speaker of a claim just before; 3. the last
  // matching name outside quotations. Untyped names qualify for 1 and 2: a speaker referred to
  // as "he" is a person whatever the name finder said.
  const prev = c.subjects.filter((x) => x.end <= at).pop();
  const subject = prev && at - prev.end < 300 && loose(prev.type) ? prev.cluster : undefined;
  const recent = c.recent
    .filter((r) => r.at <= at && at - r.at < 400 && r.cluster !== undefined && loose(r.type))
    .pop()?.cluster;
  const prior = c.mentions.filter((m) => m.end <= at && !inside(c.quotes, m.start) && typed(m.type)).pop()?.cluster;
  const cluster = subject ?? recent ?? prior;
  if (cluster === undefined) return undefined;
  return { start: at, end: at + word.length, text: c.text.slice(at, at + word.length), cluster, resolvedBy: 'pronoun' };
}

/** The grammatical subject of a sentence, roughly: the first name within three words, after a leading "In …," phrase. */
function sentenceSubject(c: Ctx, s: Span): Mention | undefined {
  const st = c.t.slice(s.start, s.end);
  if (/^"/.test(st)) return undefined;
  const lead =
    /^(?:(?:in|on|at|during|after|before|since|while|as|again|meanwhile|however|last|earlier|later)\b[^,]{0,60},\s*)?/i.exec(
      st,
    )![0];
  const from = s.start + lead.length;
  return c.mentions.find(
    (m) =>
      m.start >= from &&
      m.end <= s.end &&
      !inside(c.quotes, m.start) &&
      c.t.slice(from, m.start).trim().split(/\s+/).filter(Boolean).length <= 3 &&
      m.type !== 'WEAPON',
  );
}

/** The first mention after `from` within a few words (inverted "…," said X; "according to X"). */
function mentionAfter(c: Ctx, from: number, end: number, maxWords = 8): Mention | undefined {
  return c.mentions.find(
    (m) =>
      m.start >= from &&
      m.end <= end &&
      m.type !== 'WEAPON' &&
      c.t.slice(from, m.start).trim().split(/\s+/).filter(Boolean).length <= maxWords,
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
        const rest = c.t.slice(from, s.end);
        const lead =
          /^[\s,:]*(?:(?:on|late|early|in)\s+)?(?:(?:\w+day|reporters|russian media|[A-Z][\w-]*(?: [A-Z][\w-]*)*)\s+)?(?:that\s+)?/.exec(
            rest,
          );
        from = pastWhenOrHow(c.t, from + (lead ? lead[0].length : 0), s.end);
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

function unnamedBefore(c: Ctx, s: Span, v: number, text: string): RefDraft | undefined {
  const from = Math.max(s.start, v - 60);
  const un = UNNAMED.exec(c.t.slice(from, v));
  if (!un) return undefined;
  const at = from + un.index + un[0].indexOf(un[1]!);
  return { start: at, end: at + un[1]!.length, text: text.slice(at, at + un[1]!.length), resolvedBy: 'role' };
}

function pronounAfter(c: Ctx, from: number, end: number): RefDraft | undefined {
  const m = /^\s*(he|she|it|they)\b/i.exec(c.t.slice(from, end));
  if (!m) return undefined;
  return resolvePronoun(c, from + m[0].length - m[1]!.length, m[1]!);
}
