import neo4j from 'neo4j-driver';
import type { SeedData } from './read';
import { NodeIndex } from './ids';
import { reportedProps } from './reported';
import type { Evidence } from './schema';

/** Every node this loader writes carries `dataset`, so `--reset` removes exactly ours. */
export const DATASET = 'belgorod';
const DATE_FIELDS = new Set(['date', 'date_from', 'date_to', 'published']);

export type Row = Record<string, unknown>;

/** One node to write: its labels (all of them, `Entity` included) and its stored properties. */
export interface NodeRow {
  labels: string[];
  props: Row;
}

/** One relationship to write between two ids (ids are unique across articles, entities and claims). */
export interface RelRow {
  type: string;
  /** The labels the ends are looked up under by the one-transaction MERGE path. */
  fromLabel: string;
  toLabel: string;
  from: string;
  to: string;
  props: Row;
}

export interface LoadCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** 'YYYY-MM-DD' (validated) → a Neo4j date value, so Cypher does not parse one per row. */
function toDate(s: string): unknown {
  return new neo4j.types.Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/**
 * A node's properties as typed driver values (dates as Neo4j dates, location as a WGS-84 point),
 * so one `SET n = row` stores them with no per-row date()/point() calls in Cypher.
 */
export function nodeProps(data: Record<string, unknown>, exclude: string[] = []): Row {
  const props: Row = { dataset: DATASET };
  for (const [k, v] of Object.entries(data)) {
    if (exclude.includes(k) || v === undefined || v === null) continue;
    if (DATE_FIELDS.has(k) && typeof v === 'string') props[k] = toDate(v);
    else if (k === 'location' && typeof v === 'object') {
      const { lat, lon } = v as { lat: number; lon: number };
      props[k] = new neo4j.types.Point(4326, lon, lat);
    } else props[k] = v;
  }
  return props;
}

/** Keys the provenance() helper writes. */
export const PROVENANCE_KEYS = [
  'article',
  'quote',
  'start',
  'end',
  'evidence_articles',
  'evidence_quotes',
  'evidence_starts',
  'evidence_ends',
  'sources',
  'outlets',
  'unnamed_outlets',
] as const;

/**
 * Provenance properties: the first quote as article/quote/start/end, all of them as parallel
 * lists, and how many articles and outlets support it. Ingest's accepts write the same shape.
 * `outletOf` gives an article's outlet, or null when it is not known (none recorded, or a
 * placeholder organisation): such articles are counted apart, as `unnamed_outlets`, since two of
 * them may well be one outlet and one of them may be a named one's.
 */
export function provenance(
  evidence: readonly Pick<Evidence, 'article' | 'quote' | 'start' | 'end'>[],
  outletOf: (article: string) => string | null,
): Row {
  const first = evidence[0]!;
  const articles = evidence.map((e) => e.article);
  const named = new Set<string>();
  let unnamed = 0;
  for (const a of new Set(articles)) {
    const o = outletOf(a);
    if (o === null) unnamed++;
    else named.add(o);
  }
  return {
    article: first.article,
    quote: first.quote,
    start: first.start,
    end: first.end,
    evidence_articles: articles,
    evidence_quotes: evidence.map((e) => e.quote),
    evidence_starts: evidence.map((e) => e.start),
    evidence_ends: evidence.map((e) => e.end),
    sources: new Set(articles).size,
    outlets: named.size,
    unnamed_outlets: unnamed,
  };
}

/**
 * The dataset as the rows the loaders write, built lazily (one record at a time) so a batched
 * load holds one batch of rows beside the source data, not a second copy of it.
 *
 * Derived values: an article's outlet and authors by name (ids kept beside them), a claim's
 * readable `name`; claims' `about` lists and contradiction pairs are deduplicated, so every
 * (type, from, to) occurs once (the validator guarantees it for the rest).
 */
export class SeedRows {
  private readonly ids: NodeIndex;
  /** An article's outlet, null for a placeholder organisation (seed/README.md: an unidentified publisher). */
  private readonly outletOf = (a: string): string | null => {
    const o = this.ids.article(a)?.outlet;
    return o && this.ids.entity(o)?.data.placeholder !== true ? o : null;
  };
  private readonly nameOf = (id: string): string | undefined => this.ids.entity(id)?.data.name;

  constructor(private readonly d: SeedData) {
    // One compact index instead of a Map per lookup: the only loader state that grows with the graph.
    this.ids = new NodeIndex(d.articles, d.entities, d.claims);
  }

  *articles(): Generator<NodeRow> {
    for (const a of this.d.articles)
      yield {
        labels: ['Article'],
        // Readable names on the node itself (what a reader wants to see); ids kept beside them.
        props: Object.assign(nodeProps(a as unknown as Record<string, unknown>), {
          outlet: this.nameOf(a.outlet) ?? a.outlet,
          outlet_id: a.outlet,
          authors: a.authors.map((p) => this.nameOf(p) ?? p),
          author_ids: a.authors,
        }),
      };
  }

  *entities(): Generator<NodeRow> {
    // An entity's per-value sources become parallel list properties (reported.ts).
    for (const e of this.d.entities)
      yield {
        labels: ['Entity', e.label],
        props: Object.assign(
          nodeProps(e.data, ['reported']),
          reportedProps(e.data.reported, (a) => this.ids.article(a)?.published ?? ''),
        ),
      };
  }

  *claims(): Generator<NodeRow> {
    for (const c of this.d.claims) {
      // A readable caption wherever a claim is drawn: who said it, and the gist.
      const gist = c.statement.length > 72 ? `${c.statement.slice(0, 71).trimEnd()}…` : c.statement;
      yield {
        labels: ['Claim'],
        props: Object.assign(
          nodeProps(c as unknown as Record<string, unknown>, ['evidence', 'about', 'contradicts', 'claimant']),
          provenance([c.evidence], this.outletOf),
          { claimant: c.claimant, name: `${this.nameOf(c.claimant) ?? c.claimant}: ${gist}` },
        ),
      };
    }
  }

  /** Claims' links: who made it, which article reports it, what it is about, what it contradicts. */
  *claimLinks(): Generator<RelRow> {
    for (const [i, c] of this.d.claims.entries()) {
      const prov = provenance([c.evidence], this.outletOf);
      yield rel('MADE', 'Entity', 'Claim', c.claimant, c.id, prov);
      yield rel('REPORTS', 'Article', 'Claim', c.evidence.article, c.id, prov);
      for (const e of new Set(c.about)) yield rel('ABOUT', 'Claim', 'Event', c.id, e, prov);
      for (const [k, other] of c.contradicts.entries()) {
        // Each pair once, where it first occurs: not again in this list, and not if an earlier
        // claim already listed this one (no set of pairs: it would grow with the claims).
        if (c.contradicts.indexOf(other) < k) continue;
        const o = this.ids.claimPosition(other);
        if (o < i && this.d.claims[o]!.contradicts.includes(c.id)) continue;
        const both = provenance([c.evidence, this.d.claims[o]!.evidence], this.outletOf);
        yield rel('CONTRADICTS', 'Claim', 'Claim', c.id, other, both);
      }
    }
  }

  /** Entity/article relationships from relationships.yaml. */
  *typed(): Generator<RelRow> {
    for (const r of this.d.relationships)
      yield rel(r.type, this.ids.labelOf(r.from)!, this.ids.labelOf(r.to)!, r.from, r.to, {
        ...r.properties,
        ...provenance(r.evidence, this.outletOf),
      });
  }

  *mentions(): Generator<RelRow> {
    for (const m of this.d.mentions)
      yield rel('MENTIONS', 'Article', 'Entity', m.article, m.entity, {
        count: m.count,
        first_offset: m.first_offset,
        article: m.article,
        quote: m.quote,
        start: m.first_offset,
        end: m.first_offset + m.quote.length,
      });
  }
}

function rel(type: string, fromLabel: string, toLabel: string, from: string, to: string, props: Row): RelRow {
  return { type, fromLabel, toLabel, from, to, props };
}

export const sortedRecord = (m: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...m.entries()].filter(([, v]) => v > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
