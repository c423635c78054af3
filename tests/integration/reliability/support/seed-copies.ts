import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { SEED_FILES } from '../../../../src/dataset/read';
import { SEED_DATA_DIR } from '../../../../src/runtime/paths';

export type Rec = Record<string, unknown>;
/** Parsed seed files (lists of records) that a case may edit in place. */
export type SeedFiles = Record<string, Rec[]>;

/**
 * Scratch copies of seed/data. Each copy is the real data parsed and written back (so the broken
 * files follow the curated data as it grows), with one edit applied to the parsed records or to
 * the raw text. Cost: a few ms per copy.
 */
export class SeedCopies {
  readonly root = mkdtempSync(join(tmpdir(), 'newsgraph-badseed-'));
  private n = 0;
  private readonly pristine = readPristine();
  /** Re-serialise every file even when unedited (to prove the round trip itself is harmless). */
  reserialiseAll = false;

  /** A copy with `edit` applied to the parsed lists; files are re-serialised from the edited lists. */
  make(edit: (files: SeedFiles) => void, rawEdit?: (text: Record<string, string | null>) => void): string {
    const dir = join(this.root, `copy-${this.n++}`);
    cpSync(SEED_DATA_DIR, dir, { recursive: true });
    const files = structuredClone(this.pristine.lists);
    edit(files);
    const text: Record<string, string | null> = {};
    // Only edited files are re-serialised (YAML stringify is the slow part); the others keep
    // their curated text. The control case re-serialises everything once.
    for (const f of SEED_FILES)
      text[f] =
        this.reserialiseAll || JSON.stringify(files[f]) !== this.pristine.json[f]
          ? stringify(files[f], { lineWidth: 0 })
          : this.pristine.text[f]!;
    rawEdit?.(text);
    for (const f of SEED_FILES) {
      const t = text[f];
      if (t === null || t === undefined) rmSync(join(dir, f), { force: true });
      else writeFileSync(join(dir, f), t);
    }
    return dir;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function readPristine(): { lists: SeedFiles; json: Record<string, string>; text: Record<string, string> } {
  const lists: SeedFiles = {};
  const json: Record<string, string> = {};
  const text: Record<string, string> = {};
  for (const f of SEED_FILES) {
    text[f] = readFileSync(join(SEED_DATA_DIR, f), 'utf8');
    lists[f] = (parse(text[f]) as Rec[] | null) ?? [];
    json[f] = JSON.stringify(lists[f]);
  }
  return { lists, json, text };
}

/** The parsed, unedited seed lists (to choose which record a case breaks). */
export function seedLists(): SeedFiles {
  return readPristine().lists;
}

/** Index of the first record matching `pred`; throws when the data has none (the case would be void). */
export function indexWhere(list: Rec[], pred: (r: Rec) => boolean, what: string): number {
  const i = list.findIndex(pred);
  if (i < 0) throw new Error(`no record in the seed data fits this case: ${what}`);
  return i;
}
