import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerspectiveSchema, type Perspective } from '../../../shared/api/perspectives';

/** A perspective shipped with the repository (perspectives/*.json). */
export interface FilePerspective {
  file: string;
  perspective: Perspective;
}

/**
 * Reads and validates every perspectives/*.json (sorted by name). A file that does not validate
 * stops the server with the file and the first problems named: it is part of the code.
 * Cost: one small file read each, once at start.
 */
export function readPerspectiveFiles(dir: string): FilePerspective[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new Error(`perspectives/${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
    const r = PerspectiveSchema.safeParse(raw);
    if (!r.success)
      throw new Error(
        `perspectives/${file}: ${r.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
          .join('; ')}`,
      );
    if (!r.data.applies)
      throw new Error(`perspectives/${file}: needs "applies" (the labels of the databases it is for)`);
    return { file, perspective: r.data };
  });
}

/** The first file perspective whose `applies.labels` the database has (labels with nodes). */
export function filePerspectiveFor(
  files: readonly FilePerspective[],
  labels: ReadonlySet<string>,
): FilePerspective | null {
  return files.find((f) => f.perspective.applies!.labels.every((l) => labels.has(l))) ?? null;
}
