import { isPath, type Path } from 'neo4j-driver';
import {
  AFFILIATION_MAX_HOPS,
  AFFILIATION_TYPES,
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
import { cypherArticleDay, cypherDate, FAR_FUTURE } from '../../db/fragments';
import { nodeCaption, nodeKey } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';
import { notFound } from '../../http/errors';

/**
 * The contested-claims board. One round trip: the claims (with claimant, reporting article and
 * contradictions) and, per distinct claimant, its affiliation paths to a country; the side is
 * picked in TypeScript (pickSide) so the rule is unit-tested.
 */

export { CLAIMS_MAX };

const AFFILIATION = AFFILIATION_TYPES.join('|');

// A path end that gives a side at its own distance (a country node or a declared side), and one
// worth reading (also a `country` property, which counts one hop more).
const SIDE_AT = (x: string) => `(${x}:Place AND ${x}.kind = 'country') OR ${x}:Country OR ${x}.side IN $declared`;
const SIDE_NEAR = (x: string) => `${SIDE_AT(x)} OR ${x}.country IS :: STRING NOT NULL`;

/**
 * A claimant's candidate paths, hop count by hop count: paths of length k are walked only while no
 * shorter path ends at a side (SIDE_AT), since those are farther than a side already found. That
 * keeps every candidate pickSide could choose or call a tie (a `country` property at k-1 ties a
 * country at k), and walks a claimant's neighbourhood only as far as its nearest side.
 */
const affiliationLevels = () =>
  Array.from({ length: AFFILIATION_MAX_HOPS + 1 }, (_, k) =>
    [
      k > 0 ? `WITH who WHERE NOT EXISTS { (who)-[:${AFFILIATION}*0..${k - 1}]->(y) WHERE ${SIDE_AT('y')} }` : '',
      `MATCH p = (who)-[:${AFFILIATION}*${k}..${k}]->(x) WHERE ${SIDE_NEAR('x')}`,
      'RETURN p, x',
    ].join('\n    '),
  ).join('\n    UNION ALL\n    ');

// Cost follows the answer: the event is found by an elementId or a key seek (never a scan of every
// node); one event's claims are read from the event; "as reported by" is a check per claim on its
// reporting articles' dates; the board reads at most $cap + 1 claims (the one over says "truncated").
const CLAIMS_CYPHER = `
WITH $filtered AS filtered, date($asOf) AS asOf
CALL () {
  OPTIONAL MATCH (x) WHERE $event <> '' AND elementId(x) = $event
  OPTIONAL MATCH (ev:Event {id: $event})
  OPTIONAL MATCH (en:Entity {id: $event})
  WITH [n IN [x, ev, en] WHERE n IS NOT NULL] AS found
  UNWIND found AS n
  RETURN collect(DISTINCT n) AS targets
}
CALL (filtered, asOf, targets) {
  CALL (targets) {
    WITH targets WHERE $event <> ''
    UNWIND targets AS e
    MATCH (c:Claim)-[:ABOUT]->(e)
    RETURN c, e
    UNION ALL
    WITH targets WHERE $event = ''
    MATCH (c:Claim)-[:ABOUT]->(e)
    RETURN c, e
  }
  WITH c, e WHERE NOT filtered OR EXISTS { MATCH (a:Article)-[:REPORTS]->(c) WHERE ${cypherArticleDay('a')} <= asOf }
  WITH c, e LIMIT $cap + 1
  WITH c, e,
       ${cypherDate('e.date')} AS d0, ${cypherDate('e.date_from')} AS df, ${cypherDate('e.date_to')} AS dt,
       ${cypherDate('c.date')} AS cd, ${cypherDate('c.date_from')} AS cdf, ${cypherDate('c.date_to')} AS cdt,
       head([(w)-[:MADE]->(c) | w]) AS who,
       head([(a:Article)-[:REPORTS]->(c) | a]) AS reporter,
       head(COLLECT { MATCH (a:Article) WHERE c.article IS NOT NULL AND a.id = c.article RETURN a LIMIT 1 }) AS byKey,
       [(c)-[:CONTRADICTS]-(o:Claim)
         WHERE NOT filtered OR EXISTS { MATCH (a2:Article)-[:REPORTS]->(o) WHERE ${cypherArticleDay('a2')} <= asOf }
         | elementId(o)] AS contra
  RETURN collect({
    event: e, start: toString(coalesce(d0, df, dt)), end: toString(coalesce(d0, dt, df)),
    claim: c, date: CASE WHEN cd IS NOT NULL THEN toString(cd)
                         WHEN cdf IS NOT NULL OR cdt IS NOT NULL THEN coalesce(toString(cdf), '') + '/' + coalesce(toString(cdt), '')
                    END,
    who: who, article: coalesce(reporter, byKey), contra: contra
  }) AS found
}
WITH size(targets) AS eventFound, size(found) > $cap AS truncated, found[0..$cap] AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH DISTINCT row.who AS who
  WHERE who IS NOT NULL
  CALL (who) {
    CALL (who) {
    ${affiliationLevels()}
    }
    WITH p, x ORDER BY length(p) LIMIT 25
    OPTIONAL MATCH (cty:Place) WHERE NOT ((x:Place AND x.kind = 'country') OR x:Country) AND cty.id = x.country
    WITH p, x, cty
    WHERE (x:Place AND x.kind = 'country') OR x:Country OR cty IS NOT NULL OR x.side IN $declared
    RETURN collect({ path: p, country: cty }) AS candidates
  }
  RETURN collect({ who: elementId(who), candidates: candidates }) AS affiliations
}
RETURN eventFound, truncated, rows, affiliations`;

interface NodeLike {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

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

const ref = (n: NodeLike) => ({
  id: n.elementId,
  key: nodeKey(n.properties),
  name: nodeCaption(n.properties, n.elementId),
});

/** A declared side (an organization's `side` property), or null when the value is not one. */
export function declaredSide(value: unknown): Side | null {
  if (typeof value !== 'string' || !Object.hasOwn(DECLARED_SIDES, value)) return null;
  return { id: `declared:${value}`, key: value, name: DECLARED_SIDES[value]! };
}

/**
 * Turns a path (claimant → … → x) plus an optional `country` lookup into a candidate. A side
 * declared on x wins over x's country: nationality is not allegiance.
 */
export function candidateFromPath(path: Path, country: NodeLike | null): SideCandidate {
  const via: string[] = [nodeCaption(path.start.properties as Record<string, unknown>, path.start.elementId)];
  for (const seg of path.segments)
    via.push(seg.relationship.type, nodeCaption(seg.end.properties as Record<string, unknown>, seg.end.elementId));
  const declared = declaredSide((path.end.properties as Record<string, unknown>).side);
  if (declared) {
    via.push('side', declared.name);
    return { hops: path.length, side: declared, via, basis: 'declared' };
  }
  if (country) {
    via.push('country', nodeCaption(country.properties, country.elementId));
    return { hops: path.length + 1, side: ref(country), via, basis: 'country' };
  }
  return { hops: path.length, side: ref(path.end as unknown as NodeLike), via, basis: 'affiliation' };
}

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
    CLAIMS_CYPHER,
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
  for (const a of row.get('affiliations') as {
    who: string;
    candidates: { path: unknown; country: NodeLike | null }[];
  }[]) {
    const cands = a.candidates.filter((c) => isPath(c.path)).map((c) => candidateFromPath(c.path as Path, c.country));
    sideOf.set(a.who, pickSide(cands));
  }

  type Row = {
    event: NodeLike;
    start: string | null;
    end: string | null;
    claim: NodeLike;
    date: string | null;
    who: NodeLike | null;
    article: NodeLike | null;
    contra: string[];
  };
  const byEvent = new Map<
    string,
    { event: NodeLike; start: string | null; end: string | null; claims: BoardClaim[] }
  >();
  for (const r of row.get('rows') as Row[]) {
    const p = r.claim.properties;
    const status = strOrNull(p.status);
    // As reported by a day, a contested claim whose counter-claims came later was unanswered then. Today the
    // status stands as stored: an editor may set it contested with no contradicting claim in the graph.
    const statusAsOf =
      q.asReportedBy !== undefined && status === 'contested' && r.contra.length === 0 ? 'unanswered' : status;
    let claimant: Claimant | null = null;
    if (r.who) {
      const s = sideOf.get(r.who.elementId) ?? { side: null, via: [], ambiguous: false, basis: null };
      claimant = {
        id: r.who.elementId,
        key: nodeKey(r.who.properties),
        caption: nodeCaption(r.who.properties, r.who.elementId),
        labels: [...r.who.labels],
        side: s.side,
        sideVia: s.via,
        sideAmbiguous: s.ambiguous,
        sideBasis: s.basis,
      };
    }
    const quote = strOrNull(p.quote);
    const articleKey = strOrNull(p.article) ?? (r.article ? nodeKey(r.article.properties) : null);
    const claim: BoardClaim = {
      id: r.claim.elementId,
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
                ...articleRef(r.article, articleKey),
                title: r.article ? nodeCaption(r.article.properties, r.article.elementId) : null,
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
      byEvent.get(r.event.elementId) ??
      byEvent
        .set(r.event.elementId, { event: r.event, start: r.start, end: r.end, claims: [] })
        .get(r.event.elementId)!;
    slot.claims.push(claim);
  }

  const sides = new Map<string, Side>();
  const events: BoardEvent[] = [];
  for (const { event, start, end, claims } of byEvent.values()) {
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
      event: {
        id: event.elementId,
        key: nodeKey(event.properties),
        caption: nodeCaption(event.properties, event.elementId),
        labels: [...event.labels],
      },
      start,
      end,
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
