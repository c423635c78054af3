// Shared helpers for the seed-data tools (locate.ts, mentions.ts).
// Run the tools with tsx, e.g. `npx tsx seed/tools/locate.ts [--fix] [--articles DIR] [--data DIR]`.
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { identityKey } from '../../src/dataset/text-key.js';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DATA_DIR = resolve(HERE, '../data');
export const DEFAULT_ARTICLES_DIR = '/work/shared/articles';

/** Entity files and the Neo4j label each one stands for. */
export const ENTITY_FILES = {
  'people.yaml': 'Person',
  'organizations.yaml': 'Organization',
  'places.yaml': 'Place',
  'events.yaml': 'Event',
  'weapons.yaml': 'Weapon',
} as const;
export type EntityLabel = (typeof ENTITY_FILES)[keyof typeof ENTITY_FILES];

export interface Options {
  dataDir: string;
  articlesDir: string;
  fix: boolean;
  rest: string[];
}

export function parseArgs(argv: string[]): Options {
  const opts: Options = { dataDir: DEFAULT_DATA_DIR, articlesDir: DEFAULT_ARTICLES_DIR, fix: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--articles') opts.articlesDir = resolve(argv[++i] ?? '');
    else if (a?.startsWith('--articles=')) opts.articlesDir = resolve(a.slice('--articles='.length));
    else if (a === '--data') opts.dataDir = resolve(argv[++i] ?? '');
    else if (a?.startsWith('--data=')) opts.dataDir = resolve(a.slice('--data='.length));
    else if (a === '--fix') opts.fix = true;
    else if (a !== undefined) opts.rest.push(a);
  }
  return opts;
}

export type Rec = Record<string, unknown>;

export function readYamlList(dataDir: string, file: string): Rec[] {
  const path = join(dataDir, file);
  if (!existsSync(path)) return [];
  let v: unknown;
  try {
    v = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
  if (v == null) return [];
  if (!Array.isArray(v)) throw new Error(`${file}: top level must be a list`);
  return v as Rec[];
}

export interface ArticleText {
  id: string;
  file: string;
  text: string;
  sha256: string;
  /** The identity key (src/dataset/text-key.ts). */
  textKey: string;
  length: number;
}

/** Reads every article listed in articles.yaml from the articles folder. */
export function loadArticles(dataDir: string, articlesDir: string): Map<string, ArticleText> {
  const out = new Map<string, ArticleText>();
  for (const a of readYamlList(dataDir, 'articles.yaml')) {
    const id = String(a.id);
    const file = String(a.file);
    const path = join(articlesDir, file);
    if (!existsSync(path)) throw new Error(`article ${id}: file not found: ${path}`);
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    out.set(id, {
      id,
      file,
      text,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      textKey: identityKey(text),
      length: text.length,
    });
  }
  return out;
}

export interface EntityRec {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  rec: Rec;
}

export function loadEntities(dataDir: string): EntityRec[] {
  const out: EntityRec[] = [];
  for (const [file, label] of Object.entries(ENTITY_FILES) as [string, EntityLabel][]) {
    for (const r of readYamlList(dataDir, file)) {
      const aliases = Array.isArray(r.aliases) ? r.aliases.map(String) : [];
      out.push({ id: String(r.id), label, name: String(r.name ?? ''), aliases, rec: r });
    }
  }
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;
export const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/**
 * All occurrences of `needle` in `text` (case-sensitive) that sit on word boundaries.
 * A boundary is only required where the needle itself starts/ends with a word character,
 * so "U.S." matches in "U.S. Defense" and "Gladkov" matches in "Gladkov’s" but not in "Gladkova".
 */
export function findWord(text: string, needle: string): number[] {
  const hits: number[] = [];
  if (!needle) return hits;
  const needStart = isWordChar(needle[0]);
  const needEnd = isWordChar(needle[needle.length - 1]);
  let from = 0;
  for (;;) {
    const i = text.indexOf(needle, from);
    if (i < 0) break;
    const okStart = !needStart || !isWordChar(text[i - 1]);
    const okEnd = !needEnd || !isWordChar(text[i + needle.length]);
    if (okStart && okEnd) hits.push(i);
    from = i + 1;
  }
  return hits;
}

/** All (possibly overlapping) plain occurrences of `needle` in `text`. */
export function findAll(text: string, needle: string): number[] {
  const hits: number[] = [];
  if (!needle) return hits;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) hits.push(i);
  return hits;
}

/**
 * Length-preserving normalisation used to *find* a quote typed with plain punctuation:
 * any whitespace (incl. NBSP) -> ' ', curly single quotes -> "'", curly double quotes -> '"',
 * en/em dashes -> '-'. Every replacement is one UTF-16 unit for one, so indices carry over.
 */
export function normalise(s: string): string {
  return s
    .replace(/\s/gu, ' ')
    .replace(/[\u2018\u2019\u201A\u2032]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/gu, '"')
    .replace(/[\u2013\u2014\u2212]/gu, '-');
}

export const wordCount = (s: string): number => s.trim().split(/\s+/u).filter(Boolean).length;
