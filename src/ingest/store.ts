import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../runtime/config';

/**
 * Where ingested article texts live: `<sha256 prefix>.txt`, the normalised text every offset of
 * a batch refers to, in the folder the configuration names (NEWSGRAPH_INGEST_TEXTS: the ingest
 * dir's `articles/`, or ARTICLES_DIR beside the user's other articles) — never the repository's
 * tracked files. What a text is (its source, batch, review) is recorded in the staging store.
 */

/** Writes a file atomically (temporary file, then rename): readers never see half a file. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export const articleKey = (sha256: string) => sha256.slice(0, 16);

/** The folder ingested texts are written to under this configuration. */
export function ingestTextDir(env: Pick<Env, 'NEWSGRAPH_INGEST_TEXTS' | 'ARTICLES_DIR' | 'NEWSGRAPH_INGEST_DIR'>) {
  return env.NEWSGRAPH_INGEST_TEXTS === 'articles' ? env.ARTICLES_DIR : join(env.NEWSGRAPH_INGEST_DIR, 'articles');
}

export class TextStore {
  constructor(readonly dir: string) {}

  fileOf(sha256: string): string {
    return `${articleKey(sha256)}.txt`;
  }

  /** Whether the text with this hash is stored intact. Cost: one file read when present. */
  has(sha256: string): boolean {
    return this.read(sha256) !== null;
  }

  /**
   * Stores the text (atomically) unless an identical one is there. Returns the file name and
   * whether it was written now (so a caller that fails afterwards can take it back).
   */
  put(text: string, sha256: string): { file: string; written: boolean } {
    const file = this.fileOf(sha256);
    if (this.has(sha256)) return { file, written: false };
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, file), text);
    return { file, written: true };
  }

  /** Removes a text written by a step that then failed. */
  remove(sha256: string): void {
    rmSync(join(this.dir, this.fileOf(sha256)), { force: true });
  }

  /** The stored text when present and unchanged (its sha256 matches), else null. */
  read(sha256: string): string | null {
    const path = join(this.dir, this.fileOf(sha256));
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes.toString('utf8') : null;
  }
}
