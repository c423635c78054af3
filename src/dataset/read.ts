import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  ArticleSchema,
  ClaimSchema,
  ENTITY_FILES,
  MentionSchema,
  RelationshipSchema,
  VocabularySchema,
  type Article,
  type Claim,
  type EntityLabel,
  type Mention,
  type Relationship,
  type ReportedValue,
  type VocabularyEntry,
} from './schema';
import { checkReported } from './reported';

/** One problem in the seed data, located precisely enough to fix by hand. */
export interface SeedIssue {
  file: string;
  /** "#3 (vyacheslav-gladkov)": position in the file's list and the record's id when it has one. */
  record: string;
  /** Dotted path of the field inside the record, '' for the whole record or file. */
  field: string;
  message: string;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: SeedIssue[]) {
    super(
      `The seed data has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written:\n` +
        issues
          .slice(0, 50)
          .map((i) => `  ${i.file} ${i.record}${i.field ? ` field ${i.field}` : ''}: ${i.message}`)
          .join('\n') +
        (issues.length > 50 ? `\n  … and ${issues.length - 50} more` : ''),
    );
  }
}

export interface EntityRecord {
  label: EntityLabel;
  file: string;
  data: Record<string, unknown> & {
    id: string;
    name: string;
    aliases: string[];
    description: string;
    reported?: ReportedValue[];
  };
}

export interface SeedData {
  articles: Article[];
  entities: EntityRecord[];
  claims: Claim[];
  relationships: Relationship[];
  mentions: Mention[];
  vocabulary: VocabularyEntry[];
}

export const SEED_FILES = [
  'articles.yaml',
  ...Object.keys(ENTITY_FILES),
  'claims.yaml',
  'relationships.yaml',
  'mentions.yaml',
  'vocabulary.yaml',
] as const;

function recordName(raw: unknown, index: number): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  if (typeof id === 'string') return `#${index + 1} (${id})`;
  if (raw && typeof raw === 'object' && 'type' in raw && 'from' in raw) {
    const r = raw as { type: unknown; from: unknown; to: unknown };
    return `#${index + 1} (${String(r.type)} ${String(r.from)} → ${String(r.to)})`;
  }
  if (raw && typeof raw === 'object' && 'article' in raw && 'entity' in raw) {
    const r = raw as { article: unknown; entity: unknown };
    return `#${index + 1} (${String(r.article)} → ${String(r.entity)})`;
  }
  return `#${index + 1}`;
}

/** Reads a YAML list file; parse errors become issues with the line number. */
function readList(dir: string, file: string, issues: SeedIssue[]): unknown[] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    issues.push({ file, record: '', field: '', message: `missing file ${path}` });
    return [];
  }
  const text = readFileSync(path, 'utf8');
  const chunked = text.length > CHUNK_CHARS ? parseInChunks(text) : undefined;
  if (chunked) return chunked;
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors)
      issues.push({ file, record: '', field: '', message: `YAML syntax error: ${e.message.split('\n')[0]}` });
    return [];
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ file, record: '', field: '', message: 'the file must hold a YAML list of records' });
    return [];
  }
  return value;
}

/** Above this a list file is parsed in pieces: the YAML syntax tree of a whole file costs ~90× its size in heap. */
export const CHUNK_CHARS = 1 << 20;

/**
 * Parses a top-level YAML list piece by piece, cutting only before a line starting with "- " (a new
 * top-level item), so only one piece's syntax tree is alive at a time. Any doubt (a syntax error, a
 * piece that is not a list: anchors, multi-line scalars cut apart, a map) returns undefined and the
 * caller parses the whole file, which reports errors with their real line numbers.
 */
export function parseInChunks(text: string, chunk = CHUNK_CHARS): unknown[] | undefined {
  const out: unknown[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + chunk);
    if (end < text.length) {
      const j = text.indexOf('\n- ', end - 1);
      end = j < 0 ? text.length : j + 1;
    }
    const doc = parseDocument(text.slice(start, end));
    if (doc.errors.length) return undefined;
    let v: unknown;
    try {
      v = doc.toJS(); // throws on an alias whose anchor is in another piece
    } catch {
      return undefined;
    }
    if (Array.isArray(v)) for (const x of v) out.push(x);
    else if (v !== null && v !== undefined) return undefined;
    start = end;
  }
  return out;
}

function parseList<T>(dir: string, file: string, schema: z.ZodType<T>, issues: SeedIssue[]): T[] {
  const out: T[] = [];
  readList(dir, file, issues).forEach((raw, i) => {
    const r = schema.safeParse(raw);
    if (r.success) out.push(r.data);
    else
      for (const issue of r.error.issues)
        issues.push({ file, record: recordName(raw, i), field: issue.path.join('.'), message: issue.message });
  });
  return out;
}

/**
 * Reads and validates every file in `dir`: shapes, then references between records. Throws
 * SeedValidationError listing every problem (file, record, field); touches no database.
 * Cost: O(data): the seed folder parses in milliseconds; a generated 1M-relationship folder (~200 MB) takes minutes and GBs of heap (heap.ts sizes it).
 */
export function readSeed(dir: string): SeedData {
  const issues: SeedIssue[] = [];
  const articles = parseList(dir, 'articles.yaml', ArticleSchema, issues);
  const entities: EntityRecord[] = [];
  for (const [file, { label, schema }] of Object.entries(ENTITY_FILES)) {
    for (const data of parseList(dir, file, schema as z.ZodType<EntityRecord['data']>, issues))
      entities.push({ label, file, data });
  }
  const claims = parseList(dir, 'claims.yaml', ClaimSchema, issues);
  const relationships = parseList(dir, 'relationships.yaml', RelationshipSchema, issues);
  const mentions = parseList(dir, 'mentions.yaml', MentionSchema, issues);
  const vocabulary = parseList(dir, 'vocabulary.yaml', VocabularySchema, issues);
  const data: SeedData = { articles, entities, claims, relationships, mentions, vocabulary };
  checkReferences(data, issues);
  if (issues.length) throw new SeedValidationError(issues);
  return data;
}

/** Cross-record checks: unique ids, known references, vocabulary, evidence shape. */
function checkReferences(d: SeedData, issues: SeedIssue[]): void {
  const kindOf = new Map<string, { label: EntityLabel | 'Article' | 'Claim'; file: string }>();
  const claim = (file: string, id: string, index: number) => {
    const prev = kindOf.get(id);
    if (prev)
      issues.push({
        file,
        record: `#${index + 1} (${id})`,
        field: 'id',
        message: `duplicate id: already used in ${prev.file}`,
      });
    return prev;
  };
  d.articles.forEach(
    (a, i) => claim('articles.yaml', a.id, i) ?? kindOf.set(a.id, { label: 'Article', file: 'articles.yaml' }),
  );
  const perFile = new Map<string, number>();
  for (const e of d.entities) {
    const i = perFile.get(e.file) ?? 0;
    perFile.set(e.file, i + 1);
    if (!claim(e.file, e.data.id, i)) kindOf.set(e.data.id, { label: e.label, file: e.file });
  }
  d.claims.forEach(
    (c, i) => claim('claims.yaml', c.id, i) ?? kindOf.set(c.id, { label: 'Claim', file: 'claims.yaml' }),
  );

  const articleIds = new Set(d.articles.map((a) => a.id));
  const isEntity = (id: string) => {
    const k = kindOf.get(id)?.label;
    return k !== undefined && k !== 'Article' && k !== 'Claim';
  };
  const ref = (
    file: string,
    record: string,
    field: string,
    id: string,
    want: (id: string) => boolean,
    what: string,
  ) => {
    if (!kindOf.has(id)) issues.push({ file, record, field, message: `unknown id "${id}"` });
    else if (!want(id))
      issues.push({ file, record, field, message: `"${id}" is a ${kindOf.get(id)!.label}, expected ${what}` });
  };
  const evidence = (
    file: string,
    record: string,
    field: string,
    ev: { article: string; quote: string; start: number; end: number },
  ) => {
    if (!articleIds.has(ev.article))
      issues.push({ file, record, field: `${field}.article`, message: `unknown article "${ev.article}"` });
    if (ev.end - ev.start !== ev.quote.length)
      issues.push({
        file,
        record,
        field: `${field}.end`,
        message: `end - start (${ev.end - ev.start}) differs from the quote's length (${ev.quote.length})`,
      });
  };

  d.articles.forEach((a, i) => {
    const rec = `#${i + 1} (${a.id})`;
    ref('articles.yaml', rec, 'outlet', a.outlet, (id) => kindOf.get(id)?.label === 'Organization', 'an Organization');
    a.authors.forEach((p, j) =>
      ref('articles.yaml', rec, `authors.${j}`, p, (id) => kindOf.get(id)?.label === 'Person', 'a Person'),
    );
  });
  const published = new Map(d.articles.map((a) => [a.id, a.published]));
  d.entities.forEach((e) => {
    checkReported(e.file, e.data, published, issues);
    const by = e.data.casualties_reported_by;
    if (typeof by === 'string') ref(e.file, `(${e.data.id})`, 'casualties_reported_by', by, isEntity, 'an entity');
  });

  const claimIds = new Set(d.claims.map((c) => c.id));
  d.claims.forEach((c, i) => {
    const rec = `#${i + 1} (${c.id})`;
    ref(
      'claims.yaml',
      rec,
      'claimant',
      c.claimant,
      (id) => ['Person', 'Organization'].includes(kindOf.get(id)!.label),
      'a Person or Organization',
    );
    c.about.forEach((e, j) =>
      ref('claims.yaml', rec, `about.${j}`, e, (id) => kindOf.get(id)?.label === 'Event', 'an Event'),
    );
    c.contradicts.forEach((o, j) => {
      if (!claimIds.has(o))
        issues.push({ file: 'claims.yaml', record: rec, field: `contradicts.${j}`, message: `unknown claim "${o}"` });
      else if (o === c.id)
        issues.push({
          file: 'claims.yaml',
          record: rec,
          field: `contradicts.${j}`,
          message: 'a claim cannot contradict itself',
        });
    });
    evidence('claims.yaml', rec, 'evidence', c.evidence);
  });

  const vocab = new Map(d.vocabulary.map((v) => [v.type, v]));
  const seenVocab = new Set<string>();
  d.vocabulary.forEach((v, i) => {
    if (seenVocab.has(v.type))
      issues.push({
        file: 'vocabulary.yaml',
        record: `#${i + 1} (${v.type})`,
        field: 'type',
        message: 'duplicate type',
      });
    seenVocab.add(v.type);
    if (['MADE', 'ABOUT', 'REPORTS', 'CONTRADICTS', 'MENTIONS'].includes(v.type))
      issues.push({
        file: 'vocabulary.yaml',
        record: `#${i + 1} (${v.type})`,
        field: 'type',
        message: 'reserved: created by the loader from claims/mentions',
      });
  });
  const relKeys = new Set<string>();
  d.relationships.forEach((r, i) => {
    const rec = recordName(r, i);
    const v = vocab.get(r.type);
    if (!v)
      issues.push({
        file: 'relationships.yaml',
        record: rec,
        field: 'type',
        message: `type ${r.type} is not in vocabulary.yaml`,
      });
    for (const end of ['from', 'to'] as const) {
      const id = r[end];
      const k = kindOf.get(id)?.label;
      if (!k) issues.push({ file: 'relationships.yaml', record: rec, field: end, message: `unknown id "${id}"` });
      else if (k === 'Claim')
        issues.push({
          file: 'relationships.yaml',
          record: rec,
          field: end,
          message: `"${id}" is a Claim; claims link through claims.yaml`,
        });
      else if (v && !(v[end] as string[]).includes(k))
        issues.push({
          file: 'relationships.yaml',
          record: rec,
          field: end,
          message: `${r.type} does not allow a ${k} as its ${end} (vocabulary: ${v[end].join(', ')})`,
        });
    }
    const key = `${r.type}|${r.from}|${r.to}`;
    if (relKeys.has(key))
      issues.push({
        file: 'relationships.yaml',
        record: rec,
        field: '',
        message: 'duplicate relationship (same type, from and to): merge their evidence into one record',
      });
    relKeys.add(key);
    r.evidence.forEach((ev, j) => evidence('relationships.yaml', rec, `evidence.${j}`, ev));
  });

  const mentionKeys = new Set<string>();
  d.mentions.forEach((m, i) => {
    const rec = recordName(m, i);
    if (!articleIds.has(m.article))
      issues.push({ file: 'mentions.yaml', record: rec, field: 'article', message: `unknown article "${m.article}"` });
    ref('mentions.yaml', rec, 'entity', m.entity, isEntity, 'an entity');
    const key = `${m.article}|${m.entity}`;
    if (mentionKeys.has(key))
      issues.push({
        file: 'mentions.yaml',
        record: rec,
        field: '',
        message: 'duplicate mention of the same entity in the same article',
      });
    mentionKeys.add(key);
  });
}
