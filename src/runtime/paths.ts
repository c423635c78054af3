import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file holding package.json. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('newsgraph: cannot find the project root (package.json)');
    dir = up;
  }
}

export const ROOT = findRoot();
export const NEO4J_POM = join(ROOT, 'neo4j', 'pom.xml');
/** Git-ignored home of the managed Neo4j: jars in lib/, the default instance in instance/. */
export const NEO4J_DIR = join(ROOT, '.neo4j');
export const NEO4J_LIB = join(NEO4J_DIR, 'lib');
export const DEFAULT_INSTANCE = join(NEO4J_DIR, 'instance');
export const DIST_DIR = join(ROOT, 'dist');
export const QUERIES_DIR = join(ROOT, 'cypher', 'queries');
/** Perspectives that ship with the repository (the news perspective of the seeded graph). */
export const PERSPECTIVES_DIR = join(ROOT, 'perspectives');
export const SCHEMA_CYPHER = join(ROOT, 'cypher', 'schema.cypher');
export const SEED_DATA_DIR = join(ROOT, 'seed', 'data');
export const DEFAULT_ARTICLES_DIR = resolve(ROOT, '..', 'shared', 'articles');
/** Git-ignored default home of the app's own data: its store (users, perspectives, staging, audit), ingested texts. */
export const DEFAULT_DATA_DIR = join(ROOT, '.data');
/** Git-ignored default home of ingested texts and extraction batches (NEWSGRAPH_INGEST_DIR). */
export const DEFAULT_INGEST_DIR = join(DEFAULT_DATA_DIR, 'ingest');
/** Git-ignored default home of backups (NEWSGRAPH_BACKUP_DIR): keep a copy on another disk too. */
export const DEFAULT_BACKUP_DIR = join(ROOT, '.backups');
