/**
 * Builds the explorer (vite build → dist/) when the build is missing or older than its sources,
 * so `npm install && npm start` on a fresh clone just works and a stale dist/ is never served.
 *
 * Freshness: dist/.build-stamp (written after a successful build) must be newer than every file
 * in src/web, src/shared, index.html, vite.config.ts and package-lock.json. Cost when fresh: one
 * directory walk (~a few ms); when stale: a Vite build (~10–20 s on two cores).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { withNodeEnv } from '../../runtime/config';
import { DIST_DIR, ROOT } from '../../runtime/paths';

const SOURCES = ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'];
const STAMP_FILE = '.build-stamp';
export const BUILD_STAMP = join(DIST_DIR, STAMP_FILE);
const CACHE = join(ROOT, 'node_modules', '.cache');
const LOCK_STALE_MS = 5 * 60_000;

/** Newest modification time (ms) under the given paths; 0 when none exist. */
export function newestSourceMtime(root: string = ROOT, paths: readonly string[] = SOURCES): number {
  let newest = 0;
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) walk(join(p, e));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

/** Why a build is needed, or null when `outDir` (default dist/) is up to date. */
export function buildNeeded(outDir: string = DIST_DIR): string | null {
  if (!existsSync(join(outDir, 'index.html'))) return `no build in ${outDir}`;
  const stamp = join(outDir, STAMP_FILE);
  if (!existsSync(stamp)) return 'the last build did not finish';
  const built = statSync(stamp).mtimeMs;
  const newest = newestSourceMtime();
  return newest > built ? 'the sources changed since the last build' : null;
}

/** Another process building at the same time (e.g. two test files) waits for the first. */
async function withLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const LOCK = join(
    CACHE,
    `newsgraph-web-build-${createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12)}.lock`,
  );
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) unlinkSync(LOCK);
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`newsgraph: timed out waiting for another build (${LOCK})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(LOCK);
    } catch {
      /* already removed */
    }
  }
}

export interface EnsureBuildOptions {
  log?: (line: string) => void;
  /** Build even when fresh. */
  force?: boolean;
  /** Where to build (default dist/); a folder of its own leaves a running server's dist/ alone (note below). */
  outDir?: string;
  /** Vite mode: 'e2e' adds the end-to-end test hooks (vite.config.ts). Default 'production'. */
  mode?: 'production' | 'e2e';
}

/*
 * Note: the server registers dist/'s files when it starts, and a build empties dist/ first, so a
 * server that is running while dist/ is rebuilt (by another `npm start`, say) serves 404s for
 * the new assets until restarted. Builds happen before the server starts for that reason.
 */

/** Runs `vite build` programmatically when needed (see the module comment). */
export async function ensureBuild(opts: EnsureBuildOptions = {}): Promise<void> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const outDir = opts.outDir ?? DIST_DIR;
  if (!opts.force && !buildNeeded(outDir)) return;
  await withLock(outDir, async () => {
    const reason = opts.force ? 'forced' : buildNeeded(outDir);
    if (!reason) return; // someone else built it while we waited
    log(`newsgraph: building the explorer (${reason})…`);
    const started = Date.now();
    const { build } = await import('vite');
    // Always the production build. Vite takes NODE_ENV from the environment when it is set, and
    // under Vitest it is 'test': that gave React's development build (StrictMode effects run
    // twice, so a second Sigma) to every e2e test and to the bundle figures.
    await withNodeEnv('production', () =>
      build({
        configFile: join(ROOT, 'vite.config.ts'),
        root: ROOT,
        mode: opts.mode ?? 'production',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      }),
    );
    // Stamp with the build's start time: a source saved during the build makes it stale again.
    const stamp = join(outDir, STAMP_FILE);
    writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
    utimesSync(stamp, new Date(started), new Date(started));
    log(`newsgraph: explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}
