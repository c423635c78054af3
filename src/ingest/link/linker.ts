import { distance } from 'fastest-levenshtein';
import type { EntityType, LinkOption } from '../batch';
import { typeOfLabels, type Gazetteer } from '../extract/gazetteer';
import { DEMONYMS } from '../extract/lexicon';
import type { GazetteerEntry } from '../extract/types';
import type { JudgementIndex } from './judgements';
import { nameKey, normaliseName, surnameOf, translitKey } from './normalise';
import { sameRomanisation } from './transliteration';
import { entityPlaces, placeConflict, placeIndex, placesOf, placeSwapped, soundAlike } from './places';

export const LINKER_VERSION = '1.0.0';
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
      if (!(
        exactAlias ||
        qualified ||
        transliterated ||
        surname ||
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
      if (!sameLabel) score *= 0.7;
      const option: LinkOption = {
        entityId: e.id,
        name: e.name,
        labels: e.labels,
        matched: a,
        score: Math.round(score * 1000) / 1000,
        signals: { exactAlias, editDistance, phonetic: sounds, transliterated, surname, sameLabel },
      };
      if (!exactAlias && !transliterated && !surname && !qualified && editDistance <= 2) {
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
  if (exact.length === 1 && exactAnyLabel.length === 1 && !exact[0]!.judgedUnsure) {
    return { decision: 'auto', entityId: exact[0]!.entityId, options: options.slice(0, MAX_OPTIONS), notes };
  }
  if (exact.length > 1)
    notes.push(`the alias is shared by ${exact.length} entities: ${exact.map((o) => o.entityId).join(', ')}`);
  return { decision: 'review', options: options.slice(0, MAX_OPTIONS), notes };
}
