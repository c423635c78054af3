import type { Node } from 'neo4j-driver';
import type { Perspective } from '../../../shared/api/perspectives';
import {
  bucketize,
  TIMELINE_MAX_ITEMS,
  type TimelineEvent,
  type TimelineQuery,
  type TimelineResponse,
} from '../../../shared/api/timeline';
import { toJson } from '../../db/convert';
import { nodeCaption, nodeKey } from '../../db/graph';
import { int, readQuery, type Db } from '../../db/runner';

/**
 * The timeline of a perspective in `dates` mode (any database): every node with one of the
 * perspective's date properties, at that date — a year as the whole year. No articles and no
 * "as reported by" (nothing says when a fact became known). One round trip.
 */

const quote = (t: string) => `\`${t.replace(/`/g, '``')}\``;

/** A date-ish value as an ISO day span, or null: a year (1999), a Neo4j date/datetime, an ISO string. */
export function daySpan(v: unknown, kind: 'date' | 'year'): { start: string; end: string } | null {
  const j = toJson(v);
  if (kind === 'year') {
    const y = typeof j === 'number' ? j : typeof j === 'string' && /^\d{4}$/.test(j) ? Number(j) : NaN;
    if (!Number.isInteger(y) || y < 1 || y > 9999) return null;
    const yy = String(y).padStart(4, '0');
    return { start: `${yy}-01-01`, end: `${yy}-12-31` };
  }
  if (typeof j !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(j)) return null;
  return { start: j.slice(0, 10), end: j.slice(0, 10) };
}

export async function loadDateTimeline(db: Db, p: Perspective, q: TimelineQuery): Promise<TimelineResponse> {
  const t0 = performance.now();
  const dates = p.views.timeline.dates;
  const params: Record<string, unknown> = { cap: int(TIMELINE_MAX_ITEMS * 2) };
  const parts = dates.map((d, i) => {
    params[`p${i}`] = d.property;
    return `MATCH (n:${quote(d.label)}) WHERE n[$p${i}] IS NOT NULL RETURN n, n[$p${i}] AS v, ${i} AS which`;
  });
  const events: TimelineEvent[] = [];
  let truncated = false;
  if (parts.length) {
    const r = await readQuery(db, `CALL () { ${parts.join(' UNION ALL ')} } RETURN n, v, which LIMIT $cap`, params, {
      metadata: { endpoint: 'timeline' },
    });
    truncated = r.records.length >= TIMELINE_MAX_ITEMS * 2;
    const seen = new Set<string>();
    for (const rec of r.records) {
      const n = rec.get('n') as Node;
      if (seen.has(n.elementId)) continue;
      const d = dates[Number(toJson(rec.get('which')))]!;
      const span = daySpan(rec.get('v'), d.kind);
      if (!span) continue;
      if ((q.from && span.end < q.from) || (q.to && span.start > q.to)) continue;
      seen.add(n.elementId);
      const props = n.properties as Record<string, unknown>;
      events.push({
        id: n.elementId,
        key: nodeKey(props),
        name: nodeCaption(props, n.elementId, n.labels),
        kind: d.label,
        start: span.start,
        end: span.end,
        openStart: false,
        openEnd: false,
        places: [],
        claims: { total: 0, contested: 0, unanswered: 0, acknowledged: 0, uncontested: 0 },
        contested: false,
        sources: 0,
      });
    }
  }
  events.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.name.localeCompare(b.name));
  if (events.length > TIMELINE_MAX_ITEMS) truncated = true;
  const kept = events.slice(0, TIMELINE_MAX_ITEMS);
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    asReportedBy: null,
    granularity: q.granularity,
    events: kept,
    articles: [],
    buckets: bucketize(kept, [], q.granularity),
    undated: 0,
    truncated,
    facts: { total: 0, supported: 0 },
    tookMs: Math.round(performance.now() - t0),
  };
}
