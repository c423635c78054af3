/**
 * A saved query that ends in its own `LIMIT n` used to come back at exactly n rows marked complete,
 * though thousands may have matched. Asked for one row more (`LIMIT n + 1`) and cut back to n by
 * the stream, it says whether the LIMIT cut it: exact, and no dearer than the query itself.
 */

// The statement's last clause: `LIMIT 200` or `LIMIT $limit`, optionally followed by `;`.
const FINAL_LIMIT = /\bLIMIT\s+(\d+|\$[A-Za-z_][A-Za-z0-9_]*)\s*;?\s*$/i;

/** The text without the trailing comment lines and blank lines after its last clause. */
function body(cypher: string): string {
  const lines = cypher.split('\n');
  while (lines.length && /^\s*(\/\/.*)?$/.test(lines.at(-1)!)) lines.pop();
  return lines.join('\n');
}

/**
 * The query's own final LIMIT with the text that asks for one row more, or null when there is none
 * we can be sure of: a UNION (its last LIMIT binds only the last branch), a parameter that is not a
 * whole number.
 */
export function ownLimit(cypher: string, params: Record<string, unknown>): { limit: number; cypher: string } | null {
  const text = body(cypher);
  const m = FINAL_LIMIT.exec(text);
  if (!m || /\bUNION\b/i.test(text)) return null;
  const arg = m[1]!;
  const limit = arg.startsWith('$') ? Number(String(params[arg.slice(1)] ?? NaN)) : Number(arg);
  if (!Number.isSafeInteger(limit) || limit < 0) return null;
  const more = arg.startsWith('$') ? `LIMIT ${arg} + 1` : `LIMIT ${limit + 1}`;
  return { limit, cypher: text.slice(0, m.index) + more };
}
