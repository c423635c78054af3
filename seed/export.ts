/**
 * `npm run dataset:export -- [--dataset NAME] --out DIR`
 * Writes one dataset of the graph (default: the seeded one, with whatever reviewers accepted into
 * it) as seed YAML files in DIR, so it can be kept in git and loaded with `npm run seed -- --data DIR`.
 * Uses NEO4J_URI or the managed Neo4j.
 */
import { resolve } from 'node:path';
import { DATASET } from '../src/dataset/index';
import { writeDatasetExport } from '../src/dataset/export';
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
    const counts = await writeDatasetExport(driver, target.database, {
      dataset,
      outDir: resolve(out),
      vocabularyDir: SEED_DATA_DIR,
    });
    console.log(`dataset:export: "${dataset}" written to ${resolve(out)}`);
    for (const [file, n] of Object.entries(counts)) console.log(`  ${file.padEnd(20)} ${n}`);
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
