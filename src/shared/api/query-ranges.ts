/**
 * Saved-query parameters that open and close a range (from/to, start/end, with a shared prefix or
 * suffix), checked the same way by the explorer's form and by the API: a range given backwards
 * would quietly match nothing. Zod-free, so the web bundle imports it without pulling zod in.
 */

const RANGE_ENDS: [RegExp, string][] = [
  [/^(.*?)(from)(.*)$/i, 'to'],
  [/^(.*?)(start)(.*)$/i, 'end'],
];
const ORDERED = new Set(['date', 'integer', 'float']);

interface RangeParam {
  name: string;
  type: string;
  label?: string;
}

/** The closing name for an opening one, in the same case style ("dateFrom" → "dateTo", "FROM" → "TO"). */
function twinOf(m: RegExpExecArray, closing: string): string {
  const word = m[2]!;
  const cased =
    word === word.toUpperCase()
      ? closing.toUpperCase()
      : word[0] === word[0]!.toUpperCase()
        ? closing[0]!.toUpperCase() + closing.slice(1)
        : closing;
  return `${m[1]}${cased}${m[3]}`;
}

/** Pairs [opening, closing] of parameters of one orderable type (date, integer, float). O(params²): params are few. */
export function rangePairs<P extends RangeParam>(params: readonly P[]): [P, P][] {
  const pairs: [P, P][] = [];
  for (const a of params) {
    for (const [re, closing] of RANGE_ENDS) {
      const m = re.exec(a.name);
      if (!m) continue;
      const twin = twinOf(m, closing);
      const b = params.find((p) => p.name === twin);
      if (b && b.type === a.type && ORDERED.has(a.type)) pairs.push([a, b]);
    }
  }
  return pairs;
}

/**
 * What is wrong with a range whose values are `from` and `to` (dates as YYYY-MM-DD text, which
 * orders as the dates do, or numbers), or null when it is not backwards.
 */
export function backwardsRange(a: RangeParam, b: RangeParam, from: unknown, to: unknown): string | null {
  if (from === undefined || to === undefined || from === null || to === null) return null;
  const [x, y] = a.type === 'date' ? [String(from), String(to)] : [Number(from), Number(to)];
  if (!(x > y)) return null;
  return `${b.label ?? b.name} (${String(to)}) is before ${a.label ?? a.name} (${String(from)}): the range is backwards and would match nothing`;
}
