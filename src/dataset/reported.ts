import type { SeedIssue } from './read';
import type { Evidence, ReportedValue } from './schema';

/**
 * Per-value provenance: an entity property whose value one article gave and a later article
 * changed or first supplied (a campaign's end date, a revised figure). In YAML, an entity's
 * `reported` list holds one `{property, value, evidence}` per article; the top-level property is
 * the latest article's value. On the node the list becomes parallel properties (Neo4j has no
 * maps), ordered by the articles' publication dates, oldest first, so a read "as reported by" a
 * day takes the last entry whose article was out by then and hides the property when none was.
 */
export const REPORTED_KEYS = [
  'reported_properties',
  'reported_values',
  'reported_articles',
  'reported_quotes',
  'reported_starts',
  'reported_ends',
] as const;

/** Properties that identify or describe the record itself and cannot have a per-value source. */
const NOT_REPORTABLE = new Set(['id', 'name', 'aliases', 'reported']);

/** A value as stored in `reported_values` (one list type on the node): ISO dates and numbers as text. */
const asText = (v: string | number | boolean) => String(v);

/** Entries ordered by publication date, oldest first (stable for one day's articles). */
function ordered(entries: readonly ReportedValue[], publishedOf: (article: string) => string): ReportedValue[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => publishedOf(a.e.evidence.article).localeCompare(publishedOf(b.e.evidence.article)) || a.i - b.i)
    .map((x) => x.e);
}

/** The node properties for an entity's `reported` list (none when it has no list). */
export function reportedProps(
  entries: readonly ReportedValue[] | undefined,
  publishedOf: (article: string) => string,
): Record<string, unknown[]> {
  if (!entries?.length) return {};
  const list = ordered(entries, publishedOf);
  const ev = (f: (e: Evidence) => unknown) => list.map((x) => f(x.evidence));
  return {
    reported_properties: list.map((x) => x.property),
    reported_values: list.map((x) => asText(x.value)),
    reported_articles: ev((e) => e.article),
    reported_quotes: ev((e) => e.quote),
    reported_starts: ev((e) => e.start),
    reported_ends: ev((e) => e.end),
  };
}

/** The `reported` list back from a node's properties (dataset export), values typed like the property. */
export function reportedFromProps(props: Record<string, unknown>): ReportedValue[] {
  const p = props.reported_properties;
  if (!Array.isArray(p)) return [];
  const at = (k: string, i: number) => (props[k] as unknown[] | undefined)?.[i];
  return p.map((property: string, i) => {
    const text = String(at('reported_values', i));
    const current = props[property];
    const value = typeof current === 'number' ? Number(text) : typeof current === 'boolean' ? text === 'true' : text;
    return {
      property,
      value,
      evidence: {
        article: String(at('reported_articles', i)),
        quote: String(at('reported_quotes', i)),
        start: Number(at('reported_starts', i)),
        end: Number(at('reported_ends', i)),
      },
    };
  });
}

/**
 * Validation beyond the shape: known articles, reportable properties, one value per article and
 * property, and the top-level value equal to the latest article's value (what a reader sees
 * without an as-of date must be what the newest source says).
 */
export function checkReported(
  file: string,
  data: Record<string, unknown> & { id: string; reported?: ReportedValue[] },
  published: ReadonlyMap<string, string>,
  issues: SeedIssue[],
): void {
  const entries = data.reported ?? [];
  const record = `(${data.id})`;
  const seen = new Set<string>();
  entries.forEach((e, j) => {
    const field = `reported.${j}`;
    if (!published.has(e.evidence.article))
      issues.push({
        file,
        record,
        field: `${field}.evidence.article`,
        message: `unknown article "${e.evidence.article}"`,
      });
    if (NOT_REPORTABLE.has(e.property))
      issues.push({
        file,
        record,
        field: `${field}.property`,
        message: `${e.property} cannot have a per-value source`,
      });
    else if (data[e.property] === undefined)
      issues.push({ file, record, field: `${field}.property`, message: `the record has no ${e.property} to source` });
    const key = `${e.property}|${e.evidence.article}`;
    if (seen.has(key))
      issues.push({ file, record, field, message: `two values of ${e.property} from ${e.evidence.article}` });
    seen.add(key);
    if (e.evidence.end - e.evidence.start !== e.evidence.quote.length)
      issues.push({
        file,
        record,
        field: `${field}.evidence.end`,
        message: "end - start differs from the quote's length",
      });
  });
  const latest = new Map<string, ReportedValue>();
  for (const e of ordered(entries, (a) => published.get(a) ?? '')) latest.set(e.property, e);
  for (const [property, e] of latest) {
    const current = data[property];
    if (current !== undefined && asText(current as string) !== asText(e.value))
      issues.push({
        file,
        record,
        field: property,
        message: `is ${String(current)} but the latest source (${e.evidence.article}) says ${String(e.value)}`,
      });
  }
}
