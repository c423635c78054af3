/**
 * Saved-query parameters: from the form's strings to typed JSON values, with the same rules the
 * server applies, so most mistakes are shown next to the field before anything is sent. Pure.
 */
import type { SavedQueryParam } from '../../../shared/api';
import { backwardsRange, rangePairs } from '../../../shared/api/query-ranges';

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

/** A range given backwards is an error on its closing field (the rule the API applies too). */
function checkRanges(params: readonly SavedQueryParam[], out: ParamParse): void {
  for (const [a, b] of rangePairs(params)) {
    const bad = backwardsRange(a, b, out.values[a.name], out.values[b.name]);
    if (bad) out.errors[b.name] = bad;
  }
}
