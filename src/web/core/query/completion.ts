/**
 * What the Cypher editor offers at the cursor: relationship types after `[r:` or `[:`, labels
 * after `(n:`, the properties of the variable's labels after `n.` or inside `(n:Label {…`,
 * parameters after `$`, else keywords, functions and the query's variables matching the word
 * being typed. Pure (unit-tested in Node); the editor glue is ui/query/cypher-completion.ts.
 * O(query) per call.
 */
export interface CompletionSchema {
  labels: readonly string[];
  relationshipTypes: readonly string[];
  propertyKeys: readonly string[];
  /** Property keys per label (a sample's); labels missing here fall back to all keys. */
  labelProperties?: Readonly<Record<string, readonly string[]>>;
  functions?: readonly { name: string; signature: string }[];
  parameters?: readonly string[];
}

export type CompletionKind =
  'keyword' | 'function' | 'label' | 'relationshipType' | 'property' | 'variable' | 'parameter';

export interface CompletionOption {
  label: string;
  kind: CompletionKind;
  /** The function's signature, the labels a property comes from… */
  detail?: string;
  /** Text inserted (defaults to the label). */
  apply?: string;
}

export interface Completions {
  /** Where the replaced word starts. */
  from: number;
  options: CompletionOption[];
}

export const CYPHER_KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER BY',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  'IS NULL',
  'IS NOT NULL',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CALL',
  'YIELD',
  'UNION',
  'UNION ALL',
  'EXISTS',
  'COUNT',
  'COLLECT',
  'ASC',
  'DESC',
  'TRUE',
  'FALSE',
  'NULL',
  'SHORTEST',
  'ALL SHORTEST',
];

const WORD = /[A-Za-z_][A-Za-z0-9_]*$/;

function prefixed(items: readonly string[], prefix: string): string[] {
  const p = prefix.toLowerCase();
  return items.filter((x) => x.toLowerCase().startsWith(p) && x !== prefix);
}

/** Labels the query gives a variable: `(v:A:B`, `(v:A|B` anywhere in the text. */
export function labelsOf(query: string, variable: string): string[] {
  const out = new Set<string>();
  const re = new RegExp(`\\(\\s*${variable.replace(/[^A-Za-z0-9_]/g, '')}\\s*:\\s*([A-Za-z0-9_:|&\`]+)`, 'g');
  for (const m of query.matchAll(re)) for (const l of m[1]!.split(/[:|&]/)) if (l) out.add(l.replace(/`/g, ''));
  return [...out];
}

/** Variables the query binds in patterns (`(x`, `[r`) and with AS. */
function variables(query: string): string[] {
  const out = new Set<string>();
  for (const m of query.matchAll(/[([]\s*([A-Za-z_][A-Za-z0-9_]*)\s*[:)\]{]/g)) out.add(m[1]!);
  for (const m of query.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) out.add(m[1]!);
  return [...out];
}

function propertiesFor(schema: CompletionSchema, labels: readonly string[]): { keys: string[]; from: string } {
  const known = labels.filter((l) => schema.labelProperties?.[l]);
  if (!known.length) return { keys: [...schema.propertyKeys], from: '' };
  const keys = new Set<string>();
  for (const l of known) for (const k of schema.labelProperties![l]!) keys.add(k);
  return { keys: [...keys].sort(), from: known.join(', ') };
}

/**
 * The options at `pos` in `query`. `explicit`: asked for (Ctrl+Space), so an empty word still
 * lists what fits; typing only completes a word already started. Null when nothing fits.
 */
export function completeCypher(
  query: string,
  pos: number,
  schema: CompletionSchema,
  explicit: boolean,
): Completions | null {
  const before = query.slice(0, pos);
  // Inside a string or after a comment marker on this line: nothing.
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (line.includes('//') || (line.match(/'/g)?.length ?? 0) % 2 === 1) return null;

  let m = /\[\s*[A-Za-z0-9_]*\s*:\s*(?:[A-Za-z0-9_]+\s*\|\s*:?\s*)*([A-Za-z0-9_]*)$/.exec(before);
  if (m) {
    const word = m[1]!;
    const options = prefixed(schema.relationshipTypes, word).map((t) => ({
      label: t,
      kind: 'relationshipType' as const,
    }));
    return options.length ? { from: pos - word.length, options } : null;
  }
  m = /\(\s*[A-Za-z0-9_]*\s*(?::\s*[A-Za-z0-9_]+\s*)*:\s*([A-Za-z0-9_]*)$/.exec(before);
  if (m) {
    const word = m[1]!;
    const options = prefixed(schema.labels, word).map((l) => ({ label: l, kind: 'label' as const }));
    return options.length ? { from: pos - word.length, options } : null;
  }
  m = /\(\s*([A-Za-z_][A-Za-z0-9_]*)?\s*:\s*([A-Za-z0-9_:]+)\s*\{(?:[^}]*,)?\s*([A-Za-z0-9_]*)$/.exec(before);
  if (m) {
    const word = m[3]!;
    const { keys, from } = propertiesFor(schema, m[2]!.split(':').filter(Boolean));
    const options = prefixed(keys, word).map((k) => ({
      label: k,
      kind: 'property' as const,
      detail: from,
      apply: `${k}: `,
    }));
    return options.length ? { from: pos - word.length, options } : null;
  }
  m = /([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z0-9_]*)$/.exec(before);
  if (m) {
    const word = m[2]!;
    const { keys, from } = propertiesFor(schema, labelsOf(query, m[1]!));
    const options = prefixed(keys, word).map((k) => ({
      label: k,
      kind: 'property' as const,
      ...(from ? { detail: from } : {}),
    }));
    return options.length ? { from: pos - word.length, options } : null;
  }
  m = /\$([A-Za-z0-9_]*)$/.exec(before);
  if (m) {
    const word = m[1]!;
    const options = prefixed(schema.parameters ?? [], word).map((p) => ({ label: p, kind: 'parameter' as const }));
    return options.length ? { from: pos - word.length, options } : null;
  }
  const word = WORD.exec(before)?.[0] ?? '';
  if (!word && !explicit) return null;
  if (word && /[0-9]/.test(before[pos - word.length - 1] ?? '')) return null;
  const options: CompletionOption[] = [
    ...prefixed(variables(query), word).map((v) => ({ label: v, kind: 'variable' as const })),
    ...prefixed(CYPHER_KEYWORDS, word).map((k) => ({ label: k, kind: 'keyword' as const })),
    ...(schema.functions ?? [])
      .filter((f) => f.name.toLowerCase().startsWith(word.toLowerCase()))
      .map((f) => ({ label: f.name, kind: 'function' as const, detail: f.signature, apply: `${f.name}(` })),
  ];
  return options.length ? { from: pos - word.length, options } : null;
}
