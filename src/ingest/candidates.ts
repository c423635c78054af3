/**
 * The candidates that come straight from the name clusters (an entity each, a link to the graph
 * when the linker found one) and how a rule's reference to a name becomes an `EntityRef` (its
 * candidate, its graph entity, a speaking place's government). Apart from article.ts, which runs
 * the passes in order: this is what every pass's output is tied to.
 */
import type { Candidate, EntityRef, ExtractorInfo } from './batch';
import { ATTRIBUTION_VERSION, type RefDraft } from './extract/attribution';
import { DATES_VERSION } from './extract/dates';
import { EVENTS_VERSION } from './extract/events';
import { GAZETTEER_VERSION, typeOfLabels, type Gazetteer } from './extract/gazetteer';
import { CAPITALS } from './extract/lexicon';
import type { NameCluster } from './extract/names';
import { RELATIONS_VERSION } from './extract/relations';
import { WEAPON_PATTERN_VERSION } from './extract/weapons';
import { LINKER_VERSION, type LinkResult } from './link/linker';
import { nameKey } from './link/normalise';

export const PASS = {
  gazetteer: { name: 'gazetteer', version: GAZETTEER_VERSION },
  weapons: { name: 'weapon-pattern', version: WEAPON_PATTERN_VERSION },
  dates: { name: 'dates', version: DATES_VERSION },
  attribution: { name: 'attribution', version: ATTRIBUTION_VERSION },
  relations: { name: 'relations', version: RELATIONS_VERSION },
  events: { name: 'events', version: EVENTS_VERSION },
  linker: { name: 'linker', version: LINKER_VERSION },
} satisfies Record<string, ExtractorInfo>;

export function entityCandidate(text: string, c: NameCluster, i: number, finder: ExtractorInfo): Candidate {
  const first = c.mentions.find((m) => nameKey(m.text) === nameKey(c.forms[0]!)) ?? c.mentions[0]!;
  const primary = c.sources.includes(finder.name)
    ? finder
    : c.sources.includes('gazetteer')
      ? PASS.gazetteer
      : c.sources.includes('weapon-pattern')
        ? PASS.weapons
        : finder;
  const confidence = Math.min(
    0.95,
    Math.max(...c.mentions.map((m) => m.confidence)) + (c.sources.length > 1 ? 0.05 : 0),
  );
  return {
    id: `e${i + 1}`,
    kind: 'entity',
    spans: c.mentions.map((m) => ({ start: m.start, end: m.end })),
    quote: text.slice(first.start, first.end),
    quoteSpan: { start: first.start, end: first.end },
    confidence,
    extractor: primary,
    notes: c.notes,
    text: c.text,
    type: c.type,
    forms: c.forms,
    sources: c.sources,
  };
}

export function linkCandidate(text: string, c: NameCluster, l: LinkResult, i: number): Candidate {
  const first = c.mentions[0]!;
  const top = l.options[0];
  const notes = [...l.notes, ...l.options.filter((o) => o.caution).map((o) => o.caution!)];
  return {
    id: `l${i + 1}`,
    kind: 'link',
    spans: c.mentions.map((m) => ({ start: m.start, end: m.end })),
    quote: text.slice(first.start, first.end),
    quoteSpan: { start: first.start, end: first.end },
    confidence: l.decision === 'auto' ? 0.95 : Math.round((top?.score ?? 0) * 80) / 100,
    extractor: PASS.linker,
    notes,
    entity: `e${i + 1}`,
    decision: l.decision,
    entityId: l.entityId,
    options: l.options,
  };
}

/** The government a speaking place stands for ("Moscow said", "Russia said"): an organisation of kind government of that country. */
export function governmentOf(placeId: string, gz: Gazetteer): string | undefined {
  const place = gz.byId.get(placeId);
  const capitalOf = place && CAPITALS[nameKey(place.name)];
  const byName = capitalOf
    ? gz.entries.find(
        (e) =>
          typeOfLabels(e.labels) === 'PLACE' && [e.name, ...e.aliases].some((a) => nameKey(a) === nameKey(capitalOf)),
      )?.id
    : undefined;
  const country = place?.capitalOf ?? byName ?? (place?.kind === 'country' ? place.id : undefined);
  if (!country) return undefined;
  return gz.entries.find((e) => e.labels.includes('Organization') && e.kind === 'government' && e.country === country)
    ?.id;
}

export function refOf(
  text: string,
  d: RefDraft & { country?: string },
  clusters: NameCluster[],
  links: (LinkResult | null)[],
  gz: Gazetteer,
  entityId: (i: number) => string,
  asClaimant: boolean,
): EntityRef {
  const ref: EntityRef = {
    text: text.slice(d.start, d.end),
    span: { start: d.start, end: d.end },
    resolvedBy: d.resolvedBy,
  };
  if (d.country) {
    const place = gz.entries.find(
      (e) =>
        typeOfLabels(e.labels) === 'PLACE' && [e.name, ...e.aliases].some((a) => nameKey(a) === nameKey(d.country!)),
    );
    if (place) Object.assign(ref, { entityId: place.id, suggested: true });
    return ref;
  }
  if (d.cluster === undefined) return ref;
  const c = clusters[d.cluster]!;
  const link = links[d.cluster];
  ref.candidate = entityId(d.cluster);
  if (d.resolvedBy === 'pronoun' || d.resolvedBy === 'role') ref.text = c.text;
  else if (c.surnameOf && nameKey(ref.text) === nameKey(c.surnameOf)) ref.resolvedBy = 'surname';
  if (link?.decision === 'auto') ref.entityId = link.entityId;
  else if (link?.options[0] && link.options[0].score >= 0.75)
    Object.assign(ref, { entityId: link.options[0].entityId, suggested: true });
  if (asClaimant && c.type === 'PLACE') {
    ref.resolvedBy = 'metonymy';
    const gov = ref.entityId ? governmentOf(ref.entityId, gz) : undefined;
    if (gov) Object.assign(ref, { entityId: gov, suggested: true });
    else delete ref.entityId;
  }
  return ref;
}
