/**
 * A query saved from the explorer as a `.cypher` file in the header format of cypher/queries: the
 * drawer's parameters become declared parameters (typed from their values, the values as
 * defaults) and `needs` lists the labels and types of the database the query names. Pure: the
 * caller says which values name existing nodes.
 */
import type { SaveQueryBody } from '../../../shared/api/queries';
import { looksLikeElementId } from '../../db/runner';
import { scanCypher, stripTrailingSemicolons } from '../../sandbox/cypher-text';
import { formatSavedQuery, type QueryHeader } from './file';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type ParamDecl = NonNullable<QueryHeader['params']>[number];

/** A drawer value that names an existing node: its label, and whether the value was its `id` (else its element id). */
export interface NamedNode {
  label: string;
  byKey: boolean;
}

/**
 * A declaration for one parameter from the value the drawer holds (none: required text). A value
 * naming an existing node becomes an entity parameter, as the built-in queries declare them, so
 * the form offers a picker and a name typed in it is refused rather than silently matching nothing.
 */
export function declareParam(name: string, value: unknown, node?: NamedNode): ParamDecl {
  const plain = plainParam(name, value);
  // Numbers and dates keep their type (an integer `id` is matched as one); text naming a node does not.
  if (node && typeof value === 'string' && (plain.type === 'string' || plain.type === 'entity'))
    // The query was written against what the drawer held: a key is passed on as the key.
    return { name, type: 'entity', labels: [node.label], default: value, ...(node.byKey ? { pass: 'id' } : {}) };
  return plain;
}

function plainParam(name: string, value: unknown): ParamDecl {
  if (value === undefined) return { name, type: 'string' };
  if (value === null) return { name, type: 'string', default: null };
  if (typeof value === 'boolean') return { name, type: 'boolean', default: value };
  if (typeof value === 'number')
    return Number.isSafeInteger(value)
      ? { name, type: 'integer', default: value }
      : { name, type: 'float', default: value };
  const s = String(value);
  // The drawer's parameters are text: numbers typed as text become numbers.
  if (/^-?\d{1,15}$/.test(s.trim())) return { name, type: 'integer', default: Number(s) };
  if (/^-?\d+\.\d+$/.test(s.trim())) return { name, type: 'float', default: Number(s) };
  if (ISO_DATE.test(s)) return { name, type: 'date', default: s };
  if (looksLikeElementId(s)) return { name, type: 'entity', default: s };
  return { name, type: 'string', default: s };
}

/** The parameters a query uses, in order. */
export function savedQueryParams(cypher: string): string[] {
  return scanCypher(stripTrailingSemicolons(cypher).trim()).params;
}

/** Labels and relationship types a query names (`:Label`, `[:TYPE]`, quoted or not) that the database has. */
export function namedTokens(
  cypher: string,
  tokens: { labels: ReadonlySet<string>; types: ReadonlySet<string> },
): { labels: string[]; types: string[] } {
  const { skeleton } = scanCypher(cypher);
  const names = new Set<string>();
  for (const m of skeleton.matchAll(/:\s*([\p{L}_][\p{L}\p{N}_]*)/gu)) names.add(m[1]!);
  // Quoted names are blanked in the skeleton (same offsets): read them from the text.
  for (const m of skeleton.matchAll(/:\s*`/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = skeleton.indexOf('`', start);
    if (end > start) names.add(cypher.slice(start, end).replace(/``/g, '`'));
  }
  return {
    labels: [...names].filter((n) => tokens.labels.has(n)).sort(),
    types: [...names].filter((n) => tokens.types.has(n)).sort(),
  };
}

/** The `.cypher` file for a save request. */
export function composeSavedQuery(
  body: Required<Pick<SaveQueryBody, 'title' | 'description' | 'cypher'>> & Pick<SaveQueryBody, 'group' | 'params'>,
  tokens: { labels: ReadonlySet<string>; types: ReadonlySet<string> },
  nodes: ReadonlyMap<string, NamedNode> = new Map(),
): string {
  const cypher = stripTrailingSemicolons(body.cypher).trim();
  const used = savedQueryParams(cypher);
  const given = body.params ?? {};
  const params = used.map((name) => declareParam(name, given[name], nodes.get(name)));
  return formatSavedQuery(
    {
      title: body.title,
      description: body.description,
      group: body.group ?? 'Saved',
      needs: namedTokens(cypher, tokens),
      params,
    },
    cypher,
  );
}
