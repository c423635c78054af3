/**
 * Saved-query parameters: from the form's strings to typed JSON values, with the same rules the
 * server applies, so most mistakes are shown next to the field before anything is sent. Pure.
 */
import type { SavedQueryParam } from '../../../shared/api';

export type ParamValue = string | number | boolean | null;

export interface ParamParse {
  values: Record<string, ParamValue>;
  /** Per parameter name, what is wrong with the typed text. */
  errors: Record<string, string>;
}

/** What the form shows before the analyst types anything. */
export function defaultText(p: SavedQueryParam): string {
  if (p.default === undefined || p.default === null) return '';
  return String(p.default);
}

export function parseParams(params: readonly SavedQueryParam[], text: Record<string, string>): ParamParse {
  const out: ParamParse = { values: {}, errors: {} };
  for (const p of params) {
    const raw = (text[p.name] ?? defaultText(p)).trim();
    if (raw === '') {
      if (p.required && p.default === undefined) out.errors[p.name] = `${p.label} is required`;
      continue; // omitted: the server applies the default
    }
    let v: ParamValue;
    switch (p.type) {
      case 'integer': {
        if (!/^-?\d+$/.test(raw)) {
          out.errors[p.name] = `${p.label} must be a whole number`;
          continue;
        }
        v = Number(raw);
        break;
      }
      case 'float': {
        const n = Number(raw);
        if (!Number.isFinite(n)) {
          out.errors[p.name] = `${p.label} must be a number`;
          continue;
        }
        v = n;
        break;
      }
      case 'boolean': {
        if (!/^(true|false)$/i.test(raw)) {
          out.errors[p.name] = `${p.label} must be true or false`;
          continue;
        }
        v = raw.toLowerCase() === 'true';
        break;
      }
      case 'date': {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
          out.errors[p.name] = `${p.label} must be a date like 2023-12-30`;
          continue;
        }
        v = raw;
        break;
      }
      default:
        v = raw;
    }
    if (typeof v === 'number') {
      if (p.min !== undefined && v < p.min) {
        out.errors[p.name] = `${p.label} must be at least ${p.min}`;
        continue;
      }
      if (p.max !== undefined && v > p.max) {
        out.errors[p.name] = `${p.label} must be at most ${p.max}`;
        continue;
      }
    }
    if (p.options && p.options.length && !p.options.some((o) => String(o) === String(v))) {
      out.errors[p.name] = `${p.label} must be one of ${p.options.join(', ')}`;
      continue;
    }
    out.values[p.name] = v;
  }
  checkRanges(params, out);
  return out;
}

/** Names that open and close a range: from/to, start/end, with a shared prefix or suffix. */
const RANGE_ENDS: [RegExp, string][] = [
  [/^(.*?)(from)(.*)$/i, 'to'],
  [/^(.*?)(start)(.*)$/i, 'end'],
];

/**
 * A range given backwards (From after To) would quietly match nothing: it is an error on the
 * closing field. O(params²), params are few.
 */
function checkRanges(params: readonly SavedQueryParam[], out: ParamParse): void {
  for (const a of params) {
    for (const [re, closing] of RANGE_ENDS) {
      const m = re.exec(a.name);
      if (!m) continue;
      const twin = `${m[1]}${m[2] === m[2]!.toUpperCase() ? closing.toUpperCase() : m[2]![0] === m[2]![0]!.toUpperCase() ? closing[0]!.toUpperCase() + closing.slice(1) : closing}${m[3]}`;
      const b = params.find((p) => p.name === twin);
      if (!b || b.type !== a.type || (a.type !== 'date' && a.type !== 'integer' && a.type !== 'float')) continue;
      const from = out.values[a.name];
      const to = out.values[b.name];
      if (from === undefined || to === undefined || from === null || to === null) continue;
      if (from > to)
        out.errors[b.name] =
          `${b.label} (${String(to)}) is before ${a.label} (${String(from)}): the range is backwards and would match nothing`;
    }
  }
}
