/**
 * The READMEs are how a newcomer finds their way: the root README's layout section must name every
 * folder under src/ and every entry inside each (what `ls src/*` prints), so a new folder cannot go
 * unlisted; and what any README names in backticks (a file or folder, an `npm run` script, a
 * NEWSGRAPH_ or NEO4J_ setting) must exist, so a rename or a removal cannot leave a README stale.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/runtime/config';
import { ROOT } from '../../src/runtime/paths';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const layout = /## Layout\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README layout', () => {
  it('has a layout block', () => {
    expect(layout).toMatch(/^src\//m);
  });

  for (const entry of readdirSync(join(ROOT, 'src'))) {
    const path = join(ROOT, 'src', entry);
    it(`lists src/${entry}${statSync(path).isDirectory() ? ' and everything in it' : ''}`, () => {
      const line = layout.split('\n').find((l) => l.startsWith(`src/${entry}`));
      expect(line, `no line for src/${entry}`).toBeDefined();
      if (!statSync(path).isDirectory()) return;
      for (const child of readdirSync(path)) {
        const name = statSync(join(path, child)).isDirectory() ? `${child}/` : child;
        expect(line, `src/${entry}: ${name} is not named`).toContain(name);
      }
    });
  }
});

/** Folders no README describes from the inside: dependencies, build output, dot-folders (git-ignored state, CI). */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage']);

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || SKIPPED.has(e.name)) return [];
    if (e.isDirectory()) return filesUnder(join(dir, e.name)).map((f) => join(e.name, f));
    return [e.name];
  });
}

const readmes = filesUnder(ROOT).filter((f) => basename(f) === 'README.md');

/** Folders git ignores (run-time state: the managed Neo4j, the store, bench output): named, never in the repo. */
const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .filter((l) => l.endsWith('/'));

/** The managed instance's own files, which the root README lists under `.neo4j/instance/`. */
const INSTANCE_FILES = new Set(['conf/neo4j.conf', 'data/', 'logs/console.log', 'logs/debug.log', 'run/state.json']);

/** Backticked spans that read as a repository path: no spaces, a slash or a file extension of ours. */
function namedPaths(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    .filter((s) => /^[\w.][\w.{},*/-]*$/.test(s) && (s.includes('/') || /\.(tsx?|json|cypher|ya?ml|xml|html)$/.test(s)))
    .filter((s) => !/^\.\w+$/.test(s) && !/^[A-Z]+\//.test(s)) // an extension alone; a placeholder (DIR/…)
    .filter((s) => !INSTANCE_FILES.has(s) && !ignored.some((i) => s.startsWith(i)));
}

/** `a/{b,c}/` → `a/b/`, `a/c/`. */
function expandBraces(path: string): string[] {
  const m = /\{([^}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]!.split(',').flatMap((alt) => expandBraces(path.replace(m[0], alt)));
}

/** Whether `path` exists from `base`; a `*` matches a file name (`queries/*.cypher`: one at least). */
function existsFrom(base: string, path: string): boolean {
  if (!path.includes('*')) return existsSync(join(base, path));
  const dir = join(base, dirname(path));
  const [head, tail] = basename(path).split('*') as [string, string];
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(head) && f.endsWith(tail));
}

describe('what the READMEs name exists', () => {
  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
  );
  // Settings the explorer's build reads from its own environment, outside the app's schema.
  const vite = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
  const settings = Object.keys(EnvSchema.shape).filter((k) => /^(NEWSGRAPH|NEO4J)_/.test(k));
  const texts = new Map(readmes.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

  it('finds the READMEs', () => {
    expect(readmes).toEqual(expect.arrayContaining(['README.md', join('src', 'README.md')]));
  });

  for (const [file, text] of texts) {
    const dir = join(ROOT, dirname(file));
    // A bare name (`speaker.ts`, `sigma/`) is read in the context of the path before it: anywhere below the README.
    const below = new Set(filesUnder(dir).flatMap((f) => [basename(f), `${basename(dirname(f))}/`]));

    it(`${file}: every path it names exists (from its folder or the repository's root)`, () => {
      const missing = namedPaths(text)
        .flatMap(expandBraces)
        .filter((p) => !existsFrom(dir, p) && !existsFrom(ROOT, p))
        .filter((p) => !below.has(p));
      expect(missing, `${file} names paths that do not exist`).toEqual([]);
    });

    it(`${file}: every npm script it names is in package.json`, () => {
      const runs = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
      expect(runs.filter((r) => !scripts.includes(r))).toEqual([]);
    });

    it(`${file}: every setting it names is read`, () => {
      const vars = [...new Set(text.match(/\b(?:NEWSGRAPH|NEO4J)_[A-Z0-9_]+/g) ?? [])];
      expect(vars.filter((v) => !settings.includes(v) && !vite.includes(`process.env.${v}`))).toEqual([]);
    });
  }

  it('names every NEWSGRAPH_ and NEO4J_ setting the configuration reads', () => {
    const all = [...texts.values()].join('\n');
    expect(settings.filter((s) => !new RegExp(`\\b${s}\\b`).test(all))).toEqual([]);
  });

  it('resolves paths as a reader would', () => {
    expect(namedPaths('`src/web/` `.txt` `bolt://` `DIR/articles` `.neo4j/lib/` `x y/z`')).toEqual(['src/web/']);
    expect(expandBraces('a/{b,c}/')).toEqual(['a/b/', 'a/c/']);
    expect(existsFrom(ROOT, 'cypher/queries/*.cypher')).toBe(true);
    expect(existsFrom(ROOT, 'cypher/queries/*.nothing')).toBe(false);
  });
});
