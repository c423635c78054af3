/**
 * `npm run bench -- --quick` inside the test suite, so the benchmark scripts never rot: every part
 * (generator + loader + per-row baseline + offline import, API vs driver, render pages in
 * Chromium, npm start + bundle) runs once on tiny inputs. No timing assertions — the figures
 * must only exist and be sane (positive, finite, consistent with the inputs).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOOR_ENDPOINT, type ApiResults } from '../../bench/api/run';
import { generateSeedData, streamSeedData, writeSeedYaml } from '../../bench/generate';
import { readSeed } from '../../src/dataset/read';
import type { LoadResults } from '../../bench/loading/run';
import type { RenderResults } from '../../bench/render/run';
import type { BenchResults } from '../../bench/results';
import type { StartupResults } from '../../bench/startup/run';
import { ROOT } from '../../src/runtime/paths';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-quick-'));
let code: number | null = null;
let output = '';
let results: BenchResults;
let markdown = '';

const positive = (x: number) => expect(Number.isFinite(x) && x > 0, `expected a positive number, got ${x}`).toBe(true);

beforeAll(async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench', 'run.ts'),
      '--quick',
      '--out',
      join(dir, 'R.md'),
      '--json',
      join(dir, 'r.json'),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
  results = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as BenchResults;
  markdown = readFileSync(join(dir, 'R.md'), 'utf8');
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/generate.ts', () => {
  it("makes seed data the loader's own validator accepts, reproducibly", () => {
    const a = generateSeedData({ relationships: 3_000, seed: 3 });
    const out = join(dir, 'gen');
    writeSeedYaml(a.data, out);
    const back = readSeed(out); // throws SeedValidationError listing every problem
    expect(back.relationships.length).toBe(a.data.relationships.length);
    expect(back.mentions.length).toBe(a.counts.relationships.mentions);
    expect(a.counts.relationships.total).toBe(3_000);
    expect(a.data.claims.some((c) => c.contradicts.length > 0)).toBe(true);
    expect(JSON.stringify(generateSeedData({ relationships: 3_000, seed: 3 }).data)).toBe(JSON.stringify(a.data));
    expect(JSON.stringify(generateSeedData({ relationships: 3_000, seed: 4 }).data)).not.toBe(JSON.stringify(a.data));
  });

  it('streams the same rows it builds in memory, on every iteration', () => {
    const a = generateSeedData({ relationships: 3_000, seed: 3, extra: 20 });
    const b = streamSeedData({ relationships: 3_000, seed: 3, extra: 20 });
    expect(b.counts).toEqual(a.counts);
    expect(b.extra).toEqual(a.extra);
    for (let pass = 0; pass < 2; pass++) {
      expect([...b.data.relationships]).toEqual(a.data.relationships);
      expect([...b.data.mentions]).toEqual(a.data.mentions);
    }
    expect(b.data.claims).toEqual(a.data.claims);
    expect(b.data.entities).toEqual(a.data.entities);
  });
});

describe('npm run bench -- --quick', () => {
  it('runs every part without failing', () => {
    expect(code, output.slice(-4000)).toBe(0);
    for (const part of ['load', 'api', 'render', 'startup'] as const)
      expect(results[part], `${part}: ${JSON.stringify(results[part])}`).not.toHaveProperty('error');
    expect(results.mode).toBe('quick');
    // The quick mode runs inside npm test: it must stay under 3 minutes.
    expect(results.durationMs).toBeLessThan(180_000);
    expect(results.machine.cores).toBeGreaterThan(0);
  });

  it('loads the generated graph through the loader, per row and offline', () => {
    const [s] = (results.load as Omit<LoadResults, 'kept'>).scales;
    expect(s!.relationships).toBe(2_000);
    expect(s!.nodes).toBeGreaterThan(100);
    positive(s!.loader.relsPerSec);
    positive(s!.loader.relsPerCpuSec);
    positive(s!.loader.peakHeapMB);
    // The live heap comes from forced GCs (one after each of a small load's batches).
    positive(s!.loader.liveAfterGenerateMB);
    expect(s!.loader.gcCount).toBeGreaterThan(0);
    expect(s!.loader.loaderHeapMB).toBeGreaterThanOrEqual(0);
    expect(s!.loader.loaderHeapMB).toBeLessThan(s!.loader.rssMB);
    positive(s!.loader.storeMB);
    expect(s!.loader.writeMs).toBeLessThanOrEqual(s!.loader.totalMs);
    expect(s!.loader.profile.map((p) => p.kind)).toContain('CREATE :MENTIONS');
    expect(s!.perRow!.rows).toBe(20);
    positive(s!.perRow!.relsPerSec);
    expect(s!.import).not.toHaveProperty('error');
    const imp = s!.import as Exclude<NonNullable<typeof s>['import'], { error: string }>;
    expect(imp.verified).toContain('2,000 relationships');
    positive(imp.relsPerSecWall);
  });

  it('measures every endpoint through the API and the bare driver', () => {
    const api = results.api as ApiResults;
    expect(api.failed).toEqual({});
    // Eight endpoints and the floor (a trivial statement: the fixed cost of passing through the API).
    expect(api.rows.map((r) => r.endpoint)).toHaveLength(9);
    expect(api.rows[0]!.endpoint).toBe(FLOOR_ENDPOINT);
    expect(api.statements[FLOOR_ENDPOINT]).toBe(1);
    for (const r of api.rows) {
      expect(r.api.failures + r.direct.failures, r.endpoint).toBe(0);
      expect(r.api.requests, r.endpoint).toBeGreaterThan(0);
      expect(r.direct.requests, r.endpoint).toBeGreaterThan(0);
      positive(r.api.p50);
      positive(r.direct.p50);
      expect(r.api.p99).toBeGreaterThanOrEqual(r.api.p50);
    }
    for (const n of Object.values(api.statements)) expect(n).toBeGreaterThanOrEqual(1);
  });

  it('renders the same graph in the bare page and through the app pipeline', () => {
    const r = results.render as RenderResults;
    expect(r.webgl).toMatch(/SwiftShader|ANGLE/i);
    const [size] = r.sizes;
    expect(size!.nodes).toBe(200);
    for (const side of [size!.bare, size!.app]) {
      positive(side.buildMs);
      positive(side.firstFrameMs);
      positive(side.panFrameMs);
      positive(side.expandFrameMs);
      positive(side.fa2PerSec);
      positive(side.heapMB);
      // Every pointer move landed where intended (the hover really happened).
      const [hit, total] = side.hoverHits.split(' ')[0]!.split('/').map(Number);
      expect(hit).toBe(total);
      expect(total).toBeGreaterThan(0);
    }
  });

  it('times npm start to the drawn overview and sizes the bundle', () => {
    const st = results.startup as StartupResults;
    const [run] = st.runs;
    positive(run!.boltMs);
    expect(run!.firstApi200Ms).toBeGreaterThan(run!.boltMs);
    expect(run!.overviewMs).toBeGreaterThan(run!.firstApi200Ms);
    expect(run!.overviewNodes).toBeGreaterThan(50);
    positive(st.bundle.initialJs.gzip);
    expect(st.bundle.initialJs.gzip).toBeLessThan(st.bundle.initialJs.raw);
    // The first load's budget (the Cypher editor and the map outlines are lazy).
    expect(st.bundle.initialJs.gzip).toBeLessThan(300 * 1024);
    expect(st.bundle.lazy.length).toBeGreaterThan(0);
  });

  it('writes one table per benchmark', () => {
    for (const h of ['## 1. Loading at scale', '## 2. API latency', '## 3. Render cost', '## 4. Start-up and size'])
      expect(markdown).toContain(h);
    expect(markdown).not.toContain('Not measured');
    expect(markdown).toContain('QUICK mode');
  });
});
