import type { EntityType } from '../batch';
import { isWrittenAbbreviation } from '../link/abbreviations';
import { nameKey, normaliseName, surnameOf } from '../link/normalise';
import { collectiveBodies } from './collective';
import { typeOfLabels, type Gazetteer } from './gazetteer';
import { DEMONYMS, JOB_NOUNS, OFFICE_NOUNS } from './lexicon';
import { officePlaces } from './office-place';
import { abbreviationNames, governingBodies, ORG_HEAD, widenOrganisations } from './qualified';
import type { NameSpan } from './types';
import { isAcronymSystem, weaponSystemOf } from './weapons';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const within = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start >= b.start && a.end <= b.end;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** "the governor's office", "the mayor's office" with no place named: an organisation a spokesman speaks for. */
const OFFICE =
  /\b[Tt]he\s+((?:(?:regional|city|municipal|local|district|oblast|provincial|state)\s+)?(?:governor|mayor)['’]s\s+office)\b/g;

/** Unnamed offices (see OFFICE) where no other name covers them. */
function unnamedOffices(text: string, kept: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of text.matchAll(OFFICE)) {
    const start = m.index! + m[0].length - m[1]!.length;
    const span = { start, end: start + m[1]!.length };
    if (kept.some((k) => overlaps(k, span))) continue;
    out.push({ ...span, text: m[1]!, type: 'ORGANIZATION', source: 'office-pattern', confidence: 0.6 });
  }
  return out;
}

/**
 * Splits a person span that swallowed two names ("Zelensky Mikhail Podolyan"): when its first word
 * is, elsewhere in the article or in the gazetteer, a person on its own and at least two words remain.
 */
function splitRunOnPersons(text: string, spans: NameSpan[], knownSurnames: Set<string>): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    const w = words(s.text);
    if ((s.type === 'PERSON' || s.type === 'UNKNOWN') && w.length >= 3 && knownSurnames.has(w[0]!)) {
      const cut = s.start + s.text.indexOf(w[1]!, w[0]!.length);
      out.push({ ...s, end: s.start + w[0]!.length, text: w[0]!, type: 'PERSON' });
      out.push({ ...s, start: cut, text: text.slice(cut, s.end), type: 'PERSON' });
    } else out.push(s);
  }
  return out;
}

const isJobNoun = (w: string) => JOB_NOUNS.has(w.toLowerCase());
/** The job noun (one word may come first) and where the next name starts: "Harbour| master Elin Dahl". */
function jobThenName(text: string, at: number): number | undefined {
  const after = text.slice(at, at + 60);
  const m = /^ (\p{L}+) (?=\p{Lu})/u.exec(after) ?? /^ \p{L}[\p{L}-]* (\p{L}+) (?=\p{Lu})/u.exec(after);
  return m && isJobNoun(m[1]!) ? at + m[0].length : undefined;
}

/**
 * Drops the title words a finder took for a name: a one-word person or untyped name right before a job
 * noun and another name ("Harbour" of "Harbour master Elin Dahl", "Fire" of "Fire chief Tom
 * Weir") when it is named nowhere else in the article and is no body's word ("Army"); and the title at the head of one person
 * span ("Harbour Master Elin Dahl" → "Elin Dahl", at least two words left).
 */
function withoutTitleWords(text: string, spans: NameSpan[]): NameSpan[] {
  const loose = (s: NameSpan) => s.type === 'PERSON' || s.type === 'UNKNOWN';
  const titleHead = (s: NameSpan) => {
    const next = jobThenName(text, s.end);
    return next !== undefined && spans.some((o) => o.start === next && loose(o));
  };
  const heads = spans.filter((s) => loose(s) && words(s.text).length === 1 && !ORG_HEAD.test(s.text) && titleHead(s));
  const dropped = heads.filter((h) => spans.every((o) => o === h || o.text !== h.text || heads.includes(o)));
  const out: NameSpan[] = [];
  for (const s of spans) {
    if (dropped.includes(s)) continue;
    const w = words(s.text);
    // Not before an office's own noun: "Chief Rabbi …" is one title, and "Rabbi …" no name.
    const cuts = (x: string, i: number) =>
      i <= w.length - 3 && isJobNoun(x) && !OFFICE_NOUNS.has(w[i + 1]!.toLowerCase());
    const k = loose(s) && w.length >= 3 ? w.findLastIndex(cuts) : -1;
    if (k < 0) {
      out.push(s);
      continue;
    }
    const cut = s.start + s.text.indexOf(w[k + 1]!, s.text.indexOf(w[k]!) + w[k]!.length);
    out.push({ ...s, start: cut, text: text.slice(cut, s.end) });
  }
  return out;
}

/**
 * Combines the name finder's spans with the gazetteer's and the weapon patterns': a graph name wins
 * where they overlap (it is a reviewed form), except that a longer finder span that merely contains
 * a place name is kept ("Kharkiv Palace"). Cost: O(n log n) in the number of spans.
 */
export function mergeNames(
  text: string,
  finder: NameSpan[],
  gazetteer: NameSpan[],
  weapons: NameSpan[],
  gz?: Gazetteer,
): NameSpan[] {
  // An office ("Chief Rabbi of Kyiv") is its place before anything reads the finder's persons.
  const named = officePlaces(text, finder);
  const personWords = new Set<string>();
  for (const s of [...named, ...gazetteer])
    if (s.type === 'PERSON' && words(s.text).length === 1) personWords.add(s.text);
  for (const e of gz?.entries ?? []) if (e.labels.includes('Person')) personWords.add(surnameOf(e.name));
  const found = splitRunOnPersons(text, withoutTitleWords(text, named), personWords);
  const kept: NameSpan[] = [...gazetteer];
  for (const f of found) {
    const hits = gazetteer.filter((g) => overlaps(f, g));
    if (hits.length === 0) {
      kept.push(f);
      continue;
    }
    if (hits.every((g) => within(g, f)) && hits.some((g) => g.start !== f.start || g.end !== f.end)) {
      // The finder saw a longer name around a known one: keep the longer one unless it only adds a demonym or a title.
      const extra = text
        .slice(f.start, f.end)
        .replace(hits.map((g) => g.text).join(' '), '')
        .trim()
        .toLowerCase();
      if (extra && !(extra in DEMONYMS) && !/^(mr|mrs|ms|president|gen)\.?$/.test(extra)) {
        for (const g of hits) kept.splice(kept.indexOf(g), 1);
        kept.push(f);
      }
    }
    // Otherwise the gazetteer's span stands; an UNKNOWN graph form takes the finder's type.
    for (const g of hits)
      if (g.type === 'UNKNOWN' && f.type !== 'UNKNOWN' && kept.includes(g))
        kept[kept.indexOf(g)] = { ...g, type: f.type };
  }
  // A person or untyped name from the finder inside a weapon ("Iskander" of "an Iskander missile",
  // typed PERSON by NER), or only a demonym longer ("Russian Iskander"), is the weapon; a graph
  // name keeps its own type.
  const mistaken = (k: NameSpan) => k.source !== 'gazetteer' && (k.type === 'PERSON' || k.type === 'UNKNOWN');
  const demonymAnd = (k: NameSpan, w: NameSpan) =>
    within(w, k) && k.text.replace(w.text, '').trim().toLowerCase() in DEMONYMS;
  // An acronym system the finder calls an organisation ("ATACMS") is the weapon too.
  const acronymOrg = (k: NameSpan, w: NameSpan) =>
    k.source !== 'gazetteer' && k.type === 'ORGANIZATION' && k.text === w.text && isAcronymSystem(w.text);
  for (const w of weapons) {
    for (let i = kept.length - 1; i >= 0; i--)
      if (
        (mistaken(kept[i]!) && (within(kept[i]!, w) || demonymAnd(kept[i]!, w))) ||
        (acronymOrg(kept[i]!, w) && kept[i]!.start === w.start)
      )
        kept.splice(i, 1);
    if (!kept.some((k) => overlaps(k, w))) kept.push(w);
  }
  // The same system named elsewhere without context ("Iskander systems… the Iskander") is the weapon too.
  const systems = new Set(weapons.map((w) => weaponSystemOf(w.text)).filter((x) => x !== undefined));
  for (let i = 0; i < kept.length; i++)
    if (mistaken(kept[i]!) && systems.has(kept[i]!.text)) kept[i] = { ...kept[i]!, type: 'WEAPON' };
  const governing = collectiveBodies(
    text,
    governingBodies(text, widenOrganisations(text, abbreviationNames(text, kept))),
  );
  return [...governing, ...unnamedOffices(text, governing)].sort((a, b) => a.start - b.start);
}

/** Words before a name that make it a person's ("Mr. Pistorius", "Gen. Mark Milley", "President of South Korea Yoon Suk Yeol"). */
const HONORIFIC =
  /\b(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|President|Governor|governor|spokesman|spokeswoman|Minister|minister|Secretary|Commissioner|Chancellor|mayor|Mayor|Secretary of State|Secretary of Defense|Write to|By|Reporting by|Editing by)\.? $|\b(?:mayor|governor|minister|head|chief) of (?:the )?\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?, $|\b(?:President|Premier|Governor|Mayor|Minister|Secretary|Chancellor|King|Queen|Rabbi|Mufti|Imam|Bishop) of (?:the )?(?:\p{Lu}[\p{L}-]+ ){1,3}$/u;
/** Bylines and credits after a name: "… reported from London", "A and B contributed to this article", "… at name@outlet.com". */
const CREDIT_AFTER =
  /^(?: and \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.-]*){1,3})? (?:reported from|contributed|wrote this)\b|^ at [\w.+-]+@[\w-]+\./u;

/**
 * Types an untyped (capitalised-run) entity as a person when one of its mentions follows an
 * honorific or an office ("Mr. Pistorius", "governor Oleh Syniehubov"); the reviewer confirms.
 */
export function typeFromContext(text: string, clusters: NameCluster[]): void {
  for (const c of clusters) {
    if (c.type !== 'UNKNOWN') continue;
    const m = c.mentions.find((x) => HONORIFIC.test(text.slice(Math.max(0, x.start - 40), x.start)));
    const app = c.mentions.find(
      (x) => OFFICE_AFTER.test(text.slice(x.end, x.end + 40)) || CREDIT_AFTER.test(text.slice(x.end, x.end + 60)),
    );
    if (m) {
      c.type = 'PERSON';
      c.notes.push(
        `typed PERSON from "${text
          .slice(Math.max(0, m.start - 16), m.start)
          .trim()
          .split(' ')
          .slice(-2)
          .join(' ')}" before it`,
      );
    } else if (app) {
      c.type = 'PERSON';
      c.notes.push(`typed PERSON from the office or credit after it ("${text.slice(app.end, app.end + 30).trim()}…")`);
    }
  }
}

/** ", governor of…", ", the Kremlin's spokesman": an office in apposition after a name. */
const OFFICE_AFTER =
  /^, (?:the |a )?(?:[\w'’-]+ ){0,2}?(governor|spokesman|spokeswoman|spokesperson|mayor|minister|president|chairman|chairwoman|adviser|advisor|commander|ambassador|secretary)\b/;

/** One entity the article names: all its mentions, grouped. */
export interface NameCluster {
  text: string;
  type: EntityType;
  mentions: NameSpan[];
  forms: string[];
  sources: string[];
  /** Graph ids the gazetteer matched for some mention (agreeing across mentions). */
  gazetteerIds: string[];
  /** Set when a bare surname was grouped with a full name. */
  surnameOf?: string;
  notes: string[];
}

const TYPE_RANK: EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE', 'WEAPON'];

function clusterType(c: NameSpan[], gz?: Gazetteer): EntityType {
  const gzTypes = new Set(
    c.flatMap((m) => (m.gazetteerIds ?? []).map((id) => typeOfLabels(gz?.byId.get(id)?.labels ?? []))),
  );
  gzTypes.delete(null);
  if (gzTypes.size === 1) return [...gzTypes][0]!;
  const votes = new Map<EntityType, number>();
  for (const m of c)
    if (m.type !== 'UNKNOWN') votes.set(m.type, (votes.get(m.type) ?? 0) + (m.source === 'gazetteer' ? 2 : 1));
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || TYPE_RANK.indexOf(a[0]) - TYPE_RANK.indexOf(b[0]))[0];
  return best?.[0] ?? 'UNKNOWN';
}

/**
 * Groups mentions into entities: the same normalised name (titles and possessives dropped), then
 * the in-article surname rule: a one-word person name joins the one multi-word person whose last
 * word it is ("Gladkov" → "Vyacheslav Gladkov"); with two candidates it stays apart, with a note.
 * Mentions the gazetteer maps to one and the same graph entity are grouped too. Cost: O(n²) in names.
 */
export function clusterNames(spans: NameSpan[], gz?: Gazetteer): NameCluster[] {
  const groups = new Map<string, NameSpan[]>();
  for (const s of spans) {
    const k = nameKey(s.text);
    if (!k) continue;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const clusters: NameCluster[] = [...groups.values()].map((ms) => {
    const forms = [...new Set(ms.map((m) => m.text))].sort((a, b) => normaliseName(b).length - normaliseName(a).length);
    const ids = ms.map((m) => m.gazetteerIds ?? []).filter((l) => l.length);
    const agreed = ids.length ? ids.reduce((a, b) => a.filter((x) => b.includes(x))) : [];
    return {
      text: normaliseName(forms[0]!),
      type: clusterType(ms, gz),
      mentions: ms,
      forms,
      sources: [...new Set(ms.map((m) => m.source))],
      gazetteerIds: agreed,
      notes: [],
    };
  });
  // Same single graph entity for two groups (e.g. "Zelensky" and "Volodymyr Zelensky"): one entity.
  for (let i = 0; i < clusters.length; i++) {
    const a = clusters[i]!;
    if (a.gazetteerIds.length !== 1) continue;
    for (let j = i + 1; j < clusters.length; j++) {
      const b = clusters[j]!;
      if (b.gazetteerIds.length === 1 && b.gazetteerIds[0] === a.gazetteerIds[0]) {
        absorb(a, b);
        clusters.splice(j--, 1);
      }
    }
  }
  // The surname rule.
  // Untyped names qualify when they look like a personal name (two or three capitalised words), not
  // ending in an abbreviation ("Russian MoD": "MoD" is no surname).
  const personLike = (c: NameCluster) =>
    c.type === 'PERSON' ||
    (c.type === 'UNKNOWN' &&
      /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}.'-]*){1,2}$/u.test(c.text) &&
      !ORG_HEAD.test(c.text) &&
      !isWrittenAbbreviation(words(c.text).at(-1)!));
  const persons = clusters.filter((c) => personLike(c) && words(c.text).length > 1);
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    if (words(c.text).length !== 1 || (c.type !== 'PERSON' && c.type !== 'UNKNOWN')) continue;
    const owners = persons.filter((p) => p !== c && surnameOf(p.text) === c.text);
    if (owners.length === 1) {
      const owner = owners[0]!;
      if (
        c.gazetteerIds.length &&
        owner.gazetteerIds.length &&
        !c.gazetteerIds.some((id) => owner.gazetteerIds.includes(id))
      )
        continue;
      absorb(owner, c, c.text);
      clusters.splice(i--, 1);
    } else if (owners.length > 1) {
      c.notes.push(`"${c.text}" could be ${owners.map((o) => o.text).join(' or ')}: not grouped`);
    }
  }
  return clusters.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function absorb(into: NameCluster, from: NameCluster, surname?: string): void {
  into.mentions = [...into.mentions, ...from.mentions].sort((x, y) => x.start - y.start);
  into.forms = [...new Set([...into.forms, ...from.forms])].sort(
    (x, y) => normaliseName(y).length - normaliseName(x).length,
  );
  into.sources = [...new Set([...into.sources, ...from.sources, ...(surname ? ['surname'] : [])])];
  if (!into.gazetteerIds.length) into.gazetteerIds = from.gazetteerIds;
  if (into.type === 'UNKNOWN') into.type = from.type;
  if (surname) into.surnameOf = surname;
  into.notes.push(...from.notes);
}
