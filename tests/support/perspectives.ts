/** The repository's perspectives, validated, for unit tests of what depends on the active one. */
import { afterAll, beforeAll } from 'vitest';
import { PERSPECTIVES_DIR } from '../../src/runtime/paths';
import type { Perspective } from '../../src/shared/api/perspectives';
import { readPerspectiveFiles } from '../../src/server/resources/perspectives/file';
import { setActivePerspective } from '../../src/web/core/perspective/active';

/** The news perspective (perspectives/news.json), parsed by its schema. */
export function newsPerspective(): Perspective {
  const f = readPerspectiveFiles(PERSPECTIVES_DIR).find((x) => x.file === 'news.json');
  if (!f) throw new Error('perspectives/news.json is missing');
  return f.perspective;
}

/** Makes a perspective the page's active one for the tests of this file (the news one by default). */
export function withActivePerspective(p: () => Perspective = newsPerspective): void {
  beforeAll(() => setActivePerspective(p()));
  afterAll(() => setActivePerspective(null));
}
