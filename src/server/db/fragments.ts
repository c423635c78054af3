/**
 * Cypher expression fragments for the graph's property conventions (dates, coordinates, evidence
 * lists), shared by the resources that read them. Each takes variable or property expressions and
 * returns Cypher text; never pass user input.
 */

/** A temporal property as a Neo4j DATE, or null (strings and other types are not dates here). */
export const cypherDate = (expr: string) =>
  `CASE WHEN ${expr} IS :: DATE THEN ${expr} WHEN ${expr} IS :: ZONED DATETIME OR ${expr} IS :: LOCAL DATETIME THEN date(${expr}) ELSE null END`;

/**
 * The first day an article can have been out: \`published_from\` when only a range is known (stored as
 * an ISO day string or a date), else \`published\`. "As reported by" uses it, so an article whose
 * best-estimate date is later than the start of its range is not hidden while it may have been out.
 */
export const cypherArticleDay = (a: string) => cypherArticleDayOf(`${a}.published_from`, `${a}.published`);

/**
 * cypherArticleDay from the two properties already read into variables: each is then read from the
 * store once, not once per test of its type (a database hit each).
 */
export const cypherArticleDayOf = (from: string, published: string) =>
  `coalesce(${cypherDate(from)}, CASE WHEN ${from} =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN date(${from}) END, ${cypherDate(published)})`;

/** Article ids an evidence-carrying relationship cites: the evidence list, else its primary `article`. */
export const cypherEvidenceArticles = (r: string) =>
  `coalesce(${r}.evidence_articles, CASE WHEN ${r}.article IS NULL THEN null ELSE [${r}.article] END)`;

/** Latitude/longitude of a place: a WGS-84 `location` point, else numeric latitude/longitude properties. */
export const cypherLat = (p: string) =>
  `CASE WHEN ${p}.location IS :: POINT AND ${p}.location.srid IN [4326, 4979] THEN ${p}.location.latitude WHEN ${p}.latitude IS :: FLOAT OR ${p}.latitude IS :: INTEGER THEN toFloat(${p}.latitude) END`;
export const cypherLon = (p: string) =>
  `CASE WHEN ${p}.location IS :: POINT AND ${p}.location.srid IN [4326, 4979] THEN ${p}.location.longitude WHEN ${p}.longitude IS :: FLOAT OR ${p}.longitude IS :: INTEGER THEN toFloat(${p}.longitude) END`;

/** Open range ends, as dates: queries pass these instead of nulls (one parameter-type shape, one cached plan). */
export const FAR_PAST = '0001-01-01';
export const FAR_FUTURE = '9999-12-31';

/**
 * A date property of `n` "as reported by": when the node lists per-value sources for it (the
 * `reported_*` lists the seed loader writes, oldest article first), the value from the last
 * source whose article is known (`known(x)`: Cypher that is true when article id `x` counts), or
 * null while none is; otherwise the property itself. `filtered` is a Cypher boolean (false = no
 * as-of date: the property as stored). `prop` is a property name from our code, never user input.
 */
export const cypherReportedDate = (n: string, prop: string, filtered: string, known: (x: string) => string) =>
  `CASE WHEN NOT ${filtered} OR NOT '${prop}' IN coalesce(${n}.reported_properties, []) THEN ${cypherDate(`${n}.${prop}`)}
   ELSE date(last([i IN range(0, size(${n}.reported_properties) - 1)
     WHERE ${n}.reported_properties[i] = '${prop}' AND ${known(`${n}.reported_articles[i]`)} | ${n}.reported_values[i]])) END`;
