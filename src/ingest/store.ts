import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where ingested articles live (NEWSGRAPH_INGEST_DIR, never the repository's tracked files):
 * `articles/<sha256 prefix>.txt` is the normalised text every offset refers to, and
 * `articles/<sha256 prefix>.json` its record, written last so that a record means a complete text.
 */
export const StoredArticleSchema = z.object({
  sha256: z.string(),
  length: z.number(),
  file: z.string(),
  source: z.string(),
  title: z.string().optional(),
  ingestedAt: z.string(),
  batch: z.string().optional(),
});
export type StoredArticle = z.infer<typeof StoredArticleSchema>;

/** Writes a file atomically (temporary file, then rename): readers never see half a file. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export const articleKey = (sha256: string) => sha256.slice(0, 16);

export class ArticleStore {
  readonly articlesDir: string;
  constructor(readonly root: string) {
    this.articlesDir = join(root, 'articles');
  }

  /** The record of an already stored text with this hash, if any. Cost: one small file read. */
  find(sha256: string): StoredArticle | undefined {
    const rec = join(this.articlesDir, `${articleKey(sha256)}.json`);
    if (!existsSync(rec)) return undefined;
    const parsed = StoredArticleSchema.safeParse(JSON.parse(readFileSync(rec, 'utf8')));
    return parsed.success && parsed.data.sha256 === sha256 ? parsed.data : undefined;
  }

  /** Stores the text and then its record. The caller has checked `find` first. */
  put(text: string, rec: Omit<StoredArticle, 'file' | 'ingestedAt'>, now = new Date()): StoredArticle {
    mkdirSync(this.articlesDir, { recursive: true });
    const file = `${articleKey(rec.sha256)}.txt`;
    writeAtomic(join(this.articlesDir, file), text);
    const full: StoredArticle = { ...rec, file, ingestedAt: now.toISOString() };
    writeAtomic(join(this.articlesDir, `${articleKey(rec.sha256)}.json`), `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }

  text(sha256: string): string {
    return readFileSync(join(this.articlesDir, `${articleKey(sha256)}.txt`), 'utf8');
  }
}
