/** Refuses single Cypher expressions Neo4j can neither time out nor bound in memory (see expressionBomb). Pure. */
import { findCalls, literalValue } from './cypher-text';

export const MAX_RANGE_IN_EXPRESSION = 100_000;

/**
 * Single-expression bombs: Neo4j evaluates one expression (a list comprehension, reduce, any())
 * without checking the transaction timeout or termination in between and without memory
 * tracking, so a huge one can pin a CPU for minutes or kill the server with OutOfMemoryError.
 * Heuristics, defence in depth: range() outside UNWIND with a literal (or numeric parameter)
 * size above 100,000 (or nested ones multiplying past 1,000,000); reduce() whose body uses its
 * accumulator twice (doubles each step); four or more replace() calls. Returns why, or null.
 */
export function expressionBomb(
  skeleton: string,
  params: Record<string, unknown> = {},
  original?: string,
): string | null {
  let product = 1;
  for (const call of findCalls(skeleton, 'range')) {
    const streamed = /\bUNWIND\s*$/i.test(skeleton.slice(0, call.start));
    const [a, b, step] = call.args.map((x) => literalValue(x, params));
    if (call.args.length < 2) continue;
    if (a == null || b == null) {
      if (streamed) continue;
      // A computed bound (`WITH 2000000000 AS n … range(1, n)`) hides the size; only the
      // `range(0, size(list) - 1)` idiom is bounded by a list that already exists.
      if ((a == null && !isSizeBound(call.args[0]!)) || (b == null && !isSizeBound(call.args[1]!))) {
        return 'range() with a computed bound inside an expression (use literal bounds, size(list) ± n, or UNWIND range(…), which streams)';
      }
      continue;
    }
    const s = call.args.length > 2 ? step : 1;
    if (s == null || s === 0) continue;
    const size = Math.max(0, Math.floor((b - a) / s) + 1);
    if (streamed) continue; // UNWIND streams row by row: the timeout stops it
    if (size > MAX_RANGE_IN_EXPRESSION)
      return `range() of ${size.toLocaleString('en')} values inside an expression (limit ${MAX_RANGE_IN_EXPRESSION.toLocaleString('en')}; UNWIND range(…) streams and is not limited)`;
    product *= Math.max(1, size);
    if (product > 10 * MAX_RANGE_IN_EXPRESSION) return 'nested range() expressions multiplying past 1,000,000 values';
  }
  for (const call of findCalls(skeleton, 'reduce')) {
    const acc = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=/u.exec(call.inner)?.[1];
    if (!acc) continue;
    // The body is what follows the top-level '|'.
    let depth = 0;
    let bar = -1;
    for (let i = 0; i < call.inner.length; i++) {
      const c = call.inner[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === '|' && depth === 0) {
        bar = i;
        break;
      }
    }
    if (bar < 0) continue;
    const uses = call.inner.slice(bar + 1).match(new RegExp(`(?<![\\w.$\`])${acc}(?![\\w\`])`, 'g'))?.length ?? 0;
    if (uses >= 2) return `reduce() uses its accumulator "${acc}" twice per step, which doubles it each time`;
  }
  if (findCalls(skeleton, 'replace').length >= 4)
    return 'four or more replace() calls (nested replace() grows strings exponentially)';
  if (original === undefined) return crossProductIteration(skeleton, params);
  return (
    crossProductIteration(skeleton, params) ??
    growthBomb(original, skeleton, params) ??
    regexBomb(original, skeleton, params)
  );
}

/**
 * Regular expressions that backtrack catastrophically (`(a+)+b`, `(a|aa)+b`, `(.*a){12}`): a
 * quantified group that itself holds a quantifier or an alternation. Neo4j runs `=~` with
 * java.util.regex inside one expression, so the timeout cannot stop it.
 */
export function catastrophicRegex(pattern: string): boolean {
  const group = String.raw`\((?:[^()\\]|\\.)*`;
  const quantified = String.raw`(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})`;
  return new RegExp(`${group}[+*]${quantified}`).test(pattern) || new RegExp(`${group}\\|${quantified}`).test(pattern);
}

/** When the query matches regexes (=~), every string literal and string parameter is checked. */
function regexBomb(original: string, skeleton: string, params: Record<string, unknown>): string | null {
  if (!skeleton.includes('=~')) return null;
  const candidates = [
    ...literalsIn(original, skeleton, 0, skeleton.length),
    ...Object.values(params).filter((v): v is string => typeof v === 'string'),
  ];
  const bad = candidates.find(catastrophicRegex);
  return bad === undefined
    ? null
    : `the regular expression "${bad.slice(0, 40)}" can backtrack catastrophically (a quantified group holding a quantifier or |)`;
}

/** Texts of the string literals between `from` and `to` (the skeleton keeps the quotes, blanks the rest). */
function literalsIn(original: string, skeleton: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const q = skeleton[i];
    if (q !== "'" && q !== '"') continue;
    const close = skeleton.indexOf(q, i + 1);
    const end = close < 0 ? to : close;
    out.push(original.slice(i + 1, end));
    i = end;
  }
  return out;
}

/** Most values an iteration's list can hold: known for literal ranges, list literals and parameters. */
function listSize(list: string, params: Record<string, unknown>): number {
  const l = list.trim();
  const param = /^\$([\p{L}_][\p{L}\p{N}_]*)$/u.exec(l);
  if (param) {
    const v = params[param[1]!];
    return Array.isArray(v) ? v.length : MAX_RANGE_IN_EXPRESSION;
  }
  if (/^range\s*\(/i.test(l)) {
    const [call] = findCalls(l, 'range');
    const [a, b] = (call?.args ?? []).map((x) => literalValue(x, params));
    return a == null || b == null ? MAX_RANGE_IN_EXPRESSION : Math.max(0, b - a + 1);
  }
  if (/^\[/.test(l)) return (l.match(/,/g)?.length ?? 0) + 1;
  if (/^(keys|labels|nodes|relationships|properties)\s*\(/i.test(l)) return 100;
  return MAX_RANGE_IN_EXPRESSION;
}

/** Characters one iteration may build: Neo4j does not track an expression's memory. */
export const MAX_EXPRESSION_CHARS = 50_000_000;

/**
 * Untracked memory growth inside one expression: an iteration repeating a long string (a literal
 * or a string parameter) once per element (`reduce(s = '', i IN range(1, 100000) | s + $t)`), or
 * a reduce() feeding its accumulator through replace(), which can double it every step. Either
 * fills the heap long after the timeout has passed. Returns why, or null.
 */
function growthBomb(original: string, skeleton: string, params: Record<string, unknown>): string | null {
  for (const it of iterations(skeleton)) {
    const body = skeleton.slice(it.bodyStart, it.close);
    const pieces = literalsIn(original, skeleton, it.bodyStart, it.close).map((x) => x.length);
    for (const m of body.matchAll(/\$([\p{L}_][\p{L}\p{N}_]*)/gu)) {
      const v = params[m[1]!];
      if (typeof v === 'string') pieces.push(v.length);
    }
    const longest = Math.max(0, ...pieces);
    const n = listSize(it.list, params);
    if (longest > 0 && n * longest > MAX_EXPRESSION_CHARS) {
      return `an iteration over ${n.toLocaleString('en')} values repeating a ${longest.toLocaleString('en')}-character string (up to ${(n * longest).toLocaleString('en')} characters in one expression)`;
    }
  }
  for (const call of findCalls(skeleton, 'reduce')) {
    const acc = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=/u.exec(call.inner)?.[1];
    if (!acc) continue;
    const accRe = new RegExp(`(?<![\\w.$\`])${acc}(?![\\w\`])`, 'u');
    if (findCalls(call.inner, 'replace').some((r) => accRe.test(r.inner))) {
      return `reduce() passes its accumulator "${acc}" through replace(), which can double it every step`;
    }
  }
  return null;
}

/** `size(<anything balanced>)`, optionally ± an integer: bounded by an existing list. */
function isSizeBound(arg: string): boolean {
  const m = /^\s*size\s*\(/i.exec(arg);
  if (!m) return false;
  let depth = 0;
  for (let i = m[0].length - 1; i < arg.length; i++) {
    const c = arg[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return /^\s*([+-]\s*\d+\s*)?$/.test(arg.slice(i + 1));
    }
  }
  return false;
}

/** One iteration inside an expression: `[x IN list …]`, any/all/none/single(x IN list …), reduce(…, x IN list | …). */
interface Iteration {
  variable: string;
  list: string;
  /** Where the part after the list (WHERE / | body) starts. */
  bodyStart: number;
  /** Index of the opening bracket and of its match. */
  open: number;
  close: number;
}

function matching(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length;
}

/** The list expression from `from` to the first top-level `|` or WHERE (or the construct's end). */
function listExpression(s: string, from: number, close: number): string {
  let depth = 0;
  for (let i = from; i < close; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && (c === '|' || (/\s/.test(s[i - 1] ?? ' ') && /^WHERE\b/i.test(s.slice(i, i + 6)))))
      return s.slice(from, i);
  }
  return s.slice(from, close);
}

const IDENT = '[\\p{L}_][\\p{L}\\p{N}_]*';

function iterations(s: string): Iteration[] {
  const out: Iteration[] = [];
  const add = (open: number, variable: string, listStart: number) => {
    const close = matching(s, open);
    const list = listExpression(s, listStart, close);
    out.push({ variable, open, close, list: list.trim(), bodyStart: listStart + list.length });
  };
  for (const re of [
    new RegExp(`\\[\\s*(${IDENT})\\s+IN\\s`, 'giu'),
    new RegExp(`(?<![\\w.$\`])(?:any|all|none|single)\\s*\\(\\s*(${IDENT})\\s+IN\\s`, 'giu'),
  ]) {
    for (let m = re.exec(s); m; m = re.exec(s)) add(m.index + m[0].search(/[[(]/), m[1]!, m.index + m[0].length);
  }
  for (const call of findCalls(s, 'reduce')) {
    const open = s.indexOf('(', call.start);
    const second = call.args[1];
    if (second === undefined) continue;
    const at = s.indexOf(second, open + 1 + (call.args[0]?.length ?? 0));
    const m = new RegExp(`^(${IDENT})\\s+IN\\s`, 'u').exec(second);
    if (m && at >= 0) add(open, m[1]!, at + m[0].length);
  }
  return out;
}

/**
 * Whether a list expression may be large: a variable (e.g. a collected list), a parameter with
 * more than 1,000 elements, split(), a range() of more than 1,000 values, a long list literal,
 * or anything else not known to be small. Known small: per-entity lists (keys, labels, nodes,
 * relationships of a path) and short literals.
 */
function mayBeLarge(list: string, params: Record<string, unknown>): boolean {
  const l = list.trim();
  if (/^(keys|labels|nodes|relationships|properties)\s*\(/i.test(l)) return false;
  const param = /^\$([\p{L}_][\p{L}\p{N}_]*)$/u.exec(l);
  if (param) {
    const v = params[param[1]!];
    return !Array.isArray(v) || v.length > 1_000;
  }
  if (/^range\s*\(/i.test(l)) {
    const [call] = findCalls(l, 'range');
    const [a, b] = (call?.args ?? []).map((x) => literalValue(x, params));
    return a == null || b == null || b - a + 1 > 1_000;
  }
  if (/^\[/.test(l)) return (l.match(/,/g)?.length ?? 0) >= 1_000;
  return true;
}

/**
 * Quadratic work inside one expression — an iteration nested in another, both over lists that
 * may be large, the inner one not derived from the outer element (`[x IN l WHERE size([y IN l
 * WHERE y > x]) > 0]`). Neo4j evaluates an expression without checking the timeout or
 * TERMINATE, so such a loop runs to its end however long that takes. Rows (UNWIND, MATCH) are
 * interruptible, so the message suggests them.
 */
function crossProductIteration(skeleton: string, params: Record<string, unknown>): string | null {
  const its = iterations(skeleton);
  for (const inner of its) {
    if (!mayBeLarge(inner.list, params)) continue;
    for (const outer of its) {
      if (outer === inner || !(outer.open < inner.open && inner.close <= outer.close)) continue;
      if (!mayBeLarge(outer.list, params)) continue;
      const derived = its
        .filter((o) => o.open < inner.open && inner.close <= o.close)
        .some((o) => new RegExp(`(?<![\\w.$\`])${o.variable}(?![\\w\`])`, 'u').test(inner.list));
      if (!derived) {
        return `an iteration over "${inner.list.slice(0, 40)}" nested inside one over "${outer.list.slice(0, 40)}" (a cross product inside one expression cannot be interrupted; use UNWIND or MATCH rows)`;
      }
    }
  }
  return null;
}
