/**
 * The same dataset as CSV for `neo4j-admin database import full`: the same nodes, labels,
 * relationships and (nearly) the same properties the loader writes — provenance on every
 * relationship, dates as `date`, places' `location` as a WGS-84 point. Differences: empty lists
 * (aliases: []) become absent properties, and no constraints or indexes (the import tool builds
 * none; the benchmark times the schema build separately).
 */
import { createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { SeedData } from '../../src/dataset/read';
import type { Evidence } from '../../src/dataset/schema';

const DATASET = 'belgorod';

type Col = { name: string; type?: string };
type Row = Record<string, unknown>;

function cell(v: unknown, type?: string): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.length ? quoteCsv(v.map(String).join(';')) : '';
  if (type?.startsWith('point')) {
    const p = v as { lat: number; lon: number };
    return quoteCsv(`{latitude:${p.lat}, longitude:${p.lon}}`);
  }
  if (typeof v === 'string') return quoteCsv(v);
  return String(v);
}
const quoteCsv = (s: string) => `"${s.replace(/"/g, '""')}"`;

class CsvFile {
  private readonly out: WriteStream;
  private buf: string[] = [];
  constructor(
    readonly path: string,
    private readonly cols: Col[],
  ) {
    this.out = createWriteStream(path);
    this.buf.push(cols.map((c) => (c.type ? `${c.name}:${c.type}` : c.name)).join(','));
  }
  async row(r: Row): Promise<void> {
    this.buf.push(this.cols.map((c) => cell(r[c.name], c.type)).join(','));
    if (this.buf.length >= 5_000) await this.flush();
  }
  private async flush(): Promise<void> {
    const chunk = `${this.buf.join('\n')}\n`;
    this.buf = [];
    if (!this.out.write(chunk)) await new Promise<void>((res) => this.out.once('drain', () => res()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((res, rej) => this.out.end((e?: Error | null) => (e ? rej(e) : res())));
  }
}

const PROV_COLS: Col[] = [
  { name: 'article' },
  { name: 'quote' },
  { name: 'start', type: 'long' },
  { name: 'end', type: 'long' },
  { name: 'evidence_articles', type: 'string[]' },
  { name: 'evidence_quotes', type: 'string[]' },
  { name: 'evidence_starts', type: 'long[]' },
  { name: 'evidence_ends', type: 'long[]' },
  { name: 'sources', type: 'long' },
  { name: 'outlets', type: 'long' },
];

function provenance(evidence: Evidence[], outletOf: Map<string, string>): Row {
  const first = evidence[0]!;
  const articles = evidence.map((e) => e.article);
  return {
    article: first.article,
    quote: first.quote,
    start: first.start,
    end: first.end,
    evidence_articles: articles,
    evidence_quotes: evidence.map((e) => e.quote),
    evidence_starts: evidence.map((e) => e.start),
    evidence_ends: evidence.map((e) => e.end),
    sources: new Set(articles).size,
    outlets: new Set(articles.map((a) => outletOf.get(a) ?? a)).size,
  };
}

/** Files written and the matching `--nodes=` / `--relationships=` arguments. */
export interface ImportCsv {
  args: string[];
  bytes: number;
}

/** Writes the CSV files into `dir`. Cost: a few seconds per million relationships. */
export async function writeImportCsv(d: SeedData, dir: string): Promise<ImportCsv> {
  mkdirSync(dir, { recursive: true });
  const outletOf = new Map(d.articles.map((a) => [a.id, a.outlet]));
  const nameOf = new Map(d.entities.map((e) => [e.data.id, e.data.name]));

  const articles = new CsvFile(join(dir, 'articles.csv'), [
    { name: 'id', type: 'ID' },
    { name: 'title' },
    { name: 'file' },
    { name: 'outlet' },
    { name: 'outlet_id' },
    { name: 'outlet_inferred', type: 'boolean' },
    { name: 'authors', type: 'string[]' },
    { name: 'author_ids', type: 'string[]' },
    { name: 'published', type: 'date' },
    { name: 'published_basis' },
    { name: 'sha256' },
    { name: 'length', type: 'long' },
    { name: 'dataset' },
  ]);
  for (const a of d.articles) {
    await articles.row({
      ...a,
      outlet: nameOf.get(a.outlet) ?? a.outlet,
      outlet_id: a.outlet,
      authors: a.authors.map((p) => nameOf.get(p) ?? p),
      author_ids: a.authors,
      dataset: DATASET,
    });
  }
  await articles.close();

  const entities = new CsvFile(join(dir, 'entities.csv'), [
    { name: 'id', type: 'ID' },
    { name: ':LABEL' },
    { name: 'name' },
    { name: 'aliases', type: 'string[]' },
    { name: 'description' },
    { name: 'kind' },
    { name: 'role' },
    { name: 'date', type: 'date' },
    { name: 'date_from', type: 'date' },
    { name: 'date_to', type: 'date' },
    { name: 'date_basis' },
    { name: 'killed', type: 'long' },
    { name: 'injured', type: 'long' },
    { name: 'location', type: 'point{crs:WGS-84}' },
    { name: 'location_source' },
    { name: 'dataset' },
  ]);
  for (const e of d.entities) await entities.row({ ...e.data, ':LABEL': `Entity;${e.label}`, dataset: DATASET });
  await entities.close();

  const claims = new CsvFile(join(dir, 'claims.csv'), [
    { name: 'id', type: 'ID' },
    { name: 'claimant' },
    { name: 'statement' },
    { name: 'stance' },
    { name: 'status' },
    { name: 'date', type: 'date' },
    { name: 'date_basis' },
    ...PROV_COLS,
    { name: 'dataset' },
  ]);
  for (const c of d.claims) await claims.row({ ...c, ...provenance([c.evidence], outletOf), dataset: DATASET });
  await claims.close();

  const rels = new CsvFile(join(dir, 'relationships.csv'), [
    { name: ':START_ID' },
    { name: ':END_ID' },
    { name: ':TYPE' },
    ...PROV_COLS,
    { name: 'count', type: 'long' },
    { name: 'first_offset', type: 'long' },
    { name: 'inferred', type: 'boolean' },
    { name: 'title' },
    { name: 'distance_miles', type: 'long' },
    { name: 'according_to' },
    { name: 'basis' },
    { name: 'relation' },
  ]);
  const claimById = new Map(d.claims.map((c) => [c.id, c]));
  for (const c of d.claims) {
    const prov = provenance([c.evidence], outletOf);
    await rels.row({ ':START_ID': c.claimant, ':END_ID': c.id, ':TYPE': 'MADE', ...prov });
    await rels.row({ ':START_ID': c.evidence.article, ':END_ID': c.id, ':TYPE': 'REPORTS', ...prov });
    for (const e of c.about) await rels.row({ ':START_ID': c.id, ':END_ID': e, ':TYPE': 'ABOUT', ...prov });
  }
  const pairs = new Set<string>();
  for (const c of d.claims) {
    for (const other of c.contradicts) {
      const key = [c.id, other].sort().join('|');
      if (pairs.has(key)) continue;
      pairs.add(key);
      await rels.row({
        ':START_ID': c.id,
        ':END_ID': other,
        ':TYPE': 'CONTRADICTS',
        ...provenance([c.evidence, claimById.get(other)!.evidence], outletOf),
      });
    }
  }
  for (const r of d.relationships)
    await rels.row({
      ':START_ID': r.from,
      ':END_ID': r.to,
      ':TYPE': r.type,
      ...r.properties,
      ...provenance(r.evidence, outletOf),
    });
  for (const m of d.mentions) {
    await rels.row({
      ':START_ID': m.article,
      ':END_ID': m.entity,
      ':TYPE': 'MENTIONS',
      count: m.count,
      first_offset: m.first_offset,
      article: m.article,
      quote: m.quote,
      start: m.first_offset,
      end: m.first_offset + m.quote.length,
    });
  }
  await rels.close();

  const files = [articles, entities, claims, rels].map((f) => f.path);
  return {
    args: [
      `--nodes=Article=${files[0]}`,
      `--nodes=${files[1]}`,
      `--nodes=Claim=${files[2]}`,
      `--relationships=${files[3]}`,
    ],
    bytes: files.reduce((s, f) => s + statSync(f).size, 0),
  };
}
