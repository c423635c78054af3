/**
 * A small Cypher lexer, enough to look at a query's structure without being fooled by comments,
 * string literals or quoted names: `skeleton` is the query with those blanked out (same length,
 * so offsets still match), `params` the $parameters it uses. Pure; cost O(length).
 */
export interface CypherText {
  skeleton: string;
  params: string[];
}

export function scanCypher(q: string): CypherText {
  const out = q.split('');
  const params = new Set<string>();
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    const next = q[i + 1];
    if (c === '/' && next === '/') {
      const end = q.indexOf('\n', i);
      const stop = end < 0 ? q.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = q.indexOf('*/', i + 2);
      const stop = end < 0 ? q.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < q.length && q[j] !== c) j += q[j] === '\\' ? 2 : 1;
      // Keep the quotes so the skeleton still shows that a literal was here.
      blank(i + 1, Math.min(j, q.length));
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      for (;;) {
        if (j >= q.length) break;
        if (q[j] === '`') {
          if (q[j + 1] === '`') j += 2;
          else break;
        } else j++;
      }
      blank(i + 1, Math.min(j, q.length));
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$(?:`((?:[^`]|``)+)`|([\p{L}_][\p{L}\p{N}_]*|\d+))/u.exec(q.slice(i));
      if (m) {
        params.add(m[1] !== undefined ? m[1].replace(/``/g, '`') : m[2]!);
        i += m[0].length;
      } else i++;
    } else i++;
  }
  return { skeleton: out.join(''), params: [...params] };
}

/** True when something other than whitespace follows a `;` (several statements). */
export function hasSeveralStatements(skeleton: string): boolean {
  const i = skeleton.indexOf(';');
  return (
    i >= 0 &&
    skeleton
      .slice(i + 1)
      .replace(/;/g, '')
      .trim().length > 0
  );
}

/** The query without trailing semicolons and whitespace. */
export function stripTrailingSemicolons(q: string): string {
  return q.replace(/[\s;]+$/, '');
}

/** A call `name(…)` in a skeleton: where it starts and its top-level arguments' text. */
export interface CallSite {
  start: number;
  args: string[];
  /** Text inside the parentheses. */
  inner: string;
}

/** Calls of a function (case-insensitive; not `x.name(`), with their arguments split at depth 0. */
export function findCalls(skeleton: string, name: string): CallSite[] {
  const out: CallSite[] = [];
  const re = new RegExp(`(?<![\\w.$\`])${name}\\s*\\(`, 'gi');
  for (let m = re.exec(skeleton); m; m = re.exec(skeleton)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let end = skeleton.length;
    const cuts: number[] = [];
    for (let i = open; i < skeleton.length; i++) {
      const c = skeleton[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0) {
          end = i;
          break;
        }
      } else if (c === ',' && depth === 1) cuts.push(i);
    }
    const inner = skeleton.slice(open + 1, end);
    const bounds = [open, ...cuts, end];
    const args = bounds.slice(0, -1).map((b, i) => skeleton.slice(b + 1, bounds[i + 1]).trim());
    out.push({ start: m.index, args, inner });
  }
  return out;
}

/**
 * Value of an argument made only of number literals, + - * / ^ and parentheses (or a single
 * numeric $parameter); null when it depends on anything else. Pure; no eval.
 */
export function literalValue(expr: string, params: Record<string, unknown> = {}): number | null {
  const p = /^\$([\p{L}_][\p{L}\p{N}_]*)$/u.exec(expr.trim());
  if (p) {
    const v = params[p[1]!];
    return typeof v === 'number' ? v : null;
  }
  const tokens = expr.match(/\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[-+*/^()]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('end');
    if (t === '(') {
      const v = sum();
      if (tokens[i++] !== ')') throw new Error(')');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (/^[\d.]/.test(t)) return Number(t);
    throw new Error('not a literal');
  };
  const power = (): number => {
    const b = primary();
    if (peek() === '^') {
      i++;
      return b ** power();
    }
    return b;
  };
  const product = (): number => {
    let v = power();
    while (peek() === '*' || peek() === '/') v = tokens[i++] === '*' ? v * power() : v / power();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  try {
    const v = sum();
    return i === tokens.length && Number.isFinite(v) ? v : i === tokens.length ? Infinity : null;
  } catch {
    return null;
  }
}
