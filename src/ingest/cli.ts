import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CoreNlpError } from '../runtime/corenlp/errors';
import { stopSharedCoreNlp } from '../runtime/corenlp/server';
import { loadEnv } from '../runtime/config';
import { SEED_DATA_DIR } from '../runtime/paths';
import { extractWithText, nameFinderFor } from './article';
import { batchProblems, type Batch } from './batch';
import { buildGazetteer } from './extract/gazetteer';
import type { NameFinder } from './extract/types';
import { gazetteerFromSeed } from './gazetteer-seed';
import type { Judgement } from './link/judgements';
import { RUN_SCHEMA, RunSchema, type Run } from './run';
import { ArticleStore, articleKey, writeAtomic } from './store';
import { IngestInputError } from './text/errors';
import type { FoundMeta } from './text/metadata';
import { normaliseInput } from './text/normalise';
import { formatOfName, readInputFile } from './text/validate';

export interface IngestOptions {
  inputs: string[];
  extractor: 'corenlp' | 'js';
  /** Folder for run records and batches; default <ingest dir>/batches. */
  out?: string;
  /** Where texts are stored; default NEWSGRAPH_INGEST_DIR. */
  storeDir?: string;
  meta?: FoundMeta;
  /** A seed-format data folder for the gazetteer (default seed/data); null = none. */
  gazetteerDir?: string | null;
  judgements?: Judgement[];
  /** Resume this run record instead of starting a new one. */
  resume?: string;
  /** A name finder to use instead of the named extractor (tests). */
  finder?: NameFinder;
  log?: (line: string) => void;
}

export interface IngestResult {
  runFile: string;
  run: Run;
  /** 0 all done, 1 something failed (the run record says what and can be resumed). */
  exitCode: number;
}

/** Files to ingest from the arguments: files as given, folders' .txt/.md/.html files (sorted, not recursive). */
export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    const p = resolve(a);
    if (existsSync(p) && statSync(p).isDirectory()) {
      out.push(
        ...readdirSync(p)
          .filter((f) => formatOfName(f))
          .sort()
          .map((f) => join(p, f)),
      );
    } else out.push(p);
  }
  return out;
}

/**
 * Ingests files: validates each, extracts a batch, stores the normalised text (by sha256, so the
 * same text twice is recognised and not stored again) and writes the batch as JSON. The run
 * record is rewritten after every input; when extraction fails (CoreNLP dying mid-run, a bad
 * file) the failed input is marked with its error, nothing of it is stored, and the remaining
 * inputs stay pending for `--resume`. Cost: one extraction per new text (CoreNLP: ~1 s warm).
 */
export async function runIngest(opts: IngestOptions): Promise<IngestResult> {
  const env = loadEnv();
  const log = opts.log ?? ((l: string) => console.log(l));
  const store = new ArticleStore(opts.storeDir ?? env.NEWSGRAPH_INGEST_DIR);
  const outDir = resolve(opts.out ?? join(store.root, 'batches'));
  mkdirSync(outDir, { recursive: true });
  let run: Run;
  let runFile: string;
  if (opts.resume) {
    runFile = resolve(opts.resume);
    run = RunSchema.parse(JSON.parse(readFileSync(runFile, 'utf8')));
    log(
      `ingest: resuming ${runFile}: ${run.inputs.filter((i) => i.status === 'pending' || i.status === 'failed').length} input(s) to go`,
    );
  } else {
    const now = new Date().toISOString();
    const id = now.replace(/[:.]/g, '-');
    runFile = join(outDir, `run-${id}.json`);
    run = {
      schema: RUN_SCHEMA,
      id,
      startedAt: now,
      updatedAt: now,
      extractor: opts.extractor,
      meta: { ...(opts.meta as Record<string, string>) },
      inputs: expandInputs(opts.inputs).map((source) => ({ source, status: 'pending' })),
    };
  }
  const save = () => {
    run.updatedAt = new Date().toISOString();
    writeAtomic(runFile, `${JSON.stringify(run, null, 2)}\n`);
  };
  save();
  const gazetteerDir = opts.gazetteerDir === undefined ? SEED_DATA_DIR : opts.gazetteerDir;
  const gazetteer = buildGazetteer(gazetteerDir ? gazetteerFromSeed(gazetteerDir) : []);
  const finder =
    opts.finder ??
    nameFinderFor(run.extractor, {
      heap: env.NEWSGRAPH_CORENLP_HEAP,
      port: env.NEWSGRAPH_CORENLP_PORT,
      javaHome: env.JAVA_HOME,
    });
  let exitCode = 0;
  for (const input of run.inputs) {
    if (input.status === 'done' || input.status === 'duplicate') continue;
    try {
      const { text: raw, format } = readInputFile(input.source);
      // Same text twice: recognised from the normalised text's hash before any extraction.
      const sha256 = normaliseInput(raw, format, { what: input.source }).sha256;
      input.sha256 = sha256;
      const seen = store.find(sha256);
      if (seen) {
        Object.assign(input, { status: 'duplicate', duplicateOf: seen.file, error: undefined });
        log(
          `ingest: ${input.source}: the same text was already ingested on ${seen.ingestedAt.slice(0, 10)} (from ${seen.source}, stored as ${seen.file}); not stored again`,
        );
        save();
        continue;
      }
      const { batch, text } = await extractWithText(
        { raw, format, source: input.source, meta: run.meta as FoundMeta },
        { extractor: finder, gazetteer, judgements: opts.judgements },
      );
      const problems = batchProblems(batch, text);
      if (problems.length)
        throw new Error(`internal: the batch does not match its text: ${problems.slice(0, 3).join('; ')}`);
      const batchName = `${articleKey(batch.article.sha256)}.batch.json`;
      const stored = store.put(text, {
        sha256: batch.article.sha256,
        length: batch.article.length,
        source: input.source,
        title: batch.article.title,
        batch: join(outDir, batchName),
      });
      batch.article.file = stored.file;
      writeAtomic(join(outDir, batchName), `${JSON.stringify(batch, null, 2)}\n`);
      Object.assign(input, { status: 'done', batch: batchName, candidates: batch.candidates.length, error: undefined });
      log(
        `ingest: ${relative(process.cwd(), input.source) || input.source}: ${summary(batch)} → ${join(outDir, batchName)}`,
      );
    } catch (e) {
      const code = e instanceof IngestInputError || e instanceof CoreNlpError ? e.code : 'FAILED';
      Object.assign(input, { status: 'failed', error: { code, message: (e as Error).message } });
      save();
      log(`ingest: ${input.source}: ${(e as Error).message}`);
      exitCode = 1;
      // A dead name finder fails every remaining input the same way: stop and leave them pending.
      if (e instanceof CoreNlpError) {
        const left = run.inputs.filter((i) => i.status === 'pending').length;
        log(
          `ingest: stopped; ${run.inputs.filter((i) => i.status === 'done').length} done, ${left} pending. Resume with: npm run ingest -- --resume ${runFile}`,
        );
        break;
      }
      continue;
    }
    save();
  }
  save();
  return { runFile, run, exitCode };
}

function summary(b: Batch): string {
  const n = (k: string) => b.candidates.filter((c) => c.kind === k).length;
  const auto = b.candidates.filter((c) => c.kind === 'link' && c.decision === 'auto').length;
  const missing = b.article.missing.filter((m) => m === 'published' || m === 'title');
  return (
    `${n('entity')} entities (${auto} auto-linked), ${n('claim')} claims, ${n('relationship')} relationships, ${n('event')} events, ${n('date')} dates` +
    (missing.length ? `; missing ${missing.join(', ')} (give --${missing[0]})` : '')
  );
}

const USAGE = `usage: npm run ingest -- FILE|DIR… [--extractor js|corenlp] [--out DIR] [--published YYYY-MM-DD] [--title T] [--outlet O] [--byline B] [--url U]
                     [--gazetteer DIR | --no-gazetteer] [--judgements FILE] | --resume RUN.json`;

/** The command line: parses arguments, runs the ingest, stops CoreNLP; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const env = loadEnv();
  const inputs: string[] = [];
  const meta: FoundMeta = {};
  const o: Partial<IngestOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new IngestInputError('UNSUPPORTED', `${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--extractor') {
      const v = val();
      if (v !== 'js' && v !== 'corenlp')
        throw new IngestInputError('UNSUPPORTED', `--extractor must be js or corenlp\n${USAGE}`);
      o.extractor = v;
    } else if (a === '--out') o.out = val();
    else if (a === '--resume') o.resume = val();
    else if (a === '--gazetteer') o.gazetteerDir = val();
    else if (a === '--no-gazetteer') o.gazetteerDir = null;
    else if (a === '--judgements') o.judgements = JSON.parse(readFileSync(val(), 'utf8')) as Judgement[];
    else if (a === '--published') {
      const v = val();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
        throw new IngestInputError('UNSUPPORTED', '--published must be a date YYYY-MM-DD');
      meta.published = v;
    } else if (['--title', '--outlet', '--byline', '--url'].includes(a)) meta[a.slice(2) as 'title'] = val();
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('--')) throw new IngestInputError('UNSUPPORTED', `unknown option ${a}\n${USAGE}`);
    else inputs.push(a);
  }
  if (!inputs.length && !o.resume) {
    console.error(USAGE);
    return 2;
  }
  try {
    const r = await runIngest({ ...o, inputs, meta, extractor: o.extractor ?? env.NEWSGRAPH_EXTRACTOR });
    const done = r.run.inputs.filter((i) => i.status === 'done').length;
    const dup = r.run.inputs.filter((i) => i.status === 'duplicate').length;
    const failed = r.run.inputs.filter((i) => i.status === 'failed').length;
    console.log(`ingest: ${done} done, ${dup} already ingested, ${failed} failed; run record ${r.runFile}`);
    return r.exitCode;
  } finally {
    await stopSharedCoreNlp();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof IngestInputError || e instanceof CoreNlpError ? `ingest: ${e.message}` : e);
      process.exit(1);
    },
  );
}
