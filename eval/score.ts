import type {
  Batch,
  ClaimCandidate,
  DateCandidate,
  EntityCandidate,
  EntityRef,
  LinkCandidate,
  RelationshipCandidate,
  Span,
} from '../src/ingest/batch';
import type { GazetteerEntry } from '../src/ingest/extract/types';
import { nameKey } from '../src/ingest/link/normalise';
import type { ArticleTruth } from './truth';

export interface Counts {
  tp: number;
  found: number;
  truth: number;
  hit: number;
}
export interface ArticleScore {
  article: string;
  persons: Counts;
  organizations: Counts;
  places: Counts;
  /** Any entity candidate overlapping the curated entity, whatever its type. */
  untyped: Counts;
  dates: Counts;
  relationships: Counts;
  claimants: { right: number; truth: number; overlapping: number; candidates: number };
  autoLinks: { total: number; wrong: number; unverifiable: number; wrongList: string[] };
  missedPersons: string[];
  wrongClaimants: string[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const TYPE = { Person: 'PERSON', Organization: 'ORGANIZATION', Place: 'PLACE' } as const;

/**
 * Scores one batch against the curated truth of its article.
 * - Entities: a curated (article, entity) pair is found when a candidate of its type overlaps one
 *   of its occurrences; a candidate is correct when it overlaps an occurrence of a curated entity
 *   of its type (the curated data lists what the graph keeps, so precision is a lower bound).
 * - Dates: a curated (expression, value) is found when a date candidate overlapping it resolves
 *   inside the curated range; precision over candidates overlapping a curated expression.
 * - Claimants: a curated claim is right when a claim candidate overlaps its evidence and its
 *   claimant resolves to the curated claimant (linked or suggested id, or a name that is one of
 *   the claimant's aliases).
 * - Wrong auto-merges: auto-links whose mentions are a curated entity other than the linked one.
 */
export function scoreBatch(batch: Batch, truth: ArticleTruth, aliases: Map<string, string[]>): ArticleScore {
  const cands = batch.candidates;
  const entities = cands.filter((c): c is EntityCandidate => c.kind === 'entity');
  const byId = new Map(cands.map((c) => [c.id, c]));
  const entityScore = (label: 'Person' | 'Organization' | 'Place'): Counts => {
    const t = truth.entities.filter((e) => e.label === label);
    const mine = entities.filter((e) => e.type === TYPE[label]);
    const hit = t.filter((e) =>
      mine.some((m) => m.spans.some((s) => e.occurrences.some((o) => overlaps(s, o)))),
    ).length;
    const tp = mine.filter((m) => t.some((e) => m.spans.some((s) => e.occurrences.some((o) => overlaps(s, o))))).length;
    return { tp, found: mine.length, truth: t.length, hit };
  };
  const untypedHit = truth.entities.filter((e) =>
    entities.some((m) => m.spans.some((s) => e.occurrences.some((o) => overlaps(s, o)))),
  ).length;
  const persons = entityScore('Person');
  const missedPersons = truth.entities
    .filter(
      (e) =>
        e.label === 'Person' &&
        !entities.some((m) => m.type === 'PERSON' && m.spans.some((s) => e.occurrences.some((o) => overlaps(s, o)))),
    )
    .map((e) => e.id);

  const dates = cands.filter((c): c is DateCandidate => c.kind === 'date');
  const inRange = (d: DateCandidate, from: string, to: string) => {
    const a = d.date ?? d.dateFrom ?? '';
    const b = d.date ?? d.dateTo ?? '';
    return a >= from && b <= to && a !== '';
  };
  const dateHit = truth.dates.filter((t) =>
    dates.some((d) => t.occurrences.some((o) => overlaps(d.spans[0]!, o)) && inRange(d, t.from, t.to)),
  ).length;
  const scoredDates = dates.filter((d) => truth.dates.some((t) => t.occurrences.some((o) => overlaps(d.spans[0]!, o))));
  const dateTp = scoredDates.filter((d) =>
    truth.dates.some((t) => t.occurrences.some((o) => overlaps(d.spans[0]!, o)) && inRange(d, t.from, t.to)),
  ).length;

  const claims = cands.filter((c): c is ClaimCandidate => c.kind === 'claim');
  /** A reference resolves to a curated id: linked or suggested id, or a name that is one of its aliases. */
  const resolves = (c: { claimant: EntityRef }, id: string) => {
    if (c.claimant.entityId === id) return true;
    const ent = c.claimant.candidate ? (byId.get(c.claimant.candidate) as EntityCandidate | undefined) : undefined;
    const forms = ent ? ent.forms : [c.claimant.text];
    // A name that is one of the claimant's aliases, also after a possessive country ("Russia’s
    // Investigative Committee" for "Investigative Committee"): a reviewer links it in one step.
    const known = (aliases.get(id) ?? []).map(nameKey);
    const bare = (f: string) => nameKey(f).replace(/^[\p{L}.]+(?: [\p{L}.]+)?'s /u, '');
    if (forms.some((f) => known.includes(nameKey(f)) || known.includes(bare(f)))) return true;
    const link = cands.find((l): l is LinkCandidate => l.kind === 'link' && l.entity === ent?.id);
    return link?.options[0]?.entityId === id && link.options[0].signals.exactAlias;
  };
  const claimSpan = (c: ClaimCandidate) => [c.statementSpan, c.quoteSpan];
  let right = 0;
  const wrongClaimants: string[] = [];
  for (const t of truth.claims) {
    const near = claims.filter((c) => claimSpan(c).some((s) => overlaps(s, t.evidence)));
    if (near.some((c) => resolves(c, t.claimant))) right++;
    else
      wrongClaimants.push(
        `${t.id} (${t.claimant}; found: ${near.map((c) => c.claimant.entityId ?? c.claimant.text).join(', ') || 'no claim here'})`,
      );
  }
  const overlapping = claims.filter((c) =>
    truth.claims.some((t) => claimSpan(c).some((s) => overlaps(s, t.evidence))),
  ).length;

  const rels = cands.filter((c): c is RelationshipCandidate => c.kind === 'relationship');
  const relMatch = (r: RelationshipCandidate, t: { type: string; from: string; to: string }) =>
    r.type === t.type && resolves({ claimant: r.from }, t.from) && resolves({ claimant: r.to }, t.to);
  const relationships: Counts = {
    tp: rels.filter((r) => truth.relationships.some((t) => relMatch(r, t))).length,
    found: rels.length,
    truth: truth.relationships.length,
    hit: truth.relationships.filter((t) => rels.some((r) => relMatch(r, t))).length,
  };

  const autoLinks = { total: 0, wrong: 0, unverifiable: 0, wrongList: [] as string[] };
  for (const l of cands.filter((c): c is LinkCandidate => c.kind === 'link' && c.decision === 'auto')) {
    autoLinks.total++;
    const at = truth.entities.filter((e) => l.spans.some((s) => e.occurrences.some((o) => overlaps(s, o))));
    if (!at.length) autoLinks.unverifiable++;
    else if (!at.some((e) => e.id === l.entityId)) {
      autoLinks.wrong++;
      autoLinks.wrongList.push(`"${l.quote}" → ${l.entityId} (curated: ${at.map((e) => e.id).join(', ')})`);
    }
  }
  return {
    article: truth.id,
    persons,
    organizations: entityScore('Organization'),
    places: entityScore('Place'),
    untyped: { tp: 0, found: entities.length, truth: truth.entities.length, hit: untypedHit },
    dates: { tp: dateTp, found: scoredDates.length, truth: truth.dates.length, hit: dateHit },
    relationships,
    claimants: { right, truth: truth.claims.length, overlapping, candidates: claims.length },
    autoLinks,
    missedPersons,
    wrongClaimants,
  };
}

export const aliasMap = (entries: GazetteerEntry[]) => new Map(entries.map((e) => [e.id, [e.name, ...e.aliases]]));

export function sum(scores: ArticleScore[]): ArticleScore {
  const add = (k: 'persons' | 'organizations' | 'places' | 'untyped' | 'dates' | 'relationships'): Counts =>
    scores.reduce(
      (a, s) => ({
        tp: a.tp + s[k].tp,
        found: a.found + s[k].found,
        truth: a.truth + s[k].truth,
        hit: a.hit + s[k].hit,
      }),
      { tp: 0, found: 0, truth: 0, hit: 0 },
    );
  return {
    article: 'all',
    persons: add('persons'),
    organizations: add('organizations'),
    places: add('places'),
    untyped: add('untyped'),
    dates: add('dates'),
    relationships: add('relationships'),
    claimants: scores.reduce(
      (a, s) => ({
        right: a.right + s.claimants.right,
        truth: a.truth + s.claimants.truth,
        overlapping: a.overlapping + s.claimants.overlapping,
        candidates: a.candidates + s.claimants.candidates,
      }),
      { right: 0, truth: 0, overlapping: 0, candidates: 0 },
    ),
    autoLinks: scores.reduce(
      (a, s) => ({
        total: a.total + s.autoLinks.total,
        wrong: a.wrong + s.autoLinks.wrong,
        unverifiable: a.unverifiable + s.autoLinks.unverifiable,
        wrongList: [...a.wrongList, ...s.autoLinks.wrongList],
      }),
      { total: 0, wrong: 0, unverifiable: 0, wrongList: [] as string[] },
    ),
    missedPersons: scores.flatMap((s) => s.missedPersons.map((p) => `${p} (${s.article.slice(0, 12)})`)),
    wrongClaimants: scores.flatMap((s) => s.wrongClaimants),
  };
}
