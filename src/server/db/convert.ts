import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
  type Integer,
} from 'neo4j-driver';

/**
 * Neo4j value → JSON, faithfully: integers exactly (beyond ±2^53 as decimal strings), temporal
 * values and durations as ISO-8601 strings (durations as Neo4j writes them, `P1D`), WGS-84 points as {lat, lon[, height]}, cartesian ones
 * as {x, y[, z], srid}, byte arrays as arrays of numbers, non-finite floats as strings.
 * Graph elements are not handled here (see graph.ts). Cost: linear in the value's size.
 */
export function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    case 'object':
      break;
    default:
      return String(v);
  }
  if (neo4j.isInt(v)) return intToJson(v as Integer);
  if (isDuration(v)) return isoDuration(v);
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v)) return String(v.toString());
  if (isPoint(v)) {
    const srid = neo4j.integer.toNumber(v.srid);
    if (srid === 4326) return { lat: v.y, lon: v.x };
    if (srid === 4979) return { lat: v.y, lon: v.x, height: v.z ?? null };
    return v.z === undefined ? { x: v.x, y: v.y, srid } : { x: v.x, y: v.y, z: v.z, srid };
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) out[k] = toJson(val);
  return out;
}

/**
 * An ISO-8601 duration as Neo4j writes it (`P1Y2M3DT4H5M6.5S`, `P1D`, `PT0S`): the driver's own
 * toString leaves a dangling `T` (`P1DT`) and pads fractions to nine digits. Months become years
 * and months, days stay days, seconds become hours, minutes and seconds (each with its sign).
 */
export function isoDuration(d: { months: unknown; days: unknown; seconds: unknown; nanoseconds: unknown }): string {
  const big = (x: unknown) => BigInt(neo4j.isInt(x) ? (x as Integer).toString() : String(x ?? 0));
  const months = big(d.months);
  const days = big(d.days);
  const nanos = big(d.seconds) * 1_000_000_000n + big(d.nanoseconds);
  let date = '';
  const years = months / 12n;
  const restMonths = months % 12n;
  if (years) date += `${years}Y`;
  if (restMonths) date += `${restMonths}M`;
  if (days) date += `${days}D`;
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  const sign = neg ? '-' : '';
  const hours = abs / 3_600_000_000_000n;
  const minutes = (abs / 60_000_000_000n) % 60n;
  const secNanos = abs % 60_000_000_000n;
  let time = '';
  if (hours) time += `${sign}${hours}H`;
  if (minutes) time += `${sign}${minutes}M`;
  if (secNanos) {
    const whole = secNanos / 1_000_000_000n;
    const frac = (secNanos % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
    time += `${sign}${whole}${frac ? `.${frac}` : ''}S`;
  }
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

export function intToJson(i: Integer): number | string {
  return i.inSafeRange() ? i.toNumber() : i.toString();
}

/** A driver integer (or a plain number) as a JS number; for counts that cannot exceed 2^53. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (neo4j.isInt(v)) return (v as Integer).toNumber();
  return Number(v);
}

/** Same as num, but null stays null. */
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function strOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const j = toJson(v);
  return typeof j === 'string' ? j : JSON.stringify(j);
}

/** Properties map → JSON-safe map. */
export function propertiesToJson(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(props)) out[k] = toJson(val);
  return out;
}
