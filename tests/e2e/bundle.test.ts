/**
 * What ships to the browser: the production build carries no test hooks and no zod (the web
 * client takes only types and the zod-free route table from src/shared); the build made for the
 * end-to-end tests does carry the hooks (so the check above can fail).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../src/server/cli/ensure-build';
import { buildForTests } from './support/app';

const HOOK = '__newsgraph';
const ZOD = /\$ZodType|ZodError/;

const prodDir = mkdtempSync(join(tmpdir(), 'newsgraph-bundle-'));
afterAll(() => rmSync(prodDir, { recursive: true, force: true }));

/** Every emitted script and source map of a build, as text. */
function scripts(dir: string): string {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => /\.(js|map)$/.test(f))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

describe('the built front end', () => {
  it('production: no test hook, no zod', async () => {
    await ensureBuild({ outDir: prodDir, force: true, log: () => {} });
    const text = scripts(prodDir);
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).not.toContain(HOOK);
    expect(text).not.toMatch(ZOD);
  }, 300_000);

  it('the build for end-to-end tests carries the hook', async () => {
    const text = scripts(await buildForTests());
    expect(text).toContain(HOOK);
    expect(text).not.toMatch(ZOD);
  }, 300_000);
});
