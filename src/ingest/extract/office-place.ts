import type { EntityType } from '../batch';
import { ORG_HEADS } from '../link/normalise';
import {
  BODY_WORDS,
  CAPITALS,
  DEMONYMS,
  NAME_HEADS,
  OFFICE_NOUNS,
  PLACE_PREFIXES,
  PLACE_TAILS,
  PLURAL_COUNTRIES,
  PORTFOLIOS,
  TITLE_ADJECTIVES,
  TITLES,
} from './lexicon';
import type { NameSpan } from './types';

/*
 * Titles before "of" and a place are an office, which is no name ("Chief Rabbi of Kyiv", "Grand
 * Mufti of Jerusalem", "President of Ukraine"): the place is the mention, as the JS finder reads
 * them. CoreNLP tags such an office as one name of any type ("Rabbi of Kyiv" a PERSON, "Grand Mufti
 * of Jerusalem" a LOCATION, "Mayor of Springfield" a MISC), or the place alone as a PERSON ("Kyiv"
 * of "the Chief Rabbi of Kyiv"), also run on into the holder's name ("Kyiv Tom Weir", "Korea Yoon
 * Suk Yeol" of "President of South Korea Yoon Suk Yeol"). A portfolio after "of" ("Secretary of
 * State", "Minister of Justice") names no place at all.
 */

const lc = (w: string) => w.toLowerCase();
const isCap = (w: string) => /^\p{Lu}/u.test(w);
/** A name's head that is also a title ("Army") makes a body before "of": "Army of Ruritania". */
const isHead = (w: string) => NAME_HEADS.has(lc(w)) || ORG_HEADS.test(w);

/** Whether the words, all capitalised, are an office's titles ("Chief Rabbi", "Grand Mufti"). */
function isOffice(ws: string[]): boolean {
  const last = ws.at(-1);
  if (!last || !TITLES.has(lc(last)) || isHead(last)) return false;
  return ws.every((w, i) => isCap(w) && (TITLES.has(lc(w)) || (TITLE_ADJECTIVES.has(lc(w)) && i < ws.length - 1)));
}

/** Words of the portfolio an office's "of" names at the start of `ws` ("State", "Homeland Security"); 0 for none. */
export function portfolioLength(ws: string[]): number {
  if (!ws[0] || !isCap(ws[0]) || !PORTFOLIOS.has(lc(ws[0]))) return 0;
  let n = 1;
  while (n < ws.length && (PORTFOLIOS.has(lc(ws[n]!)) || BODY_WORDS.has(lc(ws[n]!)))) n++;
  return n;
}

/** Whether the words can be the place of an office: capitalised, no title ("Minister of Defence"), no body's word, no portfolio. */
export const isPlace = (ws: string[]) =>
  ws.length > 0 &&
  portfolioLength(ws) === 0 &&
  ws.every((w) => isCap(w) && !TITLES.has(lc(w)) && !isHead(w) && !BODY_WORDS.has(lc(w)));

/** Countries and capitals of general knowledge, some of several words ("Czech Republic", "United Kingdom"). */
const KNOWN_PLACES = new Set(
  [...Object.values(DEMONYMS), ...Object.keys(CAPITALS), ...Object.values(CAPITALS), ...PLURAL_COUNTRIES].map(lc),
);

/**
 * How many of the words after "of" are the place, where the holder's name follows it: a known
 * place, else the words a place's first words join ("South Korea", "United Arab Emirates") and
 * the place words after them ("Ostrava Region", "New York City"); else one word ("Kyiv").
 */
export function placeLength(ws: string[]): number {
  for (let n = Math.min(ws.length, 4); n > 1; n--) if (KNOWN_PLACES.has(lc(ws.slice(0, n).join(' ')))) return n;
  let n = 1;
  while (n < ws.length && PLACE_PREFIXES.has(lc(ws[n - 1]!))) n++;
  while (n < ws.length && PLACE_TAILS.has(lc(ws[n]!))) n++;
  return n;
}

/** Whether the words read as a place whatever the title: a known place, or a place's first or last word. */
const geographic = (ws: string[]) =>
  KNOWN_PLACES.has(lc(ws.join(' '))) ||
  (ws.length > 1 && (PLACE_PREFIXES.has(lc(ws[0]!)) || PLACE_TAILS.has(lc(ws.at(-1)!))));

/** Offices only a place has: a religious see, a governor's, a mayor's. */
const PLACE_OFFICES = new Set(['governor', 'mayor', 'premier', 'king', 'queen', ...OFFICE_NOUNS]);

/**
 * The type of an office's place when the finder typed the office a person or nothing: a place
 * after an office only a place has, or when it reads as one; after another title it may be a body
 * ("Head of Ukrenergo"), left untyped for the gazetteer and the role rules.
 */
const placeType = (type: EntityType, title: string, ws: string[]): EntityType =>
  type !== 'PERSON' && type !== 'UNKNOWN' ? type : PLACE_OFFICES.has(lc(title)) || geographic(ws) ? 'PLACE' : 'UNKNOWN';

/** The last title of an office written before `at` and "of", and where what follows "of" starts ("President of |South Korea"). */
function officeBefore(text: string, at: number): { title: string; from: number } | undefined {
  const m =
    /(?:^|[^\p{L}.'’-])((?:\p{Lu}[\p{L}.'’-]* )*?\p{Lu}[\p{L}.'’-]*) of ((?:the )?(?:\p{Lu}[\p{L}.'’-]* ){0,2})$/u.exec(
      text.slice(Math.max(0, at - 80), at),
    );
  if (!m) return undefined;
  const ws = m[1]!.split(' ');
  // The office is the titles at the end ("Ukraine's Chief Rabbi of"): what comes before them is no matter.
  for (let k = 0; k < ws.length; k++) if (isOffice(ws.slice(k))) return { title: ws.at(-1)!, from: at - m[2]!.length };
  return undefined;
}

/**
 * The place from `start` to the span's end; typed a person with two words or more after the place,
 * the place and the rest, the holder's name, alone a person.
 */
function placeOrHolder(text: string, s: NameSpan, start: number, title: string): NameSpan[] {
  const ws = text.slice(start, s.end).split(' ');
  const n = placeLength(ws);
  if (s.type === 'PERSON' && ws.length - n >= 2) {
    const end = start + ws.slice(0, n).join(' ').length;
    const place = { ...s, start, end, text: text.slice(start, end), type: placeType(s.type, title, ws.slice(0, n)) };
    return [place, { ...s, start: end + 1, text: text.slice(end + 1, s.end) }];
  }
  return [{ ...s, start, text: text.slice(start, s.end), type: placeType(s.type, title, ws) }];
}

/**
 * What the words of span `s` from `start` (after an office's "of") give: a portfolio no name, only
 * a holder's name after it; a place its place (and holder); undefined when they are neither.
 */
function complement(text: string, s: NameSpan, start: number, title: string): NameSpan[] | undefined {
  const from = text.startsWith('the ', start) && start + 4 < s.end ? start + 4 : start;
  const ws = text.slice(from, s.end).split(' ');
  const p = portfolioLength(ws);
  if (p === 0) return isPlace(ws) ? placeOrHolder(text, s, from, title) : undefined;
  const holder = from + ws.slice(0, p).join(' ').length + 1;
  return holder < s.end && ws.slice(p).every(isCap) ? [{ ...s, start: holder, text: text.slice(holder, s.end) }] : [];
}

/**
 * The finder's office spans cut to their place (and holder), a portfolio after an office dropped,
 * and a person after an office re-read. Spans stay exact slices of `text`. Cost: linear in the spans.
 */
export function officePlaces(text: string, spans: NameSpan[]): NameSpan[] {
  return spans.flatMap((s) => {
    if (s.type === 'WEAPON') return [s];
    const of = s.text.indexOf(' of ');
    const titles = of > 0 ? s.text.slice(0, of).split(' ') : [];
    const own = isOffice(titles) ? complement(text, s, s.start + of + 4, titles.at(-1)!) : undefined;
    if (own) return own;
    const before = officeBefore(text, s.start);
    // The words between "of" and the span are the place's only when no other name has them.
    if (!before || spans.some((o) => o !== s && o.start < s.start && o.end > before.from)) return [s];
    const cut = complement(text, { ...s, start: before.from }, before.from, before.title);
    // A body after a title ("Head of Ukrenergo") stays as the finder typed it.
    return cut && (cut.length === 0 || s.type === 'PERSON' || s.type === 'PLACE') ? cut : [s];
  });
}

/**
 * The place of an office phrase CoreNLP tags MISC ("Mayor of Springfield", "Governor of the
 * Zaporizhzhia Region"), which would otherwise be lost with the other MISC mentions; undefined for
 * any other MISC mention, a portfolio or a lower-case tail ("Mayor of the city").
 */
export function miscOfficePlace(text: string, start: number, end: number): NameSpan | undefined {
  const phrase = text.slice(start, end);
  const of = phrase.indexOf(' of ');
  const titles = of > 0 ? phrase.slice(0, of).split(' ') : [];
  const rest = phrase
    .slice(of + 4)
    .replace(/^the /, '')
    .split(' ');
  if (!isOffice(titles) || portfolioLength(rest) > 0) return undefined;
  const s: NameSpan = { start, end, text: phrase, type: 'UNKNOWN', source: 'corenlp', confidence: 0.8 };
  const cut = complement(text, s, start + of + 4, titles.at(-1)!);
  return cut?.length === 1 ? cut[0] : undefined;
}
