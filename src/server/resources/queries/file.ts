import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import type { SavedQuery, SavedQueryParam } from '../../../shared/api/queries';
import { badRequest } from '../../http/errors';
import { hasSeveralStatements, scanCypher, stripTrailingSemicolons } from '../../sandbox/cypher-text';

/**
 * The saved-query file format: cypher/queries/*.cypher, one query per file, with a YAML header
 * written as `//` comments at the top (format in cypher/README.md). Parsing and the static checks
 * here need no database; the library EXPLAIN-checks what passes them.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

const ParamHeaderSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Cypher parameter name'),
    type: z.enum(['string', 'integer', 'float', 'boolean', 'date', 'entity']),
    label: z.string().optional(),
    description: z.string().optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null(), z.date()]).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
    labels: z.array(z.string()).optional().describe('entity params: labels the picker searches'),
    suggest: z.string().optional().describe('a read query returning `value` and `label` columns'),
    distinct: z.string().optional().describe('entity params: must not name the same node as this earlier parameter'),
    pass: z
      .enum(['elementId', 'id'])
      .optional()
      .describe("entity params: what the query receives, the node's element id (default) or its `id`"),
  })
  .strict();

const NeedsSchema = z
  .object({
    labels: z.array(z.string().min(1)).default([]),
    types: z.array(z.string().min(1)).default([]),
  })
  .strict();

const HeaderSchema = z
  .object({
    title: z.string().min(3),
    description: z.string().min(3),
    group: z.string().min(1).default('General'),
    needs: NeedsSchema.default({ labels: [], types: [] }).describe(
      'labels and relationship types the query needs; the library marks it unfit for a database without them',
    ),
    params: z.array(ParamHeaderSchema).default([]),
  })
  .strict();
export type QueryHeader = z.input<typeof HeaderSchema>;

export type ParamHeader = z.infer<typeof ParamHeaderSchema>;

/** A query as read: its fit for the connected database is decided by the library. */
export type QueryMeta = Omit<SavedQuery, 'fits' | 'missing'>;

export interface LoadedQuery {
  meta: QueryMeta;
  params: ParamHeader[];
  cypher: string;
  file: string;
}

export interface Rejected {
  file: string;
  reason: string;
}

/** Splits a file into its `//` header (as YAML text) and the query body. Pure. */
export function splitHeader(text: string): { header: string; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*\/\//.test(l)) head.push(l.replace(/^\s*\/\/ ?/, ''));
    else if (l.trim() === '' && head.length === 0) continue;
    else break;
  }
  return { header: head.join('\n'), body: lines.slice(i).join('\n').trim() };
}

function dateDefault(v: unknown): unknown {
  // YAML turns 2023-01-01 into a Date; keep ISO text.
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** Parses and statically checks one file (no database). Throws Error with a clear reason. */
export function parseSavedQuery(file: string, text: string, source: QueryMeta['source'] = 'repository'): LoadedQuery {
  const name = basename(file, '.cypher');
  if (!NAME.test(name)) throw new Error(`file name must be lowercase kebab-case (got "${name}")`);
  const { header, body } = splitHeader(text);
  if (!header.trim()) throw new Error('missing the `//` header (title, description, params)');
  let raw: unknown;
  try {
    raw = parseYaml(header);
  } catch (e) {
    throw new Error(`header is not valid YAML: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `bad header: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(header)'}: ${i.message}`).join('; ')}`,
    );
  }
  const h = parsed.data;
  const cypher = stripTrailingSemicolons(body);
  if (!cypher) throw new Error('no query after the header');
  const { skeleton, params: used } = scanCypher(cypher);
  if (hasSeveralStatements(skeleton)) throw new Error('holds more than one statement');
  const declared = new Set<string>();
  for (const p of h.params) {
    if (declared.has(p.name)) throw new Error(`parameter "${p.name}" is declared twice`);
    declared.add(p.name);
    p.default = dateDefault(p.default) as ParamHeader['default'];
    if (p.default !== undefined && p.default !== null) coerceParam(p, p.default, `default of ${p.name}`);
  }
  const undeclared = used.filter((u) => !declared.has(u));
  if (undeclared.length)
    throw new Error(`uses ${undeclared.map((u) => `$${u}`).join(', ')} without declaring it in the header`);
  const unused = h.params.filter((p) => !used.includes(p.name)).map((p) => p.name);
  if (unused.length)
    throw new Error(`declares ${unused.join(', ')} but the query does not use ${unused.length > 1 ? 'them' : 'it'}`);
  return {
    file,
    cypher,
    params: h.params,
    meta: {
      name,
      title: h.title,
      description: h.description.trim(),
      group: h.group,
      cypher,
      needs: { labels: h.needs.labels, types: h.needs.types },
      source,
      params: h.params.map((p): SavedQueryParam => ({
        name: p.name,
        type: p.type,
        label: p.label ?? p.name,
        description: p.description ?? null,
        ...(p.default !== undefined ? { default: p.default as string | number | boolean | null } : {}),
        required: p.default === undefined,
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
        ...(p.options ? { options: p.options } : {}),
        ...(p.labels ? { entityLabels: p.labels } : {}),
      })),
    },
  };
}

/**
 * A saved-query file in the header format of cypher/queries: the YAML header as `//` lines, then
 * the query. parseSavedQuery(formatSavedQuery(h, q)) gives back h and q. Pure.
 */
export function formatSavedQuery(header: QueryHeader, cypher: string): string {
  const clean = Object.fromEntries(Object.entries(header).filter(([, v]) => v !== undefined));
  const yaml = stringifyYaml(clean, { lineWidth: 100 }).trimEnd();
  return `${yaml
    .split('\n')
    .map((l) => (l ? `// ${l}` : '//'))
    .join('\n')}\n${cypher.trim()}\n`;
}

/**
 * One JSON value → the Cypher value for a declared parameter, or a 400 naming it.
 * Pure apart from building driver types.
 */
export function coerceParam(p: ParamHeader, v: unknown, where = p.name): unknown {
  if (v === null) return null;
  const fail = (msg: string) => badRequest(where, msg);
  let out: unknown;
  switch (p.type) {
    case 'string':
    case 'entity': {
      if (typeof v !== 'string' || v.length === 0) throw fail(`must be a non-empty string`);
      if (v.length > 1000) throw fail('must be at most 1000 characters');
      out = v;
      break;
    }
    case 'integer': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw fail('must be an integer');
      rangeCheck(p, n, fail);
      out = neo4j.int(n);
      break;
    }
    case 'float': {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw fail('must be a number');
      rangeCheck(p, n, fail);
      out = n;
      break;
    }
    case 'boolean': {
      if (v === true || v === 'true') out = true;
      else if (v === false || v === 'false') out = false;
      else throw fail('must be true or false');
      break;
    }
    case 'date': {
      if (typeof v !== 'string' || !ISO_DATE.test(v)) throw fail('must be a date like 2023-04-20');
      const [y, m, d] = v.split('-').map(Number) as [number, number, number];
      const dt = new Date(Date.UTC(y, m - 1, d));
      if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
        throw fail(`${v} is not a calendar date`);
      out = new neo4j.types.Date(y, m, d);
      break;
    }
  }
  if (p.options && !p.options.some((o) => o === v || String(o) === String(v))) {
    throw fail(`must be one of ${p.options.map((o) => JSON.stringify(o)).join(', ')}`);
  }
  return out;
}

function rangeCheck(p: ParamHeader, n: number, fail: (m: string) => Error): void {
  if (p.min !== undefined && n < p.min) throw fail(`must be at least ${p.min}`);
  if (p.max !== undefined && n > p.max) throw fail(`must be at most ${p.max}`);
}

/** Reads every *.cypher file (sorted); static problems become rejections. No database. */
export function readSavedQueries(dir: string): { queries: LoadedQuery[]; rejected: Rejected[] } {
  const queries: LoadedQuery[] = [];
  const rejected: Rejected[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .sort();
  } catch (e) {
    rejected.push({ file: dir, reason: `cannot read the queries folder: ${(e as Error).message}` });
  }
  for (const f of files) {
    try {
      queries.push(parseSavedQuery(f, readFileSync(join(dir, f), 'utf8')));
    } catch (e) {
      rejected.push({ file: f, reason: (e as Error).message });
    }
  }
  return { queries, rejected };
}
