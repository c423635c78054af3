import { typeOfLabels, type Gazetteer } from './gazetteer';
import { CAPITALS, DEMONYMS } from './lexicon';
import type { NameCluster } from './names';

/*
 * "A spokesperson for Ukrenergo", "the press service of Ukrzaliznytsia": what such a role is of
 * is a body. CoreNLP takes many one-word company names for people's or places' ("Ukrenergo" a
 * LOCATION), and a body typed PERSON would be taken for the speaker of "A spokesperson for X,
 * <Person>, said", one typed PLACE for a place speaking by metonymy.
 */

/** The role words, as they stand before the body ("the head of", "a representative for"). */
export const ROLE_OF_BODY =
  /\b(?:a|an|the)\s+(spokesperson|spokesman|spokeswoman|representative|press service|head|director)\s+(?:for|of)\s+(?:the\s+)?$/i;

/** Roles only a body has: enough to re-type a place ("the head of Kharkiv" is its mayor, a place still). */
const BODY_ONLY = /^(?:spokesperson|spokesman|spokeswoman|press service)$/i;

/** A word before a name that makes it a person's, whatever the phrase before says. */
const PERSON_TITLE = /\b(?:Mr|Mrs|Ms|Dr|President|Prime Minister|Minister|Governor|Mayor)\.?\s+$/;

const COUNTRIES = new Set([...Object.values(DEMONYMS), ...Object.values(CAPITALS)].map((c) => c.toLowerCase()));

/**
 * Re-types as organisations the person, untyped or place entities named right after such a role
 * phrase (not a possessive: "the head of Putin's administration" is no word on Putin). A name the
 * graph knows as a person or place, a surname grouped with a full name, one after a person's title,
 * a country or a capital keeps its type; a place needs a role only a body has (a spokesperson).
 */
export function typeBodiesOfRoles(text: string, clusters: NameCluster[], gz?: Gazetteer): void {
  for (const c of clusters) {
    if (c.type !== 'PERSON' && c.type !== 'UNKNOWN' && c.type !== 'PLACE') continue;
    if (c.surnameOf) continue;
    const graphTypes = c.gazetteerIds.map((id) => typeOfLabels(gz?.byId.get(id)?.labels ?? []));
    if (graphTypes.includes('PERSON') || graphTypes.includes('PLACE')) continue;
    const lower = c.forms.map((f) => f.toLowerCase());
    if (c.type === 'PLACE' && lower.some((f) => COUNTRIES.has(f) || f in CAPITALS)) continue;
    if (c.mentions.some((m) => PERSON_TITLE.test(text.slice(Math.max(0, m.start - 20), m.start)))) continue;
    const roleBefore = (at: number) => ROLE_OF_BODY.exec(text.slice(Math.max(0, at - 40), at));
    const m = c.mentions.find((x) => {
      const role = roleBefore(x.start);
      return role && !/^['’]s\b/.test(text.slice(x.end)) && (c.type !== 'PLACE' || BODY_ONLY.test(role[1]!));
    });
    if (!m) continue;
    c.notes.push(`typed ORGANIZATION: named after "${roleBefore(m.start)![0].trim()}" (was ${c.type})`);
    c.type = 'ORGANIZATION';
  }
}
