// Verifies (and with --fix repairs) the seed data against the source articles.
//
//   npx tsx seed/tools/locate.ts                 # check only; exit code 1 on any error
//   npx tsx seed/tools/locate.ts --fix           # fill in / correct start, end, sha256, text_key, length
//   options: --articles DIR (default /work/shared/articles), --data DIR (default seed/data)
//
// Checks:
//  - articles.yaml: file exists, sha256 (hex of the bytes), text_key (src/dataset/text-key.ts) and length (UTF-16 units) match;
//  - every evidence quote (claims.yaml, relationships.yaml, entities' `reported`) sits verbatim at text.slice(start, end),
//    is non-empty and at most 30 words; mentions.yaml quotes sit at first_offset;
//  - ids are unique across all files; every referenced id exists and has an allowed label;
//  - relationship types are declared in vocabulary.yaml and respect its from/to labels;
//    every relationship has at least one evidence item; property values are scalars.
//
// --fix: for each evidence item whose offsets are missing or wrong, the quote is searched in its
// article (exactly, then with whitespace/quote-mark/dash normalisation, in which case the quote is
// replaced by the exact article text). An ambiguous quote keeps the occurrence nearest to the old
// `start` (or the first one) and is reported. Files are rewritten through the YAML document model,
// so comments and layout survive.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import {
  ENTITY_FILES,
  findAll,
  loadArticles,
  normalise,
  parseArgs,
  readYamlList,
  wordCount,
  type ArticleText,
  type EntityLabel,
  type Rec,
} from './lib.js';

const opts = parseArgs(process.argv.slice(2));
const errors: string[] = [];
const warnings: string[] = [];
const fixes: string[] = [];
const err = (m: string) => errors.push(m);
const warn = (m: string) => warnings.push(m);

const MAX_WORDS = 30;
type AnyLabel = EntityLabel | 'Article';

// ---------------------------------------------------------------- articles
let articles: Map<string, ArticleText>;
try {
  articles = loadArticles(opts.dataDir, opts.articlesDir);
} catch (e) {
  console.error(String(e));
  process.exit(1);
}

function openDoc(file: string): { path: string; doc: Document; changed: boolean } | null {
  const path = join(opts.dataDir, file);
  if (!existsSync(path)) return null;
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length) for (const e of doc.errors) err(`${file}: YAML error: ${e.message}`);
  return { path, doc, changed: false };
}

function items(doc: Document): YAMLMap[] {
  const c = doc.contents;
  if (!isSeq(c)) return [];
  return c.items.filter((n): n is YAMLMap => isMap(n));
}

const getNum = (m: YAMLMap, k: string): number | undefined => {
  const v = m.get(k);
  return typeof v === 'number' ? v : undefined;
};

const articlesFile = openDoc('articles.yaml');
if (articlesFile) {
  for (const m of items(articlesFile.doc)) {
    const id = String(m.get('id'));
    const a = articles.get(id);
    if (!a) continue;
    if (m.get('sha256') !== a.sha256) {
      if (opts.fix) {
        m.set('sha256', a.sha256);
        articlesFile.changed = true;
        fixes.push(`articles.yaml ${id}: sha256 set`);
      } else err(`articles.yaml ${id}: sha256 ${String(m.get('sha256'))} != ${a.sha256}`);
    }
    if (m.get('text_key') !== a.textKey) {
      if (opts.fix) {
        m.set('text_key', a.textKey);
        articlesFile.changed = true;
        fixes.push(`articles.yaml ${id}: text_key set`);
      } else err(`articles.yaml ${id}: text_key ${String(m.get('text_key'))} != ${a.textKey}`);
    }
    if (getNum(m, 'length') !== a.length) {
      if (opts.fix) {
        m.set('length', a.length);
        articlesFile.changed = true;
        fixes.push(`articles.yaml ${id}: length set to ${a.length}`);
      } else err(`articles.yaml ${id}: length ${String(m.get('length'))} != ${a.length}`);
    }
  }
}

// ---------------------------------------------------------------- id index
const labelOf = new Map<string, AnyLabel | 'Claim'>();
function index(id: unknown, label: AnyLabel | 'Claim', file: string) {
  const s = String(id);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s)) err(`${file}: id '${s}' is not lowercase kebab-case`);
  if (labelOf.has(s)) err(`${file}: duplicate id '${s}' (also a ${labelOf.get(s)})`);
  labelOf.set(s, label);
}
for (const a of readYamlList(opts.dataDir, 'articles.yaml')) index(a.id, 'Article', 'articles.yaml');
for (const [file, label] of Object.entries(ENTITY_FILES) as [string, EntityLabel][])
  for (const r of readYamlList(opts.dataDir, file)) {
    index(r.id, label, file);
    if (!r.name) err(`${file} ${String(r.id)}: missing name`);
    if (!Array.isArray(r.aliases)) err(`${file} ${String(r.id)}: aliases must be a list`);
    if (!r.description) err(`${file} ${String(r.id)}: missing description`);
  }
const claimsList = readYamlList(opts.dataDir, 'claims.yaml');
for (const c of claimsList) index(c.id, 'Claim', 'claims.yaml');

function ref(file: string, where: string, id: unknown, allowed: (AnyLabel | 'Claim')[]) {
  const l = labelOf.get(String(id));
  if (!l) err(`${file} ${where}: unknown id '${String(id)}'`);
  else if (!allowed.includes(l)) err(`${file} ${where}: '${String(id)}' is a ${l}, expected ${allowed.join('|')}`);
}

for (const a of readYamlList(opts.dataDir, 'articles.yaml')) {
  const w = String(a.id);
  if (a.outlet != null) ref('articles.yaml', w, a.outlet, ['Organization']);
  for (const p of (a.authors as unknown[]) ?? []) ref('articles.yaml', w, p, ['Person']);
}
for (const e of readYamlList(opts.dataDir, 'events.yaml'))
  if (e.casualties_reported_by != null)
    ref('events.yaml', String(e.id), e.casualties_reported_by, ['Person', 'Organization']);

const STATUSES = ['contested', 'unanswered', 'acknowledged', 'uncontested'];
for (const c of claimsList) {
  const w = String(c.id);
  ref('claims.yaml', w, c.claimant, ['Person', 'Organization']);
  const about = Array.isArray(c.about) ? c.about : [];
  if (!about.length) err(`claims.yaml ${w}: 'about' needs at least one event id`);
  for (const e of about) ref('claims.yaml', w, e, ['Event']);
  for (const k of (c.contradicts as unknown[]) ?? []) ref('claims.yaml', w, k, ['Claim']);
  if (!STATUSES.includes(String(c.status)))
    err(`claims.yaml ${w}: status '${String(c.status)}' not in ${STATUSES.join('|')}`);
  if (!c.statement) err(`claims.yaml ${w}: missing statement`);
}

// ---------------------------------------------------------------- vocabulary
const vocab = new Map<string, { from: string[]; to: string[] }>();
for (const v of readYamlList(opts.dataDir, 'vocabulary.yaml')) {
  const t = String(v.type);
  if (!/^[A-Z][A-Z0-9_]*$/.test(t)) err(`vocabulary.yaml: type '${t}' is not UPPER_SNAKE`);
  if (vocab.has(t)) err(`vocabulary.yaml: duplicate type ${t}`);
  if (!v.meaning) err(`vocabulary.yaml ${t}: missing meaning`);
  vocab.set(t, { from: (v.from as string[]) ?? [], to: (v.to as string[]) ?? [] });
}
const RESERVED = ['MADE', 'ABOUT', 'REPORTS', 'CONTRADICTS', 'MENTIONS'];
for (const t of RESERVED)
  if (vocab.has(t)) err(`vocabulary.yaml: ${t} is created by the loader and must not be declared`);

const relList = readYamlList(opts.dataDir, 'relationships.yaml');
const usedTypes = new Set<string>();
const relKeys = new Set<string>();
relList.forEach((r, i) => {
  const t = String(r.type);
  const w = `#${i} ${t} ${String(r.from)}->${String(r.to)}`;
  usedTypes.add(t);
  const v = vocab.get(t);
  if (!v) err(`relationships.yaml ${w}: type not in vocabulary.yaml`);
  else {
    ref('relationships.yaml', w, r.from, v.from as AnyLabel[]);
    ref('relationships.yaml', w, r.to, v.to as AnyLabel[]);
  }
  const key = `${t}|${String(r.from)}|${String(r.to)}`;
  if (relKeys.has(key)) warn(`relationships.yaml ${w}: duplicate (type, from, to); merge the evidence`);
  relKeys.add(key);
  if (r.properties != null) {
    if (typeof r.properties !== 'object' || Array.isArray(r.properties))
      err(`relationships.yaml ${w}: properties must be a map`);
    else
      for (const [k, val] of Object.entries(r.properties as Rec))
        if (val !== null && typeof val === 'object') err(`relationships.yaml ${w}: property ${k} is not a scalar`);
  }
  const ev = r.evidence;
  const n = Array.isArray(ev) ? ev.length : ev && typeof ev === 'object' ? 1 : 0;
  if (n < 1) err(`relationships.yaml ${w}: needs at least one evidence item`);
});
for (const t of vocab.keys()) if (!usedTypes.has(t)) warn(`vocabulary.yaml: type ${t} is declared but unused`);

// ---------------------------------------------------------------- evidence quotes
let evidenceCount = 0;

function checkEvidence(file: string, where: string, m: YAMLMap): boolean {
  evidenceCount++;
  let changed = false;
  const art = String(m.get('article'));
  const a = articles.get(art);
  let quote = m.get('quote');
  if (!a) {
    err(`${file} ${where}: evidence article '${art}' not in articles.yaml`);
    return false;
  }
  if (typeof quote !== 'string' || !quote.trim()) {
    err(`${file} ${where}: evidence quote missing`);
    return false;
  }
  const wc = wordCount(quote);
  if (wc > MAX_WORDS) err(`${file} ${where}: quote has ${wc} words (max ${MAX_WORDS}): "${quote.slice(0, 60)}…"`);
  const start = getNum(m, 'start');
  const end = getNum(m, 'end');
  const ok =
    start !== undefined && end !== undefined && a.text.slice(start, end) === quote && end - start === quote.length;
  if (ok) return false;
  if (!opts.fix) {
    const at = start !== undefined && end !== undefined ? JSON.stringify(a.text.slice(start, end)) : '(no offsets)';
    const hits = findAll(a.text, quote);
    const hint = hits.length ? ` (found at ${hits.join(', ')})` : ' (not found verbatim)';
    err(`${file} ${where}: quote ${JSON.stringify(quote)} != text[${start}:${end}] ${at}${hint}`);
    return false;
  }
  // --fix: search
  let hits = findAll(a.text, quote);
  if (!hits.length) {
    const nq = normalise(quote);
    const hs = findAll(normalise(a.text), nq);
    if (hs.length) {
      const exact = a.text.slice(hs[0]!, hs[0]! + quote.length);
      fixes.push(`${file} ${where}: quote normalised to article text ${JSON.stringify(exact)}`);
      quote = exact;
      m.set('quote', exact);
      changed = true;
      hits = findAll(a.text, exact);
    }
  }
  if (!hits.length) {
    err(`${file} ${where}: quote not found in ${art}: ${JSON.stringify(quote)}`);
    return changed;
  }
  let pick = hits[0]!;
  if (hits.length > 1) {
    if (start !== undefined) pick = hits.reduce((b, h) => (Math.abs(h - start) < Math.abs(b - start) ? h : b), pick);
    warn(
      `${file} ${where}: quote occurs ${hits.length}x in ${art}; using offset ${pick} — lengthen it if that is wrong`,
    );
  }
  const q = quote as string;
  if (start !== pick || end !== pick + q.length) {
    m.set('start', pick);
    m.set('end', pick + q.length);
    fixes.push(`${file} ${where}: offsets set to ${pick}-${pick + q.length}`);
    changed = true;
  }
  return changed;
}

function evidenceNodes(m: YAMLMap): YAMLMap[] {
  const ev = m.get('evidence', true);
  if (isMap(ev)) return [ev];
  if (isSeq(ev)) return ev.items.filter((n): n is YAMLMap => isMap(n));
  return [];
}

for (const file of ['claims.yaml', 'relationships.yaml']) {
  const f = openDoc(file);
  if (!f) {
    warn(`${file}: missing`);
    continue;
  }
  items(f.doc).forEach((m, i) => {
    const where =
      file === 'claims.yaml'
        ? String(m.get('id'))
        : `#${i} ${String(m.get('type'))} ${String(m.get('from'))}->${String(m.get('to'))}`;
    const evs = evidenceNodes(m);
    if (file === 'claims.yaml' && !evs.length) err(`${file} ${where}: missing evidence`);
    evs.forEach((e, j) => {
      if (checkEvidence(file, evs.length > 1 ? `${where} [${j}]` : where, e)) f.changed = true;
    });
  });
  if (f.changed) writeFileSync(f.path, f.doc.toString({ lineWidth: 0 }));
}
// Per-value sources on entities: `reported: [{property, value, evidence}]`.
for (const file of Object.keys(ENTITY_FILES)) {
  const f = openDoc(file);
  if (!f) continue;
  items(f.doc).forEach((m) => {
    const rep = m.get('reported', true);
    if (!isSeq(rep)) return;
    rep.items.forEach((r, j) => {
      if (!isMap(r)) return;
      const where = `${String(m.get('id'))} reported[${j}] ${String(r.get('property'))}`;
      for (const e of evidenceNodes(r)) if (checkEvidence(file, where, e)) f.changed = true;
    });
  });
  if (f.changed) writeFileSync(f.path, f.doc.toString({ lineWidth: 0 }));
}
if (articlesFile?.changed) writeFileSync(articlesFile.path, articlesFile.doc.toString({ lineWidth: 0 }));

// ---------------------------------------------------------------- mentions
let mentionCount = 0;
for (const mm of readYamlList(opts.dataDir, 'mentions.yaml')) {
  mentionCount++;
  const w = `${String(mm.article)}/${String(mm.entity)}`;
  const a = articles.get(String(mm.article));
  if (!a) {
    err(`mentions.yaml ${w}: unknown article`);
    continue;
  }
  ref('mentions.yaml', w, mm.entity, ['Person', 'Organization', 'Place', 'Event', 'Weapon']);
  const q = String(mm.quote ?? '');
  const off = typeof mm.first_offset === 'number' ? mm.first_offset : -1;
  if (!q || a.text.slice(off, off + q.length) !== q)
    err(`mentions.yaml ${w}: quote ${JSON.stringify(q)} not at first_offset ${off}`);
  if (!(typeof mm.count === 'number' && mm.count >= 1)) err(`mentions.yaml ${w}: count must be >= 1`);
}

// ---------------------------------------------------------------- report
for (const f of fixes) console.log(`fixed: ${f}`);
for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`ERROR: ${e}`);
const count = (f: string) => readYamlList(opts.dataDir, f).length;
console.log(
  `\nchecked ${articles.size} articles, ${Object.keys(ENTITY_FILES)
    .map((f) => `${count(f)} ${f.replace('.yaml', '')}`)
    .join(', ')}, ${claimsList.length} claims, ${relList.length} relationships (${usedTypes.size} types), ` +
    `${evidenceCount} evidence quotes, ${mentionCount} mentions`,
);
console.log(`${errors.length} error(s), ${warnings.length} warning(s)${opts.fix ? `, ${fixes.length} fix(es)` : ''}`);
if (errors.length) process.exit(1);
