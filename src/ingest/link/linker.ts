import { distance } from 'fastest-levenshtein';
import type { EntityType, LinkOption } from '../batch';
import { typeOfLabels, type Gazetteer } from '../extract/gazetteer';
import { DEMONYMS } from '../extract/lexicon';
import type { GazetteerEntry } from '../extract/types';
import type { JudgementIndex } from './judgements';
import { abbreviationKey, acronymOf, expansions, headFirst, initialsOf } from './abbreviations';
import { nameKey, normaliseName, surnameOf, translitKey } from './normalise';
import { sameRomanisation } from './transliteration';
import { entityPlaces, placeConflict, placeIndex, placesOf, placeSwapped, soundAlike } from './places';

export const LINKER_VERSION = '1.1.0';
/** Options shown to a reviewer per entity. */
export const MAX_OPTIONS = 5;

export interface LinkResult {
  decision: 'auto' | 'review';
  entityId?: string;
  options: LinkOption[];
  notes: string[];
}

/** A name without a leading possessive country or demonym ("russia's defense ministry" → "defense ministry"). */
function stripQualifier(key: string): string {
  const poss = /^[\p{L}.]+(?: [\p{L}.]+)?'s (.+)$/u.exec(key);
  if (poss) return poss[1]!;
  const dem = /^([\p{L}.]+) (.+)$/u.exec(key);
  return dem && dem[1]! in DEMONYMS ? dem[2]! : key;
}

/** Phonetic match of two names word by word from the end (surnames first); a missing first name is no objection. */
function phonetic(a: string, b: string): boolean {
  const wa = normaliseName(a).split(' ').reverse();
  const wb = normaliseName(b).split(' ').reverse();
  const n = Math.min(wa.length, wb.length);
  for (let i = 0; i < n; i++) if (!soundAlike(wa[i]!, wb[i]!)) return false;
  return n > 0;
}

type Abbreviated = 'expanded' | 'qualified' | 'initials';
const ABBREVIATED_SCORE: Record<Abbreviated, number> = { expanded: 0.85, qualified: 0.75, initials: 0.6 };

/** A name key without leading place words ("russian ministry of defence", "uk's mod" → "ministry of defence"…). */
function unqualified(key: string, places: ReturnType<typeof placeIndex>): string {
  const w = key.split(' ');
  let i = 0;
  while (i < 2 && i < w.length - 1 && places.has(w[i]!.replace(/'s$/, ''))) i++;
  return w.slice(i).join(' ');
}

/**
 * How an abbreviation (abbreviations.ts) makes a form an alias: the same once expanded, the same
 * but for a place qualifier one side lacks, or an acronym of the other's initials. The place rule
 * holds for the expanded names too ("SBU" names Ukraine); null when none of these.
 */
function abbreviated(
  f: string,
  a: string,
  places: ReturnType<typeof placeIndex>,
  own: Set<string>,
): Abbreviated | null {
  const ef = expansions(f).filter((k) => !placeConflict(placesOf(k, places), own));
  const ea = expansions(a);
  // The two word orders of one body ("Defence Ministry", "Ministry of Defence") count as listed spellings.
  const orders = (keys: string[]) => [...keys, ...keys.map(headFirst).filter((k) => k !== null)];
  const fs = orders([abbreviationKey(f), ...ef]);
  const as = orders([abbreviationKey(a), ...ea]);
  const close = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= 12 && distance(x, y) <= 2);
  const pairs = fs.flatMap((x, i) => as.flatMap((y, j) => ((i || j) && !placeSwapped(x, y, places) ? [[x, y]] : [])));
  if (pairs.some(([x, y]) => close(x!, y!))) return 'expanded';
  if (pairs.some(([x, y]) => close(unqualified(x!, places), unqualified(y!, places)))) return 'qualified';
  const af = acronymOf(f);
  const aa = acronymOf(a);
  if ((af && initialsOf(a).includes(af)) || (aa && initialsOf(f).includes(aa))) return 'initials';
  return null;
}

interface Scored {
  option: LinkOption;
}

function scoreEntry(forms: string[], type: EntityType, e: GazetteerEntry, gz: Gazetteer): Scored | null {
  const aliases = [...new Set([e.name, ...e.aliases])];
  const label = typeOfLabels(e.labels);
  const sameLabel = type === 'UNKNOWN' || label === type;
  // The place rule (places.ts): names of different places or sides are never the same entity.
  const places = label !== 'PERSON' && type !== 'PERSON' ? placeIndex(gz) : null;
  const ownPlaces = places && entityPlaces(e, gz, places);
  let best: LinkOption | null = null;
  for (const f of forms) {
    const fk = nameKey(f);
    const single = !fk.includes(' ');
    if (places && placeConflict(placesOf(f, places), ownPlaces!)) continue;
    for (const a of aliases) {
      const ak = nameKey(a);
      if (!ak || (places && placeSwapped(fk, ak, places))) continue;
      const exactAlias = fk === ak;
      // "Russia's Investigative Committee" / "Russian Defense Ministry" against "Investigative Committee".
      const qualified = !exactAlias && stripQualifier(fk) === ak && ak.includes(' ');
      const editDistance = distance(fk, ak);
      // The same in ASCII ("Зеленский"), or in the other language's romanisation ("Kharkov"/"Kharkiv").
      const transliterated = !exactAlias && (translitKey(f) === translitKey(a) || sameRomanisation(f, a));
      const surname =
        label === 'PERSON' && single && !exactAlias && surnameOf(a).toLowerCase() === fk && ak.includes(' ');
      const sounds = phonetic(f, a);
      const near = editDistance <= Math.max(1, Math.floor(Math.min(fk.length, ak.length) * 0.2));
      let abbr = exactAlias || !places ? null : abbreviated(f, a, places, ownPlaces!);
      if (abbr === 'initials' && !sameLabel) abbr = null;
      if (!(
        exactAlias ||
        qualified ||
        transliterated ||
        surname ||
        abbr ||
        (near && sameLabel) ||
        (sounds && sameLabel && editDistance <= 3)
      ))
        continue;
      let score = exactAlias
        ? 1
        : transliterated || qualified
          ? 0.85
          : surname
            ? 0.75
            : 0.8 * (1 - editDistance / Math.max(fk.length, ak.length));
      if (sounds && !exactAlias) score = Math.min(0.95, score + 0.05);
      if (abbr) score = Math.max(score, ABBREVIATED_SCORE[abbr]);
      if (!sameLabel) score *= 0.7;
      const option: LinkOption = {
        entityId: e.id,
        name: e.name,
        labels: e.labels,
        matched: a,
        score: Math.round(score * 1000) / 1000,
        signals: {
          exactAlias,
          editDistance,
          phonetic: sounds,
          transliterated,
          surname,
          sameLabel,
          ...(abbr ? { abbreviation: true } : {}),
        },
      };
      if (abbr === 'initials')
        option.caution = `"${normaliseName(f)}" may be the initials of "${a}", or of another name: confirm before linking.`;
      else if (!exactAlias && !transliterated && !surname && !qualified && !abbr && editDistance <= 2) {
        option.caution =
          `"${normaliseName(f)}" is ${editDistance} edit${editDistance === 1 ? '' : 's'} from "${a}"` +
          (sounds ? '' : ' and sounds different') +
          ': similar spellings can be different people or places; confirm before linking.';
      }
      if (!best || option.score > best.score) best = option;
    }
  }
  return best ? { option: best } : null;
}

/**
 * Link candidates for one entity of an article against the graph's entities. Auto-links only when
 * exactly one entity of the same label has one of the forms as an exact alias (after NFKC,
 * apostrophes and titles) and no judgement objects; everything else is a review decision among
 * the top options (or a new entity). Pairs judged "not the same" are never proposed again, nor
 * names whose place words differ ("Ukrainian …" vs "Russian …", "Kyiv …" vs "Moscow …": places.ts).
 * Cost: O(entries × aliases × forms) string comparisons; a few ms per entity for a graph of
 * hundreds of entities (a larger graph should pre-filter entries with its full-text index).
 */
export function linkEntity(
  forms: string[],
  type: EntityType,
  gz: Gazetteer,
  judgements?: JudgementIndex,
  entries: GazetteerEntry[] = gz.entries,
): LinkResult {
  const notes: string[] = [];
  const options: LinkOption[] = [];
  for (const e of entries) {
    if (!typeOfLabels(e.labels)) continue;
    const s = scoreEntry(forms, type, e, gz);
    if (!s) continue;
    const verdict = judgements?.verdict(forms, e.id);
    if (verdict === 'not-same') {
      notes.push(`not proposing ${e.id}: judged not the same before`);
      continue;
    }
    if (verdict === 'unsure') s.option.judgedUnsure = true;
    if (verdict === 'same') s.option.score = 1;
    options.push(s.option);
  }
  options.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.signals.sameLabel) - Number(a.signals.sameLabel) ||
      a.entityId.localeCompare(b.entityId),
  );
  const exact = options.filter((o) => o.signals.exactAlias && o.signals.sameLabel && type !== 'UNKNOWN');
  // An alias that also names an entity of another label ("Kyiv": the city and, in "Kyiv says",
  // the government) is a metonymy risk: a person decides.
  const exactAnyLabel = options.filter((o) => o.signals.exactAlias);
  if (exact.length === 1 && exactAnyLabel.length > 1)
    notes.push(
      `"${exact[0]!.matched}" also names ${exactAnyLabel
        .filter((o) => o !== exact[0])
        .map((o) => o.entityId)
        .join(', ')}`,
    );
  // "MoD" is the UK ministry's alias, and abbreviates the other ministries of defence as well.
  const abbreviates = options.filter((o) => o.signals.abbreviation && o.signals.sameLabel && o !== exact[0]);
  if (exact.length === 1 && abbreviates.length)
    notes.push(
      `"${exact[0]!.matched}" also abbreviates ${abbreviates.map((o) => o.entityId).join(', ')}: a person decides`,
    );
  if (exact.length === 1 && exactAnyLabel.length === 1 && !exact[0]!.judgedUnsure && !abbreviates.length) {
    return { decision: 'auto', entityId: exact[0]!.entityId, options: options.slice(0, MAX_OPTIONS), notes };
  }
  if (exact.length > 1)
    notes.push(`the alias is shared by ${exact.length} entities: ${exact.map((o) => o.entityId).join(', ')}`);
  return { decision: 'review', options: options.slice(0, MAX_OPTIONS), notes };
}
