import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithText } from '../../../src/ingest/article';
import { runIngest } from '../../../src/ingest/cli';
import { coreNlpNameFinder } from '../../../src/ingest/extract/corenlp';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { Staging } from '../../../src/ingest/staging/store';
import { openAppStore } from '../../../src/runtime/store/app-store';
import { CoreNlpError } from '../../../src/runtime/corenlp/errors';
import { ensureLoopbackProvider } from '../../../src/runtime/corenlp/install';
import { startCoreNlp, type CoreNlpServer } from '../../../src/runtime/corenlp/server';
import { expectWireReport } from '../../unit/ingest/expect-wire';
import { GAZETTEER } from '../../unit/ingest/gazetteer';

/**
 * The managed Stanford CoreNLP end to end: install on first need (Maven, ~480 MB once), a real
 * server on 127.0.0.1, the wire-report fixture, and the server killed in the middle of a run.
 * Two JVM starts (~10–25 s each here) make up most of its time.
 */
const FIX = join(__dirname, '../../fixtures/ingest');
const scratch = mkdtempSync(join(tmpdir(), 'ingest-corenlp-'));
const quiet = () => {};
const servers: CoreNlpServer[] = [];
let server: CoreNlpServer;

async function failure(p: Promise<unknown> | (() => unknown)): Promise<CoreNlpError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof CoreNlpError) return e;
    throw e;
  }
  throw new Error('expected a CoreNlpError');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  server = await startCoreNlp({ heap: '2g', log: (l) => process.stderr.write(`${l}\n`) });
  servers.push(server);
}, 15 * 60_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('managed CoreNLP server', () => {
  it('listens on 127.0.0.1 only', () => {
    const hex = server.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').slice(1))
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[1]!.endsWith(`:${hex}`) && cols[3] === '0A') // 0A = LISTEN
      .map((cols) => cols[1]!.split(':')[0]!);
    expect(listening.length).toBeGreaterThan(0);
    // 127.0.0.1 as IPv4, or as an IPv4-mapped IPv6 address; never 0.0.0.0 or ::.
    for (const addr of listening) expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(addr);
  });

  it('extracts the wire report: governor statement, relayed TASS line, denial, relative dates', async () => {
    const raw = readFileSync(join(FIX, 'wire-report.html'), 'utf8');
    const finder = coreNlpNameFinder({ server: async () => server });
    const { batch, text } = await extractWithText(
      { raw, format: 'html', source: 'wire-report.html' },
      { extractor: finder, gazetteer: GAZETTEER },
    );
    expect(batch.extractor).toEqual({ name: 'corenlp', version: '4.5.10' });
    expectWireReport(batch, text);
    // CoreNLP types the people the JS finder cannot.
    const persons = batch.candidates
      .filter((c) => c.kind === 'entity' && c.type === 'PERSON')
      .map((c) => (c as { text: string }).text);
    expect(persons).toEqual(expect.arrayContaining(['Anton Veresov', 'Oleg Demchuk', 'Ivan Sorokin']));
  });

  it('a company it calls a place is a body after a spokesperson; "the ministry" is the one named before', async () => {
    const raw =
      'A spokesperson for Ukrenergo, Maria Petrenko, said the grid was stable after the night of repairs. ' +
      "Russia's Defence Ministry reported that four drones had been shot down overnight. " +
      'Officials of the Belgorod regional administration met engineers at the substation on Tuesday. ' +
      'Later the ministry said a fifth drone had been destroyed over the border. ' +
      'The regional administration said power would return to most homes by evening.';
    const finder = coreNlpNameFinder({ server: async () => server });
    const { batch } = await extractWithText(
      { raw, format: 'txt', source: 'test', meta: { published: '2025-03-14' } },
      { extractor: finder },
    );
    const entities = batch.candidates.filter((c) => c.kind === 'entity');
    const name = (id?: string) => entities.find((e) => e.id === id)?.text;
    expect(entities.find((e) => e.text === 'Ukrenergo')).toMatchObject({ type: 'ORGANIZATION' });
    const claims = batch.candidates.filter((c) => c.kind === 'claim');
    expect(claims.map((c) => name(c.claimant.candidate))).toEqual([
      'Maria Petrenko',
      "Russia's Defence Ministry",
      "Russia's Defence Ministry",
      'Belgorod regional administration',
    ]);
    expect(batch.candidates.filter((c) => c.kind === 'relationship')).toEqual([
      expect.objectContaining({ type: 'SPOKESPERSON_FOR', quote: 'A spokesperson for Ukrenergo, Maria Petrenko' }),
    ]);
  });

  // CoreNLP 4.5.10 tags the portfolios "State" and "Justice" ORGANIZATION, and the places alone.
  it('offices: a portfolio is no place; a place of several words, its holder and the office between', async () => {
    const raw =
      'The Secretary of State said the talks would go on. ' +
      'President of South Korea Yoon Suk Yeol met the Minister of Justice on Monday. ' +
      'The Governor of the Zaporizhzhia Region said two people were hurt. ' +
      'The Mayor of Springfield said the roads were closed.';
    const finder = coreNlpNameFinder({ server: async () => server });
    const { batch } = await extractWithText(
      { raw, format: 'txt', source: 'test', meta: { published: '2025-03-14' } },
      { extractor: finder },
    );
    const entities = batch.candidates.filter((c) => c.kind === 'entity');
    const names = entities.map((e) => e.text);
    for (const portfolio of ['State', 'Justice']) expect(names).not.toContain(portfolio);
    expect(entities.find((e) => e.text === 'Yoon Suk Yeol')).toMatchObject({ type: 'PERSON' });
    expect(entities.find((e) => e.text === 'South Korea')).toMatchObject({ type: 'PLACE' });
    expect(names).toEqual(expect.arrayContaining(['Zaporizhzhia Region', 'Springfield']));
    expect(names.some((n) => n.startsWith('Korea'))).toBe(false);
    const leads = batch.candidates.filter((c) => c.kind === 'relationship' && c.type === 'LEADS');
    expect(leads).toEqual([expect.objectContaining({ quote: 'President of South Korea Yoon Suk Yeol' })]);
  });

  it('killed mid-run: a clear error, the run record says what is done, and --resume finishes it', async () => {
    const dir = join(scratch, 'inputs');
    mkdirSync(dir);
    writeFileSync(
      join(dir, '1.txt'),
      'Anton Veresov, governor of the Kursk region, said on Saturday that the power was back.',
    );
    writeFileSync(join(dir, '2.txt'), 'Oleg Demchuk told reporters that the bridge had been repaired.');
    writeFileSync(join(dir, '3.txt'), 'Ivan Sorokin said the talks would resume in May.');
    const inner = coreNlpNameFinder({ server: async () => server });
    let calls = 0;
    const killing: NameFinder = {
      info: inner.info,
      async find(text) {
        if (++calls === 2) {
          process.kill(server.pid, 'SIGKILL');
          await server.exited;
        }
        return inner.find(text);
      },
    };
    const staging = new Staging(openAppStore(':memory:'));
    const textDir = join(scratch, 'texts');
    const r = await runIngest({
      inputs: [dir],
      extractor: 'corenlp',
      finder: killing,
      staging,
      textDir,
      gazetteer: null,
      log: quiet,
    });
    expect(r.exitCode).toBe(1);
    const rec = staging.run(r.run.id)!;
    expect(rec.inputs.map((i) => i.status)).toEqual(['done', 'failed', 'pending']);
    // Nothing of the failed input is staged or stored.
    expect(staging.batches().map((b) => b.source)).toEqual([join(dir, '1.txt')]);
    expect(readdirSync(textDir)).toHaveLength(1);
    expect(rec.inputs[1]!.error!.code).toBe('DIED');
    expect(rec.inputs[1]!.error!.message).toMatch(
      new RegExp(`The CoreNLP server \\(pid ${server.pid}\\) exited \\(code \\d+\\) while annotating`),
    );

    const second = await startCoreNlp({ heap: '2g', log: quiet });
    servers.push(second);
    const resumed = await runIngest({
      inputs: [],
      resume: r.run.id,
      extractor: 'corenlp',
      finder: coreNlpNameFinder({ server: async () => second }),
      staging,
      textDir,
      gazetteer: null,
      log: quiet,
    });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.run.inputs.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(staging.batches()).toHaveLength(3);
    await second.stop();
    expect(alive(second.pid)).toBe(false);
  }, 180_000);

  it('start-up failures are clear: no Java, no javac, a JVM that cannot start', async () => {
    const noJava = await failure(startCoreNlp({ javaCmd: join(scratch, 'no-such-java'), log: quiet }));
    expect(noJava.code).toBe('JAVA_MISSING');
    const noJavac = await failure(() =>
      ensureLoopbackProvider(join(scratch, 'launcher'), join(scratch, 'no-such-javac')),
    );
    expect(noJavac.code).toBe('JAVAC_MISSING');
    expect(noJavac.message).toMatch(/openjdk-17-jdk-headless/);
    const tiny = await failure(startCoreNlp({ heap: '2m', log: quiet, logFile: join(scratch, 'tiny.log') }));
    expect(tiny.code).toBe('START_FAILED');
    expect(tiny.message).toMatch(/exited during start-up/);
  });

  it('a process that started the server and is ended by SIGTERM leaves no JVM behind', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'hold-corenlp.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolvePid, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /PID (\d+)/.exec(out);
        if (m) resolvePid(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
    });
    expect(alive(pid)).toBe(true);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const deadline = Date.now() + 20_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
  }, 120_000);
});
