import type { NameFinder, NameSpan } from './types';
import { ORG_HEADS } from '../link/normalise';
import {
  BODY_WORDS,
  CAPITALS,
  DAYS,
  DEMONYMS,
  MONTHS,
  NAME_HEADS,
  PLURAL_COUNTRIES,
  SENTENCE_STARTERS,
  TITLE_ADJECTIVES,
  TITLES,
} from './lexicon';
import { isPlace, placeLength, portfolioLength } from './office-place';
import { ABBREVIATIONS, splitSentences } from './sentences';

export const JS_FINDER_VERSION = '1.8.0';

/** Word tokens: letters/digits joined by inner hyphens, apostrophes or dots ("Lvova-Belova", "U.S.", "Su-34"). */
const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?/gu;
/** Lower-case words allowed inside a name ("Council of Europe", "Ministry of Defence"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'al', 'bin', 'von', 'van', 'der']);
/** Group nouns not in "-s" ("Police of Ostrava"): with plurals, a group of people before "of", never a name's head. */
const GROUPS = new Set(['police', 'people', 'personnel']);
/** A plural ("Residents", "Witnesses"; not "Congress", "Campus", "Genesis") or a group noun that heads no name. */
const isGroup = (w: string) => !NAME_HEADS.has(w) && (GROUPS.has(w) || /(?<![sui])s$/.test(w));
/**
 * Plurals that head names of orders, fraternities and societies ("Knights of Columbus", "Sisters of
 * Mercy", "Daughters of Charity"): kept before "of" + a name. A short list of exceptions rather than a
 * list of groups, since the plurals that name a group of people before "of" are open-ended (any
 * occupation: "Teachers of Ostrava"), while those heading names are few. "Friends of the victim"
 * (no name after "of") still loses the word; a family's "Sons of Lena Holm" reads as a name too.
 */
const PLURAL_HEADS = new Set(
  'knights sisters brothers sons daughters mothers friends veterans missionaries'.split(' '),
);

const isTitle = (w: Word) => TITLES.has(lower(w.text)) || TITLES.has(w.text.toLowerCase());
/** Whether run[n] is a title, or an adjective that is one before a title ("Grand" of "Grand Mufti"). */
const titleAt = (run: Word[], n: number): boolean =>
  isTitle(run[n]!) || (TITLE_ADJECTIVES.has(lower(run[n]!.text)) && !!run[n + 1] && isTitle(run[n + 1]!));
const isBodyWord = (w: Word) =>
  !isTitle(w) && (ORG_HEADS.test(w.text) || NAME_HEADS.has(lower(w.text)) || BODY_WORDS.has(lower(w.text)));

/**
 * Where a person's name starts inside a run after a title: "NATO Secretary-General Jens
 * Stoltenberg" → at "Secretary-General"; -1 when none does. A title word after "of" or "the" is the
 * complement of a name's head or of an office ("Ministry of Foreign Affairs", "Office of the Prime
 * Minister", "Secretary of Defense"), and one before a body's word names the body ("Senate Foreign
 * Relations"): the name goes on through them, and a capitalised word after them starts a person's
 * name ("Minister of Foreign Affairs Lena Holm" → at "Lena").
 */
function titleBreak(run: Word[]): number {
  for (let n = 1; n < run.length - 1; n++) {
    if (!titleAt(run, n) || titleAt(run, n - 1)) continue;
    let e = n;
    while (e < run.length && titleAt(run, e)) e++;
    let b = e;
    while (b < run.length && isBodyWord(run[b]!)) b++;
    if (b === e && !/^(of|the)$/.test(run[n - 1]!.text)) return n;
    if (b < run.length && !CONNECTORS.has(run[b]!.text)) return b;
    n = b;
  }
  return -1;
}

/** Countries of one word (general knowledge): one after "of" ends a body's name ("Security Service of Ukraine"). */
const COUNTRIES = new Set([...Object.values(DEMONYMS), ...Object.values(CAPITALS)].filter((c) => !c.includes(' ')));
/**
 * Where a person's name starts after a body's name in run[from..]: after the body's last head
 * ("General Staff", "Armed Forces", "Presidential Office") or a country after "of" ("Security Service
 * of Ukraine"), when one to four capitalised words follow it and none is a body's word; -1 otherwise.
 */
function personAfterBody(run: Word[], from: number): number {
  for (let h = run.length - 2; h >= from; h--) {
    const w = run[h]!;
    const ends =
      NAME_HEADS.has(lower(w.text)) || ORG_HEADS.test(w.text) || (run[h - 1]?.text === 'of' && COUNTRIES.has(w.text));
    if (!ends) continue;
    const rest = run.slice(h + 1);
    return rest.length <= 4 && rest.every((x) => isCap(x.text) && !isBodyWord(x)) ? h + 1 : -1;
  }
  return -1;
}
/**
 * What is left of a run after an office's titles, from its "of": a portfolio goes, with the title
 * ("Secretary of State Antony Blinken", "the Secretary of State" → nothing), and so does a body to
 * its head ("Commander of Ground Forces Tom Weir"); a place before the holder's name is a name of
 * its own ("President of South Korea Yoon Suk Yeol" → "South Korea", "Yoon Suk Yeol").
 */
function afterOffice(run: Word[]): Word[][] {
  const ws = run.slice(1).map((w) => w.text);
  const p = portfolioLength(ws);
  if (p > 0) return [run.slice(1 + p)];
  if (run.length <= 3) return [run.slice(1)];
  // A country after "of" ends a body's name ("Security Service of Ukraine"), but here it is the office's place.
  const body = run.some(isHead) ? personAfterBody(run, 1) : -1;
  if (body > 0) return [run.slice(body)];
  const n = placeLength(ws);
  if (run.length - 1 - n < (n === 1 ? 2 : 1)) return [run.slice(1)];
  return isPlace(ws.slice(0, n)) ? [run.slice(1, 1 + n), run.slice(1 + n)] : [run.slice(1 + n)];
}

/** Bodies named by what they deal with, "on" and a subject: "Committee on Foreign Affairs", "Convention on …". */
const ON_HEADS = new Set(
  'committee subcommittee commission council conference convention board panel forum institute centre center'.split(
    ' ',
  ),
);
/**
 * Words of a field a body deals with, written as common nouns in title case: plurals ("Foreign Affairs",
 * "Cluster Munitions", "Human Rights"), abstract nouns by their endings ("Homeland Security",
 * "Disarmament", "Finance", "Energy") and a few without one ("Trade", "Climate Change").
 */
const FIELD = /(?:[^aisu]s|tion|sion|ment|ity|ence|ance|ics|ure|ism|ship|ness|cy|gy|ing)$/;
const FIELD_WORDS = new Set([
  ...BODY_WORDS,
  ...'trade change health law justice research peace labour labor commerce aid'.split(' '),
]);
/** Countries and capitals the lexicon knows, some of which read as plurals ("United States", "Philippines"). */
const PLACES = new Set(
  [...Object.keys(CAPITALS), ...Object.values(DEMONYMS), ...PLURAL_COUNTRIES].map((p) => p.toLowerCase()),
);
const readsAsField = (w: Word) => FIELD.test(lower(w.text)) || FIELD_WORDS.has(lower(w.text));
/**
 * Whether "on" after ws[j] goes inside the name: after such a head and before a capitalised subject
 * that reads as a field, one of whose words is a common noun ("Committee on Foreign Affairs"). A
 * place there is what the body met about, not its name ("briefed the Security Council on Syria",
 * "… on North Korea"), whether or not the lexicon lists it, and so is a day or month ("the Council on
 * Monday"); a possessive ends the subject ("the Council on Russia's war").
 */
function joinsOn(text: string, ws: Word[], j: number): boolean {
  const subject = ws[j + 2];
  if (!subject || !ON_HEADS.has(lower(ws[j]!.text)) || !isCap(subject.text)) return false;
  if (text.slice(ws[j]!.end, ws[j + 1]!.start) !== ' ' || text.slice(ws[j + 1]!.end, subject.start) !== ' ')
    return false;
  let e = j + 2;
  while (ws[e + 1] && text.slice(ws[e]!.end, ws[e + 1]!.start) === ' ' && isCap(ws[e + 1]!.text)) e++;
  if (ws[e + 1]?.text === "'s") return false;
  if (PLACES.has(text.slice(subject.start, ws[e]!.end).toLowerCase())) return false;
  return ws.slice(j + 2, e + 1).some(readsAsField);
}

/** An office's title before "of the" ("Chief", "head", "Commander-in-Chief"): what follows names its body. */
const isOfficeTitle = (w: Word | undefined) => !!w && w.text.split('-').some((p) => TITLES.has(p.toLowerCase()));

/**
 * Lower-case nouns that a place or people before them modifies ("the Kharkiv region", "the Russian
 * army"): a capitalised word after "of the" followed by one is that noun's, so "Council of the
 * Kharkiv region" joins nothing and "Kharkiv" stays a name of its own.
 */
const MODIFIED_NOUNS = new Set(
  'region oblast province district county city town village area border side army military forces troops government authorities people'.split(
    ' ',
  ),
);
/** A name's head before "of" ("Ministry", "Bank", "Friends"): where a run may go on over "of the". */
const isHead = (w: Word) => NAME_HEADS.has(lower(w.text)) || ORG_HEADS.test(w.text) || PLURAL_HEADS.has(lower(w.text));
/**
 * Heads that head a name only after a word naming whose they are ("General Staff", "Joint Staff"):
 * first in a run they are the common noun, the people working somewhere ("Staff of the Ostrava
 * Hospital", "Staff at Ostrava Hospital" → "Ostrava Hospital"), and alone no name.
 */
const MODIFIED_HEADS = new Set(['staff']);
/** Whether ws[n] is such a head with no modifier before it in the run ws[i..]. */
const bareHead = (ws: Word[], i: number, n: number) =>
  MODIFIED_HEADS.has(lower(ws[n]!.text)) && (n === i || SENTENCE_STARTERS.has(lower(ws[n - 1]!.text)));

/** Whether ws[i..j], all titles (after a first "The"), is followed by a possessive and a body's head ("President's Office"). */
function officeOf(text: string, ws: Word[], i: number, j: number): boolean {
  const head = ws[j + 2];
  return (
    !!head &&
    text.slice(ws[j + 1]!.end, head.start) === ' ' &&
    (NAME_HEADS.has(lower(head.text)) || ORG_HEADS.test(head.text)) &&
    isCap(head.text) &&
    ws.slice(i, j + 1).every((w, n) => isTitle(w) || (n === 0 && j > i && SENTENCE_STARTERS.has(lower(w.text))))
  );
}

/** A month's dot never joins a name, and "Jan" is also a given name. */
const MONTH_ABBR = /^(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/;
/** Initials ("J.", "U.S.") and the abbreviations after which the splitter ends no sentence ("Gen.", "St.", "Inc."). */
function keepsStop(t: string): boolean {
  const w = t.slice(0, -1).toLowerCase();
  return /^(\p{Lu}\.)+$/u.test(t) || (/^\p{Lu}/u.test(t) && ABBREVIATIONS.has(w) && !MONTH_ABBR.test(w));
}
/**
 * A company's legal suffix ends its name and keeps its dot ("Acme Inc.", as the company writes it;
 * one full stop serves both when the sentence ends there). The splitter cannot tell whether that
 * stop also ends the sentence, so the run ends here ("Acme Inc. Its chief" → "Acme Inc.").
 */
const COMPANY_SUFFIX = /^(inc|ltd|corp|co)\.$/i;

interface Word {
  start: number;
  end: number;
  text: string;
}

function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let t = m[0];
    // A possessive ends the name: "Russia’s Defense Ministry" → "Russia", then "Defense Ministry".
    const poss = /['’]s$/.exec(t);
    if (poss) t = t.slice(0, -2);
    // A full stop after a name ends the sentence ("Lena Holm."): only initials and abbreviations keep theirs.
    if (t.endsWith('.') && !keepsStop(t)) t = t.slice(0, -1);
    out.push({ start: m.index, end: m.index + t.length, text: t });
    if (poss) out.push({ start: m.index + t.length, end: m.index + t.length + 2, text: "'s" });
  }
  return out;
}

/**
 * Only English is extracted: a capitalised word in another script ("Белгород" in an English text)
 * is not read as a name, since this finder can neither type it nor quote it as the English name.
 * It is dropped rather than kept, and a name of the graph written so is still found by the
 * gazetteer pass (exact aliases), which needs no capitals.
 */
const isCap = (w: string) => /^[\p{Lu}\d]/u.test(w) && /\p{L}/u.test(w) && !/[^\p{Script=Latin}\P{L}]/u.test(w);
const lower = (w: string) => w.toLowerCase().replace(/\.$/, '');
/** A title-case line ("Russia Mistakenly Bombs Own City"): every word capitalised, so capitals say nothing. */
function isTitleCase(ws: Word[]): boolean {
  const content = ws.filter((w) => !CONNECTORS.has(w.text) && !/^(a|an|on|in|at|to|by|with|and|or)$/.test(w.text));
  return content.length >= 4 && content.every((w) => isCap(w.text));
}

/**
 * Whether the run ws[i..j] goes on over "of the" to a capitalised name ("Friends of the Earth",
 * "Ministry of the Interior", "Bank of the Russian Federation", "Ministry of Defence of the Russian
 * Federation"). Only after a name's head before an "of" in the run: an article after "of" mostly
 * starts a common noun phrase ("the mayor of the city", "residents of the Kharkiv region"), and a
 * capitalised word there is a name of its own unless a head makes the whole a name. Not when what
 * follows "the" is a lone demonym or modifies a lower-case noun ("of the Russian army").
 */
function joinsOfThe(text: string, ws: Word[], i: number, j: number): boolean {
  const gap = (n: number) => text.slice(ws[n]!.end, ws[n + 1]!.start) === ' ';
  if (ws[j + 1]?.text !== 'of' || ws[j + 2]?.text !== 'the' || !ws[j + 3] || !isCap(ws[j + 3]!.text)) return false;
  if (!gap(j) || !gap(j + 1) || !gap(j + 2)) return false;
  const headOf = (n: number) => isHead(ws[n]!) && !bareHead(ws, i, n) && (n === j || ws[n + 1]!.text === 'of');
  if (!ws.slice(i, j + 1).some((_, n) => headOf(i + n))) return false;
  let e = j + 3;
  while (e + 1 < ws.length && gap(e) && isCap(ws[e + 1]!.text)) e++;
  if (e === j + 3 && lower(ws[e]!.text) in DEMONYMS) return false;
  return !(e + 1 < ws.length && gap(e) && MODIFIED_NOUNS.has(ws[e + 1]!.text));
}

/**
 * Proper-noun spans by capitalisation: runs of capitalised words (with "of", "the"… inside),
 * minus sentence-initial function words, leading titles ("President", "Mr.") and lone demonyms,
 * days and months. Untyped (UNKNOWN) unless the gazetteer knows the name. Cost: one pass, ~1 ms
 * for a news article.
 */
export function capitalisedRuns(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const pending: Word[][] = [];
  const emit = (r: Word[]) => {
    let run = r;
    while (run.length && CONNECTORS.has(lower(run[run.length - 1]!.text))) run = run.slice(0, -1);
    while (run.length && CONNECTORS.has(lower(run[0]!.text))) run = run.slice(1);
    if (!run.length) return;
    const only = run.length === 1 ? lower(run[0]!.text) : '';
    if (
      only &&
      (DAYS.has(only) ||
        MONTHS.has(only) ||
        only in DEMONYMS ||
        TITLES.has(only) ||
        SENTENCE_STARTERS.has(only) ||
        MODIFIED_HEADS.has(only))
    )
      return;
    if (run.every((w) => DAYS.has(lower(w.text)) || MONTHS.has(lower(w.text)) || /^\d/.test(w.text))) return;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    out.push({ start, end, text: text.slice(start, end), type: 'UNKNOWN', source: 'js', confidence: 0.5 });
  };
  // A capitalised word that the article also writes in lower case ("Drone" / "a drone") is a common word.
  const lowerWords = new Set([...text.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}-]*/gu)].map((m) => m[0]));
  for (const s of splitSentences(text)) {
    const ws = words(text, s.start, s.end);
    if (isTitleCase(ws)) continue;
    let i = 0;
    while (i < ws.length) {
      if (!isCap(ws[i]!.text)) {
        i++;
        continue;
      }
      let j = i;
      // Extend over capitalised words separated by single spaces, and connectors between two of them.
      while (j + 1 < ws.length) {
        const gap = text.slice(ws[j]!.end, ws[j + 1]!.start);
        if (gap !== ' ' && gap !== '') break;
        // "Co. Cork" (a county) starts with the word: only a suffix after a name ends it.
        if (j > i && COMPANY_SUFFIX.test(ws[j]!.text)) break;
        const next = ws[j + 1]!.text;
        if (isCap(next)) j++;
        // "Prosecutor General's Office", "the President's Office": an office's possessive before a body's
        // head is that body's name; after any other name it ends the name ("Russia's Defense Ministry").
        else if (next === "'s" && officeOf(text, ws, i, j)) j += 2;
        else if (next === 'of' && joinsOfThe(text, ws, i, j)) j += 3;
        else if (next === 'on' && joinsOn(text, ws, j)) j += 2;
        else if (
          CONNECTORS.has(next) &&
          j + 2 < ws.length &&
          isCap(ws[j + 2]!.text) &&
          text.slice(ws[j + 1]!.end, ws[j + 2]!.start) === ' '
        )
          j += 2;
        else break;
      }
      let run = ws.slice(i, j + 1);
      // Sentence-initial, a word before "of" is a group of people ("Residents of Ostrava" → "Ostrava"),
      // or the head of a name even where the text writes it in lower case ("Ministry of Defence"), also
      // after a sentence-initial "The" ("The Ministry of Defence said. The ministry…").
      const first = run.findIndex((w) => !SENTENCE_STARTERS.has(lower(w.text)));
      const f = i + Math.max(0, first);
      const beforeOf = ws[f + 1]?.text === 'of' ? ws[f] : undefined;
      // A plural heading a name needs the name after "of" in the same run.
      const ofName = j > f + 1;
      const heads = (w: string) => NAME_HEADS.has(w) || (PLURAL_HEADS.has(w) && ofName);
      i = j + 1;
      // Trim what is capitalised for other reasons.
      if (run[0]!.start === s.start || /["“‘(]$/.test(text.slice(s.start, run[0]!.start))) {
        const common = (w: Word) =>
          SENTENCE_STARTERS.has(lower(w.text)) ||
          (w === beforeOf
            ? !heads(lower(w.text)) && (isGroup(lower(w.text)) || lowerWords.has(lower(w.text)))
            : lowerWords.has(lower(w.text)));
        while (run.length && common(run[0]!)) run = run.slice(1);
      }
      // "Staff of Ostrava Hospital": the name is what follows "of".
      if (run.length > 2 && MODIFIED_HEADS.has(lower(run[0]!.text)) && run[1]!.text === 'of') run = run.slice(2);
      if (!run.length) continue;
      // "Chief of the General Staff Tom Weir", "Head of the Presidential Office Tom Weir": after an office
      // "of the" comes its body's name, and a person's name after the body's head is the office holder.
      const at = ws.indexOf(run[0]!);
      const held = ws[at - 1]?.text === 'the' && ws[at - 2]?.text === 'of' && isOfficeTitle(ws[at - 3]);
      const holder = held ? personAfterBody(run, 0) : -1;
      if (holder > 0) {
        pending.push(run.slice(0, holder));
        run = run.slice(holder);
      }
      // After an office's "of the" as after its "of": "Secretary of the Treasury", "President of the United States …".
      if (held && !run.some(isHead)) {
        const parts = afterOffice([ws[at - 2]!, ...run]);
        run = parts.pop()!;
        pending.push(...parts);
      }
      if (!run.length) {
        for (const r of pending.splice(0)) emit(r);
        continue;
      }
      if (!NAME_HEADS.has(lower(run[run.length - 1]!.text))) {
        // "NATO Secretary-General Jens Stoltenberg": a title inside a run separates two names.
        const k = titleBreak(run);
        if (k > 0) {
          const head = run.slice(0, k);
          // "Secretary of Defense", "Minister of Foreign Affairs" before a name is the person's office.
          const afterTitles = head.findIndex((w) => !isTitle(w));
          const office = afterTitles > 0 && head[afterTitles]!.text === 'of';
          if (!office && !(head.length === 1 && lower(head[0]!.text) in DEMONYMS)) pending.push(head);
          run = run.slice(k);
        }
        // "Defence Ministry of Rastavia", "Foreign Affairs": a title word before a body's word names the body.
        // A title that is also a name's head ("Army") heads the name before "of": "Army of Ruritania".
        // Titles before "of" and a place are an office, which is no name: the place is the mention,
        // however many titles there are — "President of Ukraine", "Rabbi of Kyiv", "Chief Rabbi of Kyiv",
        // "Grand Mufti of Jerusalem" → the place, which the gazetteer can type; then see afterOffice.
        const leadingTitle = () =>
          run.length > 1 &&
          !isBodyWord(run[1]!) &&
          !(run[1]!.text === 'of' && NAME_HEADS.has(lower(run[0]!.text))) &&
          (titleAt(run, 0) || (lower(run[0]!.text) in DEMONYMS && isTitle(run[1]!)));
        while (leadingTitle()) run = run.slice(1);
        if (run[0]?.text === 'of') {
          const parts = afterOffice(run);
          run = parts.pop()!;
          pending.push(...parts);
        }
      }
      while (run.length && /-(made|based|born|led|backed)$/i.test(run[0]!.text)) run = run.slice(1);
      pending.push(run);
      for (const r of pending.splice(0)) emit(r);
    }
  }
  return out;
}

/** The pure-JS name finder (NEWSGRAPH_EXTRACTOR=js): capitalised runs, typed later by the gazetteer or a person. */
export const jsNameFinder: NameFinder = {
  info: { name: 'js', version: JS_FINDER_VERSION },
  find: async (text) => capitalisedRuns(text),
};
