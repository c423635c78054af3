/**
 * The loader in reverse: one dataset of the graph (every node whose `dataset` is NAME, what the
 * seed and accepted reviews write) as the seed YAML files, so reviewed data can be kept in git.
 * Loading the export gives the same graph: node properties the loader derives (an article's
 * readable outlet and authors, a claim's caption, provenance lists, per-value sources) are turned back into the
 * fields they come from, and relationships are split the way the loader joins them (claims'
 * MADE/REPORTS/ABOUT/CONTRADICTS, MENTIONS, the rest). Read in one read transaction. The
 * articles' texts (the seed's and those ingested since) are copied beside the YAML, checked
 * against the sha256 and length the graph records, so the quotes verify when it is loaded again.
 */
import { PROVENANCE_KEYS } from './load';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { stringify } from 'yaml';
import { REPORTED_KEYS, reportedFromProps } from './reported';
import { ENTITY_FILES } from './schema';

type Row = Record<string, unknown>;

/** Relationship properties the loader derives from the evidence list (see load.ts provenance()). */
const PROVENANCE = new Set<string>(PROVENANCE_KEYS);
const CLAIM_LINKS = new Set(['MADE', 'REPORTS', 'ABOUT', 'CONTRADICTS']);

/** A stored value as the seed files write it: dates as YYYY-MM-DD, points as {lat, lon}, integers as numbers. */
function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (neo4j.isDate(v)) return v.toString();
  if (neo4j.isPoint(v)) return { lat: v.y, lon: v.x };
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function props(p: Row, drop: readonly string[] = []): Row {
  const out: Row = {};
  for (const k of Object.keys(p).sort(fieldOrder)) if (k !== 'dataset' && !drop.includes(k)) out[k] = plain(p[k]);
  return out;
}

// id and name first, the rest alphabetical: stable files that diff well.
const FIRST = ['id', 'name', 'type', 'from', 'to'];
function fieldOrder(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));

function evidenceOf(p: Row): Row[] {
  const articles = (p.evidence_articles as string[] | undefined) ?? [p.article as string];
  const quotes = (p.evidence_quotes as string[] | undefined) ?? [p.quote as string];
  const starts = (p.evidence_starts as unknown[] | undefined) ?? [p.start];
  const ends = (p.evidence_ends as unknown[] | undefined) ?? [p.end];
  return articles.map((article, i) => ({ article, quote: quotes[i], start: plain(starts[i]), end: plain(ends[i]) }));
}

/** The seed files' contents (file name → records) of one dataset. Cost: one pass over its nodes and relationships. */
export async function exportDataset(driver: Driver, database: string, dataset: string): Promise<Record<string, Row[]>> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run(
        'MATCH (n) WHERE n.dataset = $dataset RETURN labels(n) AS labels, properties(n) AS p',
        { dataset },
      );
      const rels = await tx.run(
        `MATCH (a)-[r]->(b) WHERE a.dataset = $dataset AND b.dataset = $dataset
         RETURN type(r) AS type, a.id AS from, b.id AS to, labels(a) AS fromLabels, properties(r) AS p`,
        { dataset },
      );
      const files: Record<string, Row[]> = { 'articles.yaml': [], 'claims.yaml': [] };
      for (const f of Object.keys(ENTITY_FILES)) files[f] = [];
      const fileOf = new Map(Object.entries(ENTITY_FILES).map(([f, { label }]) => [label as string, f]));
      const claims = new Map<string, Row>();
      for (const r of nodes.records) {
        const labels = r.get('labels') as string[];
        const p = r.get('p') as Row;
        if (labels.includes('Article')) {
          const a = props(p, ['outlet_id', 'author_ids']);
          Object.assign(a, { outlet: p.outlet_id ?? p.outlet, authors: p.author_ids ?? p.authors ?? [] });
          files['articles.yaml']!.push(a);
        } else if (labels.includes('Claim')) {
          const c = props(p, [...PROVENANCE, 'name']);
          Object.assign(c, { about: [], contradicts: [], evidence: evidenceOf(p)[0] });
          claims.set(String(p.id), c);
          files['claims.yaml']!.push(c);
        } else {
          const file = labels.map((l) => fileOf.get(l)).find(Boolean);
          if (!file) continue;
          // Per-value sources go back to the entity's `reported` list (reported.ts).
          const e = props(p, REPORTED_KEYS);
          const reported = reportedFromProps(props(p));
          if (reported.length) e.reported = reported;
          files[file]!.push(e);
        }
      }
      const relationships: Row[] = [];
      const mentions: Row[] = [];
      for (const r of rels.records) {
        const type = r.get('type') as string;
        const p = r.get('p') as Row;
        const from = r.get('from') as string;
        const to = r.get('to') as string;
        if (CLAIM_LINKS.has(type) && (claims.has(from) || claims.has(to))) {
          if (type === 'ABOUT') (claims.get(from)!.about as string[]).push(to);
          if (type === 'CONTRADICTS') (claims.get(from)!.contradicts as string[]).push(to);
          // MADE and REPORTS are the claim's own claimant and evidence article.
        } else if (type === 'MENTIONS' && (r.get('fromLabels') as string[]).includes('Article')) {
          mentions.push({
            article: from,
            entity: to,
            count: plain(p.count),
            first_offset: plain(p.first_offset),
            quote: p.quote,
          });
        } else {
          const properties = props(Object.fromEntries(Object.entries(p).filter(([k]) => !PROVENANCE.has(k))));
          relationships.push({ type, from, to, properties, evidence: evidenceOf(p) });
        }
      }
      for (const c of claims.values()) {
        (c.about as string[]).sort();
        (c.contradicts as string[]).sort();
      }
      for (const list of Object.values(files)) list.sort(byId);
      const key = (x: Row, ...k: string[]) => k.map((f) => String(x[f])).join('|');
      files['relationships.yaml'] = relationships.sort((a, b) =>
        key(a, 'type', 'from', 'to').localeCompare(key(b, 'type', 'from', 'to')),
      );
      files['mentions.yaml'] = mentions.sort((a, b) =>
        key(a, 'article', 'entity').localeCompare(key(b, 'article', 'entity')),
      );
      return files;
    });
  } finally {
    await session.close();
  }
}

export interface ExportResult {
  /** Records per YAML file. */
  counts: Record<string, number>;
  /** Article texts copied into `<outDir>/articles`, by file name. */
  copied: string[];
  /** Articles whose text was found in none of the text folders (or not intact): why, per article. */
  missing: string[];
}

/** The folder of the export the article texts go to (what `npm run seed -- --articles` takes). */
export const EXPORT_TEXTS = 'articles';

/**
 * Writes the export as seed YAML into `outDir`, with the relationship vocabulary copied from
 * `vocabularyDir` (the vocabulary is not stored in the graph) and each article's text copied
 * from the first of `textDirs` that holds it intact (its sha256 and length as recorded) into
 * `outDir/articles`. A text found nowhere is reported, not fatal: the YAML is still the data.
 */
export async function writeDatasetExport(
  driver: Driver,
  database: string,
  opts: { dataset: string; outDir: string; vocabularyDir: string; textDirs?: readonly string[] },
): Promise<ExportResult> {
  const files = await exportDataset(driver, database, opts.dataset);
  if (!files['articles.yaml']!.length) throw new Error(`dataset "${opts.dataset}" has no articles in ${database}`);
  mkdirSync(opts.outDir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [file, rows] of Object.entries(files)) {
    writeFileSync(join(opts.outDir, file), stringify(rows, { lineWidth: 0 }));
    counts[file] = rows.length;
  }
  const vocab = join(opts.vocabularyDir, 'vocabulary.yaml');
  if (existsSync(vocab)) copyFileSync(vocab, join(opts.outDir, 'vocabulary.yaml'));
  return { counts, ...copyTexts(files['articles.yaml']!, opts.textDirs ?? [], join(opts.outDir, EXPORT_TEXTS)) };
}

/** Copies each article's text, intact, into `out`. Cost: one read (and hash) per candidate file. */
function copyTexts(articles: Row[], dirs: readonly string[], out: string): { copied: string[]; missing: string[] } {
  const copied: string[] = [];
  const missing: string[] = [];
  for (const a of articles) {
    const file = typeof a.file === 'string' ? a.file : '';
    if (!file || file.includes('/') || file.includes('\\')) {
      missing.push(`${String(a.id)}: no text file recorded`);
      continue;
    }
    const found = dirs.map((d) => join(d, file)).find((path) => intact(path, a));
    if (!found) {
      missing.push(`${String(a.id)}: ${file} not found intact in ${dirs.join(', ') || 'no text folder'}`);
      continue;
    }
    mkdirSync(out, { recursive: true });
    copyFileSync(found, join(out, file));
    copied.push(file);
  }
  return { copied, missing };
}

/** The file exists and is the recorded text (same sha256 and length in characters, as the seed checks). */
function intact(path: string, a: Row): boolean {
  if (!existsSync(path)) return false;
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) return false;
  return bytes.toString('utf8').length === Number(a.length);
}
