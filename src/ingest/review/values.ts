/**
 * Property values between Neo4j and the staging store: before/after values of what an accept
 * changed are kept as JSON and must come back as exactly the same Neo4j types on undo (an
 * integer stays an integer, a float a float, a date a date), or the graph would differ.
 */
import neo4j, { isDate, isInt, isPoint, type Transaction } from 'neo4j-driver';

export type Enc =
  | null
  | string
  | number
  | boolean
  | { $int: string }
  | { $date: string }
  | { $point: [number, number, number] }
  | Enc[];

/** A Neo4j property value (as the driver returns it) → JSON that decodes to the same type. */
export function encode(v: unknown): Enc {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(encode);
  if (isInt(v)) return { $int: v.toString() };
  if (isDate(v)) return { $date: v.toString() };
  if (isPoint(v)) return { $point: [Number(v.srid), v.x, v.y] };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new Error(`cannot keep a ${typeof v} property value for undo`);
}

/** The inverse of encode: a parameter Neo4j stores as the original type. */
export function decode(e: Enc): unknown {
  if (e === null) return null;
  if (Array.isArray(e)) return e.map(decode);
  if (typeof e !== 'object') return e;
  if ('$int' in e) return neo4j.int(e.$int);
  if ('$date' in e) return isoToDate(e.$date);
  return new neo4j.types.Point(e.$point[0], e.$point[1], e.$point[2]);
}

export const encodeProps = (p: Record<string, unknown>): Record<string, Enc> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, encode(v)]));

/** Equality of two encoded values (order-sensitive for lists). */
export const sameEnc = (a: Enc, b: Enc): boolean => JSON.stringify(a) === JSON.stringify(b);

/** 'YYYY-MM-DD' → a Neo4j date (what the seed loader stores). */
export function isoToDate(s: string): unknown {
  return new neo4j.types.Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** A readable lowercase kebab-case slug (the seed data's ids). */
export function slugify(s: string, max = 60): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') : slug;
  return cut || 'item';
}

export interface EvidenceRef {
  article: string;
  quote: string;
  start: number;
  end: number;
}

/** Provenance properties exactly as the seed loader writes them (one implementation). */
export { provenance, PROVENANCE_KEYS } from '../../dataset/load';

/**
 * The outlet of each article, as provenance() counts it: its organization's id (else its outlet's
 * name), or null when unknown — no outlet recorded, a placeholder organization standing in for an
 * unnamed publisher (as the seed has one), or no such article.
 */
export async function outletsOf(tx: Pick<Transaction, 'run'>, ids: string[]): Promise<Map<string, string | null>> {
  const r = await tx.run(
    `UNWIND $ids AS id
     OPTIONAL MATCH (a:Article {id: id})
     OPTIONAL MATCH (o:Organization {id: a.outlet_id})
     RETURN id, CASE WHEN o.placeholder = true THEN null ELSE coalesce(a.outlet_id, a.outlet) END AS o`,
    { ids: [...new Set(ids)] },
  );
  return new Map(r.records.map((x) => [x.get('id') as string, (x.get('o') as string | null) ?? null]));
}

/** The evidence list of a relationship's provenance properties (the inverse of provenance()). */
export function evidenceOf(props: Record<string, unknown>): EvidenceRef[] {
  const arts = props.evidence_articles;
  if (!Array.isArray(arts)) {
    if (typeof props.article === 'string' && typeof props.quote === 'string')
      return [{ article: props.article, quote: props.quote, start: num(props.start), end: num(props.end) }];
    return [];
  }
  const q = props.evidence_quotes as unknown[];
  const s = props.evidence_starts as unknown[];
  const e = props.evidence_ends as unknown[];
  return arts.map((a, i) => ({ article: String(a), quote: String(q[i]), start: num(s[i]), end: num(e[i]) }));
}

const num = (v: unknown): number => (isInt(v) ? v.toNumber() : Number(v));
