/**
 * What the server proposes for each candidate of a batch — the decision an accept would apply if
 * the reviewer changes nothing — and why a candidate cannot be accepted yet (a participant still
 * to accept, a type to choose, an event a claim is about). Pure: batch + the review so far in,
 * proposals out. Cost: linear in the candidates.
 */
import type {
  Batch,
  Candidate,
  ClaimCandidate,
  DateCandidate,
  EntityCandidate,
  EntityRef,
  EventCandidate,
  LinkCandidate,
  RelationshipCandidate,
} from '../batch';
import { LABEL_OF } from '../batch';
import { outletKey } from '../link/normalise';
import type { DecisionRow } from '../staging/store';
import {
  CAND,
  candRef,
  type ClaimDecision,
  type Decision,
  type EntityDecision,
  type EventDecision,
  type RelationshipDecision,
} from './decision';

export interface Proposal {
  decision: Decision | null;
  /** Why it cannot be accepted as proposed (the reviewer must choose or accept something first). */
  blocked: string | null;
}

export type Decisions = ReadonlyMap<string, DecisionRow>;

/** Confidence at or above which bulk accept takes a candidate by default. */
export const BULK_CONFIDENCE = 0.9;

const byId = (b: Batch) => new Map(b.candidates.map((c) => [c.id, c]));

/** The link candidate of an entity candidate, if any. */
export function linkOf(b: Batch, entityId: string): LinkCandidate | undefined {
  return b.candidates.find((c): c is LinkCandidate => c.kind === 'link' && c.entity === entityId);
}

/** A batch participant as a decision reference: a certain graph id, else its candidate, else a suggestion. */
export function refOf(r: EntityRef | undefined): string | undefined {
  if (!r) return undefined;
  if (r.entityId && !r.suggested) return r.entityId;
  if (r.candidate && r.resolvedBy !== 'metonymy') return candRef(r.candidate);
  return r.entityId;
}

/**
 * A reference resolved to a graph id: graph ids as they are, `cand:<id>` to what its accept
 * gave it. `{ missing }` names the candidate to accept first.
 */
export function resolveRef(
  ref: string,
  b: Batch,
  decisions: Decisions,
): { id: string } | { missing: string; text: string } {
  if (!ref.startsWith(CAND)) return { id: ref };
  const cid = ref.slice(CAND.length);
  const c = byId(b).get(cid);
  const target = c?.kind === 'link' ? c.entity : cid;
  const d = decisions.get(target);
  const id = d?.state === 'accepted' ? d.result?.entityId : undefined;
  if (typeof id === 'string') return { id };
  const cand = byId(b).get(target);
  const text = cand && 'text' in cand ? String(cand.text) : cand?.kind === 'event' ? cand.trigger : target;
  return { missing: target, text };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The article as descriptions name it: its title, with outlet and date when known. */
export function articleWords(b: Batch): string {
  const a = b.article;
  const where = [a.outlet, a.published].filter(Boolean).join(', ');
  return `"${a.title ?? a.source}"${where ? ` (${where})` : ''}`;
}

export { outletKey };

/** Whether an entity candidate is the article's outlet: one of its forms is the outlet's name. */
export function isOutletCandidate(b: Batch, c: EntityCandidate): boolean {
  const outlet = b.article.outlet;
  if (!outlet?.trim()) return false;
  const k = outletKey(outlet);
  return [c.text, ...c.forms].some((f) => outletKey(f) === k);
}

function entityProposal(b: Batch, c: EntityCandidate): Proposal {
  const link = linkOf(b, c.id);
  if (link?.decision === 'auto' && link.entityId)
    return { decision: { action: 'link', entityId: link.entityId }, blocked: null };
  // The outlet's own name: the graph's organization of that name when the linker offers it, else the
  // outlet the article's first accept creates — never a new organization beside it.
  if (isOutletCandidate(b, c)) {
    const k = outletKey(b.article.outlet!);
    const known = link?.options.find(
      (o) => o.labels.includes('Organization') && (outletKey(o.name) === k || outletKey(o.matched) === k),
    );
    return { decision: known ? { action: 'link', entityId: known.entityId } : { action: 'outlet' }, blocked: null };
  }
  const top = link?.options[0];
  if (top && top.score >= 0.75 && !top.caution && !top.judgedUnsure)
    return { decision: { action: 'link', entityId: top.entityId }, blocked: null };
  const label = LABEL_OF[c.type];
  const decision: EntityDecision = {
    action: 'create',
    label: (label ?? 'Person') as 'Person',
    name: c.text,
    aliases: [...new Set(c.forms)],
    description: `${label ?? 'Entity'} named in ${articleWords(b)}.`,
  };
  return {
    decision,
    blocked: label ? null : 'choose what it is (person, organization, place or weapon) before accepting',
  };
}

function relationshipProposal(c: RelationshipCandidate): Proposal {
  const from = refOf(c.from);
  const to = refOf(c.to);
  if (!from || !to)
    return { decision: null, blocked: `choose the ${from ? 'target' : 'source'} of this ${c.type} relationship` };
  const decision: RelationshipDecision = { type: c.type, from, to, quoteSpan: c.quoteSpan, properties: {} };
  return { decision, blocked: null };
}

/** The seed data's status for a claim, from the attribution's stance hints (a proposal only). */
export function statusOf(stance: string[]): ClaimDecision['status'] {
  if (stance.includes('denies')) return 'contested';
  if (stance.includes('accuses')) return 'unanswered';
  if (stance.includes('admits') || stance.includes('acknowledges')) return 'acknowledged';
  return 'uncontested';
}

function stanceWords(stance: string[]): string {
  const main = stance.filter((s) => !['direct-quote', 'relayed', 'negation'].includes(s));
  if (main.includes('casualty-report')) return 'reports casualties';
  return main[0] ?? 'states';
}

/** Events of this batch a claim is presumably about: accepted ones whose sentence holds the claim, else the only one. */
function aboutOf(b: Batch, c: ClaimCandidate, decisions: Decisions): string[] {
  const events = b.candidates.filter((x): x is EventCandidate => x.kind === 'event');
  const accepted = events.filter((e) => decisions.get(e.id)?.state === 'accepted');
  const inside = accepted.filter(
    (e) => e.quoteSpan.start <= c.statementSpan.end && e.quoteSpan.end >= c.statementSpan.start,
  );
  const pick = inside.length ? inside : accepted.length === 1 ? accepted : [];
  return pick.map((e) => candRef(e.id));
}

/** A date candidate as decision fields: its day, else its range ("last week"), with how it was derived. */
function datesOf(
  date: DateCandidate | undefined,
): Pick<ClaimDecision, 'date' | 'date_from' | 'date_to' | 'date_basis'> {
  if (date?.date) return { date: date.date, date_basis: date.dateBasis };
  if (date?.dateFrom) return { date_from: date.dateFrom, date_to: date.dateTo, date_basis: date.dateBasis };
  return {};
}

function claimProposal(b: Batch, c: ClaimCandidate, decisions: Decisions): Proposal {
  const claimant = refOf(c.claimant);
  const date = c.date ? (byId(b).get(c.date) as DateCandidate | undefined) : undefined;
  const said = c.statement.length > 300 ? `${c.statement.slice(0, 299).trimEnd()}…` : c.statement;
  // A denial's content is what is denied: say so, or the claim would read as its opposite.
  const statement = c.stance.includes('denies') ? `Denies that ${said.charAt(0).toLowerCase()}${said.slice(1)}` : said;
  const about = aboutOf(b, c, decisions);
  const decision: ClaimDecision = {
    claimant: claimant ?? '',
    ...(c.via ? { via: refOf(c.via) } : {}),
    about,
    statement: capital(statement),
    stance: stanceWords(c.stance),
    status: statusOf(c.stance),
    ...datesOf(date),
    quoteSpan: c.quoteSpan,
  };
  const blocked = !claimant
    ? `choose who makes this claim ("${c.claimant.text}" is not a named person or body)`
    : about.length
      ? null
      : 'choose the event this claim is about (accept an event of this article or pick one from the graph)';
  return { decision, blocked };
}

function eventProposal(b: Batch, c: EventCandidate): Proposal {
  const date = c.date ? (byId(b).get(c.date) as DateCandidate | undefined) : undefined;
  // The place as the article writes it in prose ("Kharkiv"), not in a dateline's capitals ("KHARKIV").
  const placeEntity = c.place?.candidate ? byId(b).get(c.place.candidate) : undefined;
  const forms = placeEntity?.kind === 'entity' ? [placeEntity.text, ...placeEntity.forms] : [];
  const where = forms.find((f) => f !== f.toUpperCase()) ?? c.place?.text;
  const weapons = c.participants
    .filter((p) => {
      const cand = p.candidate ? byId(b).get(p.candidate) : undefined;
      return cand?.kind === 'entity' && cand.type === 'WEAPON';
    })
    .map((p) => refOf(p)!)
    .filter(Boolean);
  const decision: EventDecision = {
    action: 'create',
    name: `${capital(c.eventKind.replace(/-/g, ' '))}${where ? ` in ${where}` : ''}${date?.date ? `, ${date.date}` : ''}`,
    kind: c.eventKind,
    description: `${capital(c.eventKind.replace(/-/g, ' '))} reported in ${articleWords(b)}.`,
    ...datesOf(date),
    ...(c.place ? { place: refOf(c.place) } : {}),
    weapons,
    quoteSpan: c.quoteSpan,
  };
  return { decision, blocked: null };
}

/** The proposal for one candidate given the review so far. */
export function proposalFor(b: Batch, c: Candidate, decisions: Decisions): Proposal {
  switch (c.kind) {
    case 'entity':
      return entityProposal(b, c);
    case 'link': {
      const e = byId(b).get(c.entity) as EntityCandidate | undefined;
      return e ? entityProposal(b, e) : { decision: null, blocked: 'its entity candidate is missing' };
    }
    case 'relationship':
      return relationshipProposal(c);
    case 'claim':
      return claimProposal(b, c, decisions);
    case 'event':
      return eventProposal(b, c);
    case 'date':
      return { decision: {}, blocked: null };
  }
}

/** Graph-id references of a decision (participants that must exist before it can be written). */
export function refsOf(kind: Candidate['kind'], d: Decision): string[] {
  if (kind === 'relationship') {
    const r = d as RelationshipDecision;
    return [r.from, r.to];
  }
  if (kind === 'claim') {
    const c = d as ClaimDecision;
    return [c.claimant, ...(c.via ? [c.via] : []), ...c.about];
  }
  if (kind === 'event') {
    const e = d as EventDecision;
    return [...(e.place ? [e.place] : []), ...e.weapons];
  }
  return [];
}
