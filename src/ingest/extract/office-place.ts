import type { EntityType } from '../batch';
import { ORG_HEADS } from '../link/normalise';
import { BODY_WORDS, NAME_HEADS, OFFICE_NOUNS, TITLE_ADJECTIVES, TITLES } from './lexicon';
import type { NameSpan } from './types';

/*
 * Titles before "of" and a place are an office, which is no name ("Chief Rabbi of Kyiv", "Grand
 * Mufti of Jerusalem", "President of Ukraine"): the place is the mention, as the JS finder reads
 * them. CoreNLP tags such an office as one name of any type ("Rabbi of Kyiv" a PERSON, "Grand Mufti
 * of Jerusalem" a LOCATION), or the place alone as a PERSON ("Kyiv" of "the Chief Rabbi of Kyiv"),
 * also run on into the holder's name ("Kyiv Tom Weir").
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

/** Whether the words can be the place of an office: capitalised, no title ("Minister of Defence"), no body's word. */
const isPlace = (ws: string[]) =>
  ws.length > 0 && ws.every((w) => isCap(w) && !TITLES.has(lc(w)) && !isHead(w) && !BODY_WORDS.has(lc(w)));

/** The last title of an office written right before `at` and "of" ("the Chief Rabbi of |Kyiv"). */
function officeBefore(text: string, at: number): string | undefined {
  const m = /(?:^|[^\p{L}.'’-])((?:\p{Lu}[\p{L}.'’-]* )*?\p{Lu}[\p{L}.'’-]*) of $/u.exec(
    text.slice(Math.max(0, at - 60), at),
  );
  if (!m) return undefined;
  const ws = m[1]!.split(' ');
  // The office is the titles at the end ("Ukraine's Chief Rabbi of"): what comes before them is no matter.
  for (let k = 0; k < ws.length; k++) if (isOffice(ws.slice(k))) return ws.at(-1);
  return undefined;
}

/**
 * A religious office's "of" names its see, a place; after another title it may be a body ("Head of
 * Ukrenergo"), left untyped for the gazetteer and the role rules.
 */
const placeType = (type: EntityType, title: string): EntityType =>
  type !== 'PERSON' ? type : OFFICE_NOUNS.has(lc(title)) ? 'PLACE' : 'UNKNOWN';

/**
 * What an office span or a place after an office gives, from `rest` (the words after "of", starting
 * at `start`): with three words or more and typed a person, the place is one word and the rest the
 * holder's name, alone a person; otherwise the place.
 */
function placeOrHolder(text: string, s: NameSpan, start: number, title: string): NameSpan {
  const rest = text.slice(start, s.end);
  const ws = rest.split(' ');
  if (s.type === 'PERSON' && ws.length >= 3) {
    const holder = start + ws[0]!.length + 1;
    return { ...s, start: holder, text: text.slice(holder, s.end) };
  }
  return { ...s, start, text: rest, type: placeType(s.type, title) };
}

/**
 * The finder's office spans cut to their place (or holder), and a person after an office retyped.
 * Spans stay exact slices of `text`. Cost: linear in the spans.
 */
export function officePlaces(text: string, spans: NameSpan[]): NameSpan[] {
  return spans.map((s) => {
    if (s.type === 'WEAPON') return s;
    const of = s.text.indexOf(' of ');
    const titles = of > 0 ? s.text.slice(0, of).split(' ') : [];
    const rest = of > 0 ? s.text.slice(of + 4).split(' ') : [];
    if (isOffice(titles) && isPlace(rest)) return placeOrHolder(text, s, s.start + of + 4, titles.at(-1)!);
    const title = s.type === 'PERSON' ? officeBefore(text, s.start) : undefined;
    return title && isPlace(s.text.split(' ')) ? placeOrHolder(text, s, s.start, title) : s;
  });
}
