/**
 * Parameters of ad-hoc Cypher: the `$names` a query uses, their values typed as JSON (a bare
 * word is a string), and a saved query's form values carried over to the editor. Pure.
 */
import type { SavedQuery } from '../../../shared/api';
import { defaultText, parseParams } from './params';

/** The longest query the API accepts (its contract says so too). */
export const MAX_QUERY_CHARS = 100_000;

/**
 * `$name` parameters of a query, in order of first use, outside strings and comments. O(query).
 */
export function queryParamNames(query: string): string[] {
  const stripped = query
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const out: string[] = [];
  for (const m of stripped.matchAll(/\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)/g)) {
    const name = m[1] ?? m[2]!;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** A typed value: JSON when it parses (42, true, "x", [1,2], {"a":1}), else the text itself. */
export function parseParamText(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

/** The values sent with a query: one per name it uses (missing ones are left for Neo4j to report). */
export function parseCypherParams(
  names: readonly string[],
  text: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (text[n] !== undefined) out[n] = parseParamText(text[n]!);
  return out;
}

/** A value as the panel shows it: strings bare, anything else as JSON. */
export function paramText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A saved query's form (typed values, else defaults) as the editor's parameter texts. */
export function savedParamsAsCypher(q: SavedQuery, form: Readonly<Record<string, string>>): Record<string, string> {
  const parsed = parseParams(q.params, form);
  const out: Record<string, string> = {};
  for (const p of q.params) {
    if (parsed.values[p.name] !== undefined) out[p.name] = paramText(parsed.values[p.name]);
    else if (p.default !== undefined && p.default !== null) out[p.name] = paramText(p.default);
    else if ((form[p.name] ?? defaultText(p)) !== '') out[p.name] = form[p.name] ?? defaultText(p);
  }
  return out;
}
