import {
  type BoardClaim,
  CLAIMS_MAX,
  type BoardEvent,
  type Claimant,
  type ClaimsQuery,
  DECLARED_SIDES,
  type ClaimsResponse,
  type Side,
  type SideGroup,
} from '../../../shared/api/claims';
import { articleRef } from '../../db/article-ref';
import { numOrNull, strOrNull } from '../../db/convert';
import { FAR_FUTURE } from '../../db/fragments';
import { nodeCaption, nodeKey } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';
import { notFound } from '../../http/errors';
import { CLAIMS_CYPHER } from './cypher';

/**
 * The contested-claims board. One round trip (cypher.ts): the claims (with claimant, reporting
 * article and contradictions) and, per distinct claimant, its nearest affiliation paths to a side;
 * the side is picked in TypeScript (pickSide) so the rule is unit-tested.
 */

export { CLAIMS_MAX };

/** One way a claimant reaches a side: hops (the `country` property counts as one), the steps, and how. */
export interface SideCandidate {
  hops: number;
  side: Side;
  via: string[];
  basis?: SideBasis;
}

export type SideBasis = NonNullable<Claimant['sideBasis']>;

/**
 * The claimant's side: the nearest country or declared side (a declared side first at equal
 * distance); on a tie between different sides, the first by name, flagged ambiguous. Pure;
 * O(candidates log candidates).
 */
export function pickSide(candidates: readonly SideCandidate[]): {
  side: Side | null;
  via: string[];
  ambiguous: boolean;
  basis: SideBasis | null;
} {
  if (candidates.length === 0) return { side: null, via: [], ambiguous: false, basis: null };
  const declared = (c: SideCandidate) => (c.basis === 'declared' ? 0 : 1);
  const sorted = [...candidates].sort(
    (a, b) =>
      a.hops - b.hops ||
      declared(a) - declared(b) ||
      a.side.name.localeCompare(b.side.name) ||
      a.via.length - b.via.length,
  );
  const best = sorted[0]!;
  const ambiguous = sorted.some(
    (c) => c.hops === best.hops && declared(c) === declared(best) && c.side.id !== best.side.id,
  );
  return { side: best.side, via: best.via, ambiguous, basis: best.basis ?? 'affiliation' };
}

/** A declared side (an organization's `side` property), or null when the value is not one. */
export function declaredSide(value: unknown): Side | null {
  if (typeof value !== 'string' || !Object.hasOwn(DECLARED_SIDES, value)) return null;
  return { id: `declared:${value}`, key: value, name: DECLARED_SIDES[value]! };
}

/** A node as the board reads it: its element id and the properties its caption and key need. */
interface Captioned {
  id: string;
  p: Record<string, unknown>;
}

/** A claimant's path to a possible side, as the walk returns it (cypher.ts). */
export interface WalkedPath {
  /** Claimant first, then each node reached. */
  nodes: Captioned[];
  /** The relationship type of each hop. */
  types: string[];
  /** The last node's `side` property. */
  side: unknown;
  /** The place the last node's `country` property names, when that is what gives the side. */
  country: Captioned | null;
}

const captionOf = (n: Captioned) => nodeCaption(n.p, n.id);

/**
 * Turns a path (claimant → … → x) plus an optional `country` lookup into a candidate. A side
 * declared on x wins over x's country: nationality is not allegiance.
 */
export function candidateFromPath(path: WalkedPath): SideCandidate {
  const via: string[] = [captionOf(path.nodes[0]!)];
  path.types.forEach((t, i) => via.push(t, captionOf(path.nodes[i + 1]!)));
  const hops = path.types.length;
  const declared = declaredSide(path.side);
  if (declared) {
    via.push('side', declared.name);
    return { hops, side: declared, via, basis: 'declared' };
  }
  if (path.country) {
    via.push('country', captionOf(path.country));
    return { hops: hops + 1, side: captioned(path.country), via, basis: 'country' };
  }
  return { hops, side: captioned(path.nodes.at(-1)!), via, basis: 'affiliation' };
}

const captioned = (n: Captioned): Side => ({ id: n.id, key: nodeKey(n.p), name: captionOf(n) });

const STATUS_ORDER: Record<string, number> = { contested: 0, unanswered: 1, acknowledged: 2, uncontested: 3 };

/**
 * Orders an event's side groups: sides with contested claims first, then by claim count, then by
 * name; unaffiliated claimants last. Claims within a side: contested first, then by date. Pure.
 */
export function orderGroups(groups: SideGroup[]): SideGroup[] {
  const contested = (g: SideGroup) => g.claims.some((c) => c.statusAsOf === 'contested');
  for (const g of groups) {
    g.claims.sort(
      (a, b) =>
        (STATUS_ORDER[a.statusAsOf ?? ''] ?? 3) - (STATUS_ORDER[b.statusAsOf ?? ''] ?? 3) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        (a.statement ?? '').localeCompare(b.statement ?? ''),
    );
  }
  return groups.sort((a, b) => {
    if (!a.side !== !b.side) return a.side ? -1 : 1;
    return (
      Number(contested(b)) - Number(contested(a)) ||
      b.claims.length - a.claims.length ||
      (a.side?.name ?? '').localeCompare(b.side?.name ?? '')
    );
  });
}

/** Runs the board query and groups it. Cost: one round trip; bounded affiliation walks per distinct claimant. */
export async function loadClaims(db: Db, q: ClaimsQuery): Promise<ClaimsResponse> {
  const t0 = performance.now();
  const res = await readQuery(
    db,
    q.event ? CLAIMS_CYPHER.oneEvent : CLAIMS_CYPHER.all,
    // Sentinels instead of nulls: one parameter-type shape, one cached plan.
    {
      filtered: q.asReportedBy !== undefined,
      asOf: q.asReportedBy ?? FAR_FUTURE,
      event: q.event ?? '',
      cap: int(CLAIMS_MAX),
      declared: Object.keys(DECLARED_SIDES),
    },
    { metadata: { endpoint: 'claims' } },
  );
  const row = res.records[0];
  if (!row) throw new Error('claims query returned no row');
  if (q.event && Number(row.get('eventFound')) === 0) throw notFound(`No node with id "${q.event}".`);

  const sideOf = new Map<string, ReturnType<typeof pickSide>>();
  for (const a of row.get('affiliations') as { who: string; candidates: WalkedPath[] }[])
    sideOf.set(a.who, pickSide(a.candidates.map(candidateFromPath)));

  type EventRow = Captioned & { labels: string[]; start: string | null; end: string | null };
  const eventOf = new Map((row.get('events') as EventRow[]).map((e) => [e.id, e]));
  type Row = {
    event: string;
    claim: Captioned;
    date: string | null;
    who: (Captioned & { labels: string[] }) | null;
    article: Captioned | null;
    contra: string[];
  };
  const byEvent = new Map<string, { event: EventRow; claims: BoardClaim[] }>();
  for (const r of row.get('rows') as Row[]) {
    const p = r.claim.p;
    const status = strOrNull(p.status);
    // As reported by a day, a contested claim whose counter-claims came later was unanswered then. Today the
    // status stands as stored: an editor may set it contested with no contradicting claim in the graph.
    const statusAsOf =
      q.asReportedBy !== undefined && status === 'contested' && r.contra.length === 0 ? 'unanswered' : status;
    let claimant: Claimant | null = null;
    if (r.who) {
      const s = sideOf.get(r.who.id) ?? { side: null, via: [], ambiguous: false, basis: null };
      claimant = {
        id: r.who.id,
        key: nodeKey(r.who.p),
        caption: captionOf(r.who),
        labels: [...r.who.labels],
        side: s.side,
        sideVia: s.via,
        sideAmbiguous: s.ambiguous,
        sideBasis: s.basis,
      };
    }
    const quote = strOrNull(p.quote);
    const article = r.article ? { elementId: r.article.id, properties: r.article.p } : null;
    const articleKey = strOrNull(p.article) ?? (r.article ? nodeKey(r.article.p) : null);
    const claim: BoardClaim = {
      id: r.claim.id,
      key: nodeKey(p),
      statement: strOrNull(p.statement),
      stance: strOrNull(p.stance),
      status,
      statusAsOf,
      date: r.date,
      claimant,
      evidence:
        quote !== null && articleKey !== null
          ? {
              article: {
                ...articleRef(article, articleKey),
                title: r.article ? captionOf(r.article) : null,
              },
              quote,
              start: numOrNull(p.start),
              end: numOrNull(p.end),
            }
          : null,
      contradicts: r.contra,
      // Only a claim this app loaded (a dataset) can be edited; its version is what the edit sends back.
      edit:
        p.dataset === undefined || p.dataset === null
          ? null
          : { version: numOrNull(p.version) ?? 0, by: strOrNull(p.edited_by), at: strOrNull(p.edited_at) },
    };
    const slot =
      byEvent.get(r.event) ?? byEvent.set(r.event, { event: eventOf.get(r.event)!, claims: [] }).get(r.event)!;
    slot.claims.push(claim);
  }

  const sides = new Map<string, Side>();
  const events: BoardEvent[] = [];
  for (const { event, claims } of byEvent.values()) {
    const ids = new Set(claims.map((c) => c.id));
    const groups = new Map<string, SideGroup>();
    for (const c of claims) {
      const side = c.claimant?.side ?? null;
      if (side) sides.set(side.id, side);
      const k = side?.id ?? '';
      (groups.get(k) ?? groups.set(k, { side, claims: [] }).get(k)!).claims.push(c);
    }
    const count = (s: string) => claims.filter((c) => c.statusAsOf === s).length;
    events.push({
      event: { id: event.id, key: nodeKey(event.p), caption: captionOf(event), labels: [...event.labels] },
      start: event.start,
      end: event.end,
      contested: claims.some((c) => c.contradicts.some((o) => ids.has(o))),
      counts: {
        total: claims.length,
        contested: count('contested'),
        unanswered: count('unanswered'),
        acknowledged: count('acknowledged'),
        uncontested: count('uncontested'),
      },
      groups: orderGroups([...groups.values()]),
    });
  }
  events.sort(
    (a, b) =>
      Number(b.contested) - Number(a.contested) ||
      (a.start ?? '9999').localeCompare(b.start ?? '9999') ||
      a.event.caption.localeCompare(b.event.caption),
  );
  const filtered = q.contested === undefined ? events : events.filter((e) => e.contested === q.contested);
  return {
    asReportedBy: q.asReportedBy ?? null,
    sides: [...sides.values()].sort((a, b) => a.name.localeCompare(b.name)),
    events: filtered,
    truncated: Boolean(row.get('truncated')),
    unavailable: null,
    tookMs: Math.round(performance.now() - t0),
  };
}
