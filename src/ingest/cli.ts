import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDriver, resolveTarget } from '../runtime/connection';
import { CoreNlpError } from '../runtime/corenlp/errors';
import { stopSharedCoreNlp } from '../runtime/corenlp/server';
import { loadEnv, type Env } from '../runtime/config';
import { SEED_DATA_DIR } from '../runtime/paths';
import { openAppStore } from '../runtime/store/app-store';
import { nameFinderFor } from './article';
import { buildGazetteer } from './extract/gazetteer';
import type { NameFinder } from './extract/types';
import { gazetteerFromSeed } from './gazetteer-seed';
import type { Judgement } from './link/judgements';
import { RUN_SCHEMA, type Run } from './run';
import { graphGazetteer, sameArticleInGraph, type ArticleProbe, type GraphDb } from './staging/graph';
import { batchSummary, duplicateOf, stageArticle, withGiven } from './staging/stage';
import { Staging } from './staging/store';
import { ingestTextDir, TextStore } from './store';
import { IngestInputError } from './text/errors';
import type { FoundMeta } from './text/metadata';
import { normaliseInput } from './text/normalise';
import { formatOfName, isWebAddress, readInputFile } from './text/validate';

export interface IngestOptions {
  inputs: string[];
  extractor: 'corenlp' | 'js';
  /** The staging store (default: the app store in NEWSGRAPH_DATA_DIR). */
  staging: Staging;
  /** Where texts are stored (default per NEWSGRAPH_INGEST_TEXTS). */
  textDir: string;
  meta?: FoundMeta;
  /**
   * The gazetteer: the live graph (default), a seed-format data folder, or none. With a graph, a
   * text already in it as an Article is recognised too.
   */
  gazetteer: { graph: GraphDb } | { dir: string } | null;
  /** Judgements to record before extracting (besides those already in the store). */
  judgements?: Judgement[];
  /** Resume this run (its id) instead of starting a new one. */
  resume?: string;
  /** A name finder to use instead of the named extractor (tests). */
  finder?: NameFinder;
  /** Who is staging (the user name in the staged batches). */
  actor?: string;
  corenlp?: { heap?: string; port?: number; javaHome?: string };
  log?: (line: string) => void;
}

export interface IngestResult {
  run: Run;
  /** 0 all done, 1 something failed (the run says what and can be resumed). */
  exitCode: number;
}

/** Files to ingest from the arguments: files as given, folders' .txt/.md/.html files (sorted, not recursive). */
export function expandInputs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    // A web address stays as given: reading it refuses it with a message (nothing is fetched).
    const p = isWebAddress(a) ? a : resolve(a);
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
 * Ingests files into the staging area: validates each, recognises texts staged or in the graph
 * already, extracts a batch, stores the normalised text and stages the batch for review. The
 * run is saved in the staging store after every input; when extraction fails (CoreNLP dying
 * mid-run, a bad file) the failed input is marked with its error, nothing of it is stored, and
 * the remaining inputs stay pending for `--resume RUN_ID`. Cost: one extraction per new text.
 */
export async function runIngest(opts: IngestOptions): Promise<IngestResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const { staging } = opts;
  const texts = new TextStore(opts.textDir);
  for (const j of opts.judgements ?? []) staging.addJudgement(j, opts.actor ?? 'local');
  let run: Run;
  if (opts.resume) {
    const found = staging.run(opts.resume);
    if (!found) throw new IngestInputError('NOT_FOUND', `no ingest run ${opts.resume} in the staging store`);
    run = found;
    const left = run.inputs.filter((i) => i.status === 'pending' || i.status === 'failed').length;
    log(`ingest: resuming run ${run.id}: ${left} input(s) to go`);
  } else {
    const now = new Date().toISOString();
    run = {
      schema: RUN_SCHEMA,
      id: `run-${now.replace(/[:.]/g, '-')}`,
      startedAt: now,
      updatedAt: now,
      extractor: opts.extractor,
      actor: opts.actor ?? 'local',
      meta: { ...(opts.meta as Record<string, string>) },
      inputs: expandInputs(opts.inputs).map((source) => ({ source, status: 'pending' })),
    };
  }
  staging.saveRun(run);
  const g = opts.gazetteer;
  const seedGz = g && 'dir' in g ? buildGazetteer(gazetteerFromSeed(g.dir)) : null;
  const gazetteer = async (text: string) =>
    g && 'graph' in g ? (await graphGazetteer(g.graph, text)).entries : (seedGz ?? []);
  const articleInGraph = g && 'graph' in g ? (p: ArticleProbe) => sameArticleInGraph(g.graph, p) : undefined;
  const finder = opts.finder ?? nameFinderFor(run.extractor, opts.corenlp);
  let exitCode = 0;
  for (const input of run.inputs) {
    if (input.status === 'done' || input.status === 'duplicate') continue;
    try {
      const { text: raw, format } = readInputFile(input.source);
      const normalised = normaliseInput(raw, format, { what: input.source });
      input.sha256 = normalised.sha256;
      const dup = await duplicateOf(
        { ...normalised, meta: withGiven(normalised.meta, run.meta as FoundMeta) },
        { staging, articleInGraph, texts },
      );
      if (dup) {
        Object.assign(input, { status: 'duplicate', duplicateOf: dup.id, error: undefined });
        log(`ingest: ${input.source}: ${dup.message}; not staged${dup.match === 'title' ? '' : ' again'}`);
        staging.saveRun(run);
        continue;
      }
      const { staged } = await stageArticle(
        { raw, format, source: input.source, meta: run.meta as FoundMeta },
        { staging, texts, finder, gazetteer, articleInGraph, actor: run.actor, runId: run.id },
      );
      Object.assign(input, {
        status: 'done',
        batch: staged.id,
        candidates: staged.batch.candidates.length,
        error: undefined,
      });
      log(
        `ingest: ${relative(process.cwd(), input.source) || input.source}: ${batchSummary(staged.batch)} → staged as ${staged.id}`,
      );
    } catch (e) {
      const code = e instanceof IngestInputError || e instanceof CoreNlpError ? e.code : 'FAILED';
      Object.assign(input, { status: 'failed', error: { code, message: (e as Error).message } });
      staging.saveRun(run);
      log(`ingest: ${input.source}: ${(e as Error).message}`);
      exitCode = 1;
      // A dead name finder fails every remaining input the same way: stop and leave them pending.
      if (e instanceof CoreNlpError) {
        const left = run.inputs.filter((i) => i.status === 'pending').length;
        log(
          `ingest: stopped; ${run.inputs.filter((i) => i.status === 'done').length} done, ${left} pending. Resume with: npm run ingest -- --resume ${run.id}`,
        );
        break;
      }
      continue;
    }
    staging.saveRun(run);
  }
  staging.saveRun(run);
  return { run, exitCode };
}

const USAGE = `usage: npm run ingest -- FILE|DIR… [--extractor js|corenlp] [--published YYYY-MM-DD] [--title T] [--outlet O] [--byline B] [--url U]
                     [--gazetteer DIR | --no-gazetteer] [--judgements FILE] | --resume RUN_ID
Stages each article for review in the explorer (Review); the gazetteer is the live graph unless given.`;

/** The command line: parses arguments, runs the ingest, stops CoreNLP (and a Neo4j it started); returns the exit code. */
export async function main(argv: string[], env: Env = loadEnv()): Promise<number> {
  const inputs: string[] = [];
  const meta: FoundMeta = {};
  let extractor: 'corenlp' | 'js' = env.NEWSGRAPH_EXTRACTOR;
  let gazetteer: 'graph' | string | null = 'graph';
  let resume: string | undefined;
  let judgements: Judgement[] | undefined;
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
      extractor = v;
    } else if (a === '--resume') resume = val();
    else if (a === '--gazetteer') gazetteer = resolve(val());
    else if (a === '--no-gazetteer') gazetteer = null;
    else if (a === '--judgements') judgements = JSON.parse(readFileSync(val(), 'utf8')) as Judgement[];
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
  if (!inputs.length && !resume) {
    console.error(USAGE);
    return 2;
  }
  const store = openAppStore(env.NEWSGRAPH_DATA_DIR);
  let graph: (GraphDb & { close(): Promise<void> }) | null = null;
  try {
    if (gazetteer === 'graph') graph = await connectGraph(env);
    const r = await runIngest({
      inputs,
      extractor,
      meta,
      resume,
      judgements,
      staging: new Staging(store),
      textDir: ingestTextDir(env),
      gazetteer: graph
        ? { graph }
        : gazetteer === 'graph'
          ? { dir: SEED_DATA_DIR }
          : gazetteer
            ? { dir: gazetteer }
            : null,
      corenlp: { heap: env.NEWSGRAPH_CORENLP_HEAP, port: env.NEWSGRAPH_CORENLP_PORT, javaHome: env.JAVA_HOME },
    });
    const count = (s: string) => r.run.inputs.filter((i) => i.status === s).length;
    console.log(
      `ingest: ${count('done')} staged, ${count('duplicate')} already ingested, ${count('failed')} failed (run ${r.run.id}); review them in the explorer (Review)`,
    );
    return r.exitCode;
  } finally {
    await stopSharedCoreNlp();
    await graph?.close();
    store.close();
  }
}

/** The live graph for the gazetteer (NEO4J_URI, or the managed Neo4j, started when needed); null with a warning when unreachable. */
async function connectGraph(env: Env): Promise<(GraphDb & { close(): Promise<void> }) | null> {
  try {
    const target = await resolveTarget(env, (l) => console.log(l));
    const driver = createDriver(target);
    await driver.verifyConnectivity({ database: target.database });
    return {
      driver,
      database: target.database,
      close: async () => {
        await driver.close();
        if (target.managed?.owned) await target.managed.stop();
      },
    };
  } catch (e) {
    console.warn(
      `ingest: the graph is not reachable (${(e as Error).message.split('\n')[0]}); using seed/data as the gazetteer`,
    );
    return null;
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
