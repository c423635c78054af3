import type { EntityType, Span } from '../batch';
import { isNewsAgency } from './lexicon';

/*
 * Who speaks: the subject of a speech verb by rule (a name, a pronoun, an unnamed source or a
 * role noun standing for a body named before). attribution.ts assembles the claims around it.
 */

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
  /** Why the reference is what it is, for the reviewer (a body read from an earlier name, or not). */
  note?: string;
}

const PRONOUN_PERSON = /\b(he|she)\s+(?:also\s+|later\s+|then\s+)?$/i;
const PRONOUN_THING = /\b(it|they)\s+(?:also\s+|has\s+|have\s+|had\s+|did\s+|previously\s+|has previously\s+)*$/i;
/** Unnamed sources: kept as claims with an unlinked claimant for the reviewer. */
const UNNAMED =
  /(?:^|[^\w])((?:(?:defen[cs]e|military|western|ukrainian|russian|american|european|local|senior|regional|government|independent|security|intelligence|u\.s\.|us|uk)\s+)?(?:officials|experts|analysts|sources|residents|witnesses|authorities|observers|media))\s+(?:also\s+)?$/i;
/** A role noun standing for a person or the Kremlin named before ("the governor said"): the last one. */
const ROLE = /\b(?:the|a)\s+(governor|kremlin|spokesman|spokeswoman|president|mayor)\s+$/i;
/**
 * An unnamed body ("the ministry said", "the regional administration said"), qualifiers kept: it is
 * the one organisation named before whose name has its noun, else nobody.
 */
const BODY =
  /\b(?:the|a)\s+((?:(?!the\b|a\b)[a-z-]+\s+){0,2}?)(ministry|agency|military|army|committee|service|government|department|office|council|administration|company|firm|operator|utility)\s+$/i;
/** Nouns for a business, whose name seldom has the noun ("Ukrenergo", "Gazprom"). */
const BUSINESS = new Set(['company', 'firm', 'operator', 'utility']);
/** Words that make a name a public body's (or an armed force's), never a business's. */
const PUBLIC_BODY = new Set(
  'ministry agency army committee government department office council administration service military forces force police guard kremlin parliament duma rada court prosecutor embassy commission navy command brigade'.split(
    ' ',
  ),
);

export const inside = (spans: Span[], at: number) => spans.some((q) => at >= q.start && at < q.end);

/** What the speaker rules read: the text, its mentions and quotations, and what was found so far. */
export interface Ctx {
  text: string;
  t: string;
  mentions: Mention[];
  quotes: Span[];
  /** Claimants of the claims found so far, with where their sentence ended. */
  recent: { cluster?: number; type: EntityType; at: number }[];
  /** Sentence subjects so far (see sentenceSubject). */
  subjects: { cluster: number; type: EntityType; end: number }[];
}

export const ref = (m: Mention, resolvedBy: RefDraft['resolvedBy'] = 'name'): RefDraft => ({
  start: m.start,
  end: m.end,
  text: m.text,
  cluster: m.cluster,
  resolvedBy: m.type === 'PLACE' ? 'metonymy' : resolvedBy,
});

/** The subject of a speech verb at `v`, looking left within the clause (appositives skipped). */
export function subjectBefore(c: Ctx, sentence: Span, v: number): RefDraft | undefined {
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
  // "Ukraine's air force said": a body of the place, unnamed, speaks — not the place by metonymy.
  const body = nearest?.type === 'PLACE' ? /^['’]s(?:\s+[a-z][\w-]*){1,4}\s*$/.exec(c.t.slice(nearest.end, v)) : null;
  if (nearest && body) {
    const end = nearest.end + body[0].trimEnd().length;
    return { start: nearest.start, end, text: c.text.slice(nearest.start, end), resolvedBy: 'role' };
  }
  if (nearest) {
    // "the Kremlin's spokesman said": the organisation; "Belgorod governor X said": X (the nearest) — both by proximity.
    return ref(nearest);
  }
  const unnamedBody = bodyBefore(c, sentence, v);
  if (unnamedBody) return unnamedBody;
  const role = ROLE.exec(c.t.slice(Math.max(sentence.start, v - 40), v));
  if (role) {
    const noun = role[1]!.toLowerCase();
    const at = v - role[0].length + role[0].search(/\S/);
    // A possessive names another body: "the governor's office" is not "the governor".
    const names = (m: Mention) =>
      m.text
        .toLowerCase()
        .replace(/\S+['’]s\b/g, '')
        .includes(noun);
    const prior = c.mentions.filter((m) => m.end <= at && !inside(c.quotes, m.start) && names(m)).pop();
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

/** Lower-case words of a name, a possessive's owner left out ("Russia's Defence Ministry" → defence ministry). */
const nameWords = (name: string) =>
  name
    .toLowerCase()
    .replace(/\S+['’]s\b/g, '')
    .split(/[^\p{L}-]+/u)
    .filter(Boolean);

/**
 * "the ministry said": the one organisation named before (outside quotations) whose name has the
 * noun — and the qualifiers, when they tell several apart ("the defence ministry"). With none or
 * several the claimant stays unnamed, with a note saying why.
 */
function bodyBefore(c: Ctx, sentence: Span, v: number): RefDraft | undefined {
  const m = BODY.exec(c.t.slice(Math.max(sentence.start, v - 60), v));
  if (!m) return undefined;
  const at = v - m[0].length + m[0].search(/\S/);
  const end = v - (c.t.slice(0, v).length - c.t.slice(0, v).trimEnd().length);
  const phrase = c.text.slice(at, end);
  const noun = m[2]!.toLowerCase();
  const qualifiers = m[1]!.toLowerCase().split(/\s+/).filter(Boolean);
  const bodies = new Map<number, string>();
  for (const x of c.mentions)
    if (
      x.end <= at &&
      (x.type === 'ORGANIZATION' || x.type === 'UNKNOWN') &&
      !inside(c.quotes, x.start) &&
      nameWords(x.text).includes(noun)
    )
      bodies.set(x.cluster, x.text);
  let fits = [...bodies];
  if (fits.length > 1 && qualifiers.length) {
    const narrowed = fits.filter(([, name]) => qualifiers.every((q) => nameWords(name).includes(q)));
    if (narrowed.length) fits = narrowed;
  }
  const span = { start: at, end, text: phrase };
  if (fits.length === 1) return roleRef(span, `"${phrase}" read as ${fits[0]![1]}, named earlier`, fits[0]![0]);
  if (!fits.length && BUSINESS.has(noun)) return businessBefore(c, span, noun);
  return roleRef(
    span,
    fits.length
      ? `"${phrase}" left open: ${fits.length} bodies named earlier fit (${fits.map(([, n]) => n).join(', ')})`
      : `"${phrase}" left open: no body named earlier fits`,
  );
}

/** A body read from a role noun: the one named earlier (`cluster`), or left open; `note` says which and why. */
const roleRef = (span: Span & { text: string }, note: string, cluster?: number): RefDraft => ({
  ...span,
  ...(cluster === undefined ? {} : { cluster }),
  resolvedBy: 'role',
  note,
});

/**
 * "the company said" where no name has the noun: the organisation named before (outside quotations)
 * whose name has no public body's word and is no news agency — when there is exactly one such. With
 * two or more, the last is often but not reliably the one meant ("Gazprom … Naftogaz … the company
 * said" may mean either), and a wrong claimant passes review more easily than an open one, so the
 * claimant stays open with them named in the note, as for several bodies of one noun. Only names
 * typed as organisations count: an untyped one may be a person's.
 */
function businessBefore(c: Ctx, span: Span & { text: string }, noun: string): RefDraft {
  const { start: at, text: phrase } = span;
  const firms = new Map<number, string>();
  for (const x of c.mentions)
    if (
      x.end <= at &&
      x.type === 'ORGANIZATION' &&
      !inside(c.quotes, x.start) &&
      !nameWords(x.text).some((w) => PUBLIC_BODY.has(w)) &&
      !isNewsAgency(x.text)
    ) {
      firms.delete(x.cluster);
      firms.set(x.cluster, x.text);
    }
  const fits = [...firms];
  if (fits.length === 1)
    return roleRef(
      span,
      `"${phrase}" read as ${fits[0]![1]}: the one organisation named earlier that is no public body (no name has "${noun}")`,
      fits[0]![0],
    );
  return roleRef(
    span,
    fits.length
      ? `"${phrase}" left open: ${fits.length} organisations named earlier could be it (${fits.map(([, n]) => n).join(', ')})`
      : `"${phrase}" left open: no body named earlier fits`,
  );
}

/** A pronoun subject right before the verb, resolved to the last person (he/she) or organisation/place (it/they) outside quotations. */
export function pronounBefore(c: Ctx, sentence: Span, v: number): RefDraft | undefined {
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
export function sentenceSubject(c: Ctx, s: Span): Mention | undefined {
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
export function mentionAfter(c: Ctx, from: number, end: number, maxWords = 8): Mention | undefined {
  return c.mentions.find(
    (m) =>
      m.start >= from &&
      m.end <= end &&
      m.type !== 'WEAPON' &&
      c.t.slice(from, m.start).trim().split(/\s+/).filter(Boolean).length <= maxWords,
  );
}

/**
 * An unnamed source right before the verb ("local officials said"), with its exact span; no
 * cluster. A name found over it ("Local authorities", a collective body) is the subject instead.
 */
export function unnamedBefore(c: Ctx, s: Span, v: number, text: string): RefDraft | undefined {
  const from = Math.max(s.start, v - 60);
  const un = UNNAMED.exec(c.t.slice(from, v));
  if (!un) return undefined;
  const at = from + un.index + un[0].indexOf(un[1]!);
  if (c.mentions.some((m) => m.start <= at && m.end >= at + un[1]!.length)) return undefined;
  return { start: at, end: at + un[1]!.length, text: text.slice(at, at + un[1]!.length), resolvedBy: 'role' };
}

/** A pronoun right after an inverted quote ("…," he said), resolved as before the verb. */
export function pronounAfter(c: Ctx, from: number, end: number): RefDraft | undefined {
  const m = /^\s*(he|she|it|they)\b/i.exec(c.t.slice(from, end));
  if (!m) return undefined;
  return resolvePronoun(c, from + m[0].length - m[1]!.length, m[1]!);
}
