import { nameKey } from './normalise';

/*
 * Abbreviations in entity linking. Articles write "Russian MoD", "the SBU", "U.N.", "AFU" for
 * bodies the graph knows by their full names (or the reverse), which neither exact aliases nor edit
 * distance can match. Two sources, both only for proposals (a person confirms):
 *  - an explicit list of the abbreviations the corpus uses, expanded where they are written in
 *    capitals ("MoD", "FSB"; never the words "us" or "un");
 *  - an acronym of a name's initials ("AFU" ↔ "Armed Forces of Ukraine"), with a caution, since
 *    initials can stand for other names.
 * The place rule (places.ts) is applied by the caller to the expanded names as well, so "SBU"
 * (Security Service of Ukraine) is never proposed as the FSB.
 */

/** Expansions, lower case, keyed by the abbreviation without dots. Several spellings of one body are listed. */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  mod: ['ministry of defence', 'defence ministry'],
  mfa: ['ministry of foreign affairs', 'foreign ministry'],
  fsb: ['federal security service'],
  sbu: ['security service of ukraine'],
  zsu: ['armed forces of ukraine'],
  un: ['united nations'],
  unsc: ['united nations security council'],
  nato: ['north atlantic treaty organization'],
  pace: ['parliamentary assembly of the council of europe'],
};

/** Words initials skip ("Armed Forces of Ukraine" → AFU). */
const MINOR = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', 'du', 'des']);

/** "U.N." → "UN": dots between single letters dropped. */
const undot = (w: string) => (/^(?:\p{L}\.){2,}$/u.test(w) ? w.replace(/\./g, '') : w);

/** An abbreviation as written: two or more capitals in a word of up to six letters ("MoD", "FSB", "U.N."). */
const isAbbreviation = (w: string) => w.length <= 6 && (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /^\p{L}+$/u.test(w);

/** The comparison key without a leading "the" and with acronyms' dots dropped. */
const bare = (name: string) =>
  nameKey(name.split(' ').map(undot).join(' '))
    .replace(/^the /, '')
    .replace(/ \([^)]*\)$/, '');

/**
 * The keys of a name with its listed abbreviations expanded ("Russian MoD" → "russian ministry of
 * defence", "russian defence ministry"); empty when it has none. At most 8 variants.
 */
export function expansions(name: string): string[] {
  let out = [''];
  let expanded = false;
  for (const raw of name.normalize('NFKC').trim().split(/\s+/)) {
    const w = undot(raw.replace(/['’]s$/, ''));
    const list = isAbbreviation(w) ? ABBREVIATIONS[w.toLowerCase()] : undefined;
    const poss = /['’]s$/.test(raw) ? "'s" : '';
    const alts = list ? list.map((x) => x + poss) : [raw];
    expanded ||= !!list;
    out = out.flatMap((o) => alts.map((x) => `${o} ${x}`)).slice(0, 8);
  }
  return expanded ? out.map(bare) : [];
}

/** A word written as an abbreviation ("FSB", "U.N.", or a listed one such as "MoD"): never a surname. */
export const isWrittenAbbreviation = (word: string): boolean => {
  const w = undot(word);
  return /^\p{Lu}{2,6}$/u.test(w) || (isAbbreviation(w) && w.toLowerCase() in ABBREVIATIONS);
};

/** "X ministry" written as "ministry of X" ("russia's defence ministry" → "russia's ministry of defence"), or null. */
const HEAD_LAST = /^(.*?)([\p{L}-]+) (ministry|department|committee|council)$/u;
export function headFirst(key: string): string | null {
  const m = HEAD_LAST.exec(key);
  return m && !MINOR.has(m[2]!) ? `${m[1]}${m[3]} of ${m[2]}` : null;
}

/** A word written as one of the listed abbreviations ("MoD", "MOD", "U.N."; not "mod" or "Un"). */
export const isListedAbbreviation = (word: string): boolean => {
  const w = undot(word);
  return isAbbreviation(w) && w.toLowerCase() in ABBREVIATIONS;
};

/** A single word written as an acronym of three to six letters ("AFU", "U.S.A."), lower case; else null (two letters match too much). */
export function acronymOf(name: string): string | null {
  const t = name
    .normalize('NFKC')
    .trim()
    .replace(/^the\s+/i, '');
  const w = undot(t);
  return /^\p{Lu}{3,6}$/u.test(w) ? w.toLowerCase() : null;
}

/** Initials of a name of two or more words: with and without the minor words ("mod" and "md" for "Ministry of Defence"). */
export function initialsOf(name: string): string[] {
  const words = bare(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const major = words
    .filter((w) => !MINOR.has(w))
    .map((w) => w[0])
    .join('');
  return [...new Set([major, all])].filter((x) => x.length >= 3);
}

export { bare as abbreviationKey };
