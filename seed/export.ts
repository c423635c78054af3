/**
 * `npm run dataset:export -- [--dataset NAME] --out DIR`
 * Writes one dataset of the graph (default: the seeded one, with whatever reviewers accepted into
 * it) as seed YAML files in DIR, with the articles' texts in DIR/articles (from ARTICLES_DIR and
 * the ingest text folders), so it can be kept and loaded with
 * `npm run seed -- --data DIR --articles DIR/articles` (quotes verified). Uses NEO4J_URI or the managed Neo4j.
 */
import { join, resolve } from 'node:path';
import { DATASET } from '../src/dataset/index';
import { EXPORT_TEXTS, writeDatasetExport } from '../src/dataset/export';
import { ingestTextDir } from '../src/ingest/store';
import { ConfigError, loadEnv } from '../src/runtime/config';
import { createDriver, resolveTarget } from '../src/runtime/connection';
import { ManagedNeo4jError } from '../src/runtime/managed/errors';
import { SEED_DATA_DIR } from '../src/runtime/paths';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const out = arg('--out');
  if (!out) {
    console.error('dataset:export: say where to write, e.g. npm run dataset:export -- --out ./my-dataset');
    return 2;
  }
  const env = loadEnv();
  const target = await resolveTarget(env, (l) => console.log(l));
  const driver = createDriver(target);
  try {
    const dataset = arg('--dataset') ?? DATASET;
    const textDirs = [...new Set([env.ARTICLES_DIR, ingestTextDir(env), join(env.NEWSGRAPH_INGEST_DIR, 'articles')])];
    const r = await writeDatasetExport(driver, target.database, {
      dataset,
      outDir: resolve(out),
      vocabularyDir: SEED_DATA_DIR,
      textDirs,
    });
    console.log(`dataset:export: "${dataset}" written to ${resolve(out)}`);
    for (const [file, n] of Object.entries(r.counts)) console.log(`  ${file.padEnd(20)} ${n}`);
    console.log(`  ${`${EXPORT_TEXTS}/`.padEnd(20)} ${r.copied.length} texts`);
    for (const m of r.missing) console.log(`  text missing: ${m}`);
    if (r.missing.length)
      console.log('dataset:export: some texts are missing; seeding the export with --articles will report them.');
    return 0;
  } finally {
    await driver.close();
    if (target.managed?.owned) await target.managed.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ManagedNeo4jError || e instanceof ConfigError) console.error(e.message);
    else console.error(e);
    process.exit(1);
  },
);
