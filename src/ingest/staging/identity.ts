/**
 * An article's identity for "is this the same text again?": the sha256 of its text with trivial
 * differences taken out (Unicode NFC, every run of white space — line ends, no-break spaces, tabs,
 * double spaces — as one space, trimmed). The article's `sha256` stays the hash of the text exactly
 * as stored (its file name, its checksum in the seed and export, what every offset points into);
 * this key only decides duplicates (src/dataset/text-key.ts; graph Articles carry it as `text_key`).
 * It lives beside the staged batch in the app's own store, and
 * batches staged before it existed get theirs from their stored text on first need, so older
 * staging is recognised too.
 */
import { identityKey } from '../../dataset/text-key';
import type { AppStore } from '../../runtime/store/app-store';
import type { TextStore } from '../store';
import type { Staging } from './store';

export { identityKey, identityText } from '../../dataset/text-key';

const MIGRATIONS = [
  `CREATE TABLE ingest_text_keys (
     batch_id TEXT PRIMARY KEY REFERENCES ingest_batches(id),
     text_key TEXT NOT NULL UNIQUE
   );`,
];

/** The identity keys of staged batches. One indexed statement per call. */
export class TextKeys {
  constructor(readonly store: AppStore) {
    store.migrate('ingest-identity', MIGRATIONS);
  }

  private get db() {
    return this.store.db;
  }

  /** Records a new batch's key; throws SQLITE_CONSTRAINT_UNIQUE when another batch has it (a race). */
  add(batchId: string, key: string): void {
    this.db.prepare('INSERT INTO ingest_text_keys (batch_id, text_key) VALUES (?, ?)').run(batchId, key);
  }

  /** The staged batch with this key, if any. */
  batchWith(key: string): string | undefined {
    return this.db
      .prepare<[string], { batch_id: string }>('SELECT batch_id FROM ingest_text_keys WHERE text_key = ?')
      .get(key)?.batch_id;
  }

  remove(batchId: string): void {
    this.db.prepare('DELETE FROM ingest_text_keys WHERE batch_id = ?').run(batchId);
  }

  /**
   * Gives batches staged before keys existed their key, from their stored text (a batch whose text
   * is gone keeps none; two old batches of one text: the first keeps the key). Cost: one query, then
   * one file read per batch without a key — only once per batch.
   */
  backfill(texts: TextStore): void {
    const missing = this.db
      .prepare<[], { id: string; sha256: string }>(
        'SELECT b.id, b.sha256 FROM ingest_batches b LEFT JOIN ingest_text_keys k ON k.batch_id = b.id WHERE k.batch_id IS NULL ORDER BY b.created_at, b.id',
      )
      .all();
    const insert = this.db.prepare('INSERT OR IGNORE INTO ingest_text_keys (batch_id, text_key) VALUES (?, ?)');
    for (const b of missing) {
      const text = texts.read(b.sha256);
      if (text !== null) insert.run(b.id, identityKey(text));
    }
  }
}

const keysOf = new WeakMap<AppStore, TextKeys>();
/** The keys over a staging area's store (made once per store). */
export function textKeysOf(staging: Staging): TextKeys {
  let k = keysOf.get(staging.store);
  if (!k) keysOf.set(staging.store, (k = new TextKeys(staging.store)));
  return k;
}
