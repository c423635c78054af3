import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchSchema } from '../../../src/ingest/batch';
import { runIngest } from '../../../src/ingest/cli';
import { jsNameFinder } from '../../../src/ingest/extract/js-names';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { RunSchema } from '../../../src/ingest/run';
import { sha256Of } from '../../../src/ingest/text/normalise';
import { CoreNlpError } from '../../../src/runtime/corenlp/errors';

const FIX = join(__dirname, '../../fixtures/ingest');
const scratch = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const quiet = () => {};

describe('npm run ingest (runIngest)', () => {
  it('stores normalised texts by sha256, writes valid batches and recognises the same text twice', async () => {
    const dir = join(scratch, 'in1');
    mkdirSync(dir);
    for (const f of readdirSync(FIX)) copyFileSync(join(FIX, f), join(dir, f));
    const store = join(scratch, 'store1');
    const r = await runIngest({ inputs: [dir], extractor: 'js', storeDir: store, gazetteerDir: null, log: quiet });
    expect(r.exitCode).toBe(0);
    expect(r.run.inputs.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    for (const input of r.run.inputs) {
      const batch = BatchSchema.parse(JSON.parse(readFileSync(join(store, 'batches', input.batch!), 'utf8')));
      const text = readFileSync(join(store, 'articles', batch.article.file!), 'utf8');
      expect(sha256Of(text)).toBe(batch.article.sha256);
      expect(text.length).toBe(batch.article.length);
      for (const c of batch.candidates) expect(text.slice(c.quoteSpan.start, c.quoteSpan.end)).toBe(c.quote);
    }
    // The same wire report again, as a copy under another name: recognised, nothing new stored.
    const again = join(scratch, 'again.html');
    copyFileSync(join(FIX, 'wire-report.html'), again);
    const before = readdirSync(join(store, 'articles')).length;
    const r2 = await runIngest({ inputs: [again], extractor: 'js', storeDir: store, gazetteerDir: null, log: quiet });
    expect(r2.run.inputs[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: expect.stringMatching(/^[0-9a-f]{16}\.txt$/),
    });
    expect(readdirSync(join(store, 'articles')).length).toBe(before);
  });

  it('a bad input fails alone with its reason; the others are done and nothing of it is stored', async () => {
    const dir = join(scratch, 'in2');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-latin1.txt'), Buffer.from('Gr\xfc\xdfe aus Kyiv', 'latin1'));
    copyFileSync(join(FIX, 'plain.txt'), join(dir, 'c-plain.txt'));
    const store = join(scratch, 'store2');
    const r = await runIngest({ inputs: [dir], extractor: 'js', storeDir: store, gazetteerDir: null, log: quiet });
    expect(r.exitCode).toBe(1);
    expect(r.run.inputs.map((i) => [i.status, i.error?.code])).toEqual([
      ['failed', 'EMPTY'],
      ['failed', 'NOT_UTF8'],
      ['done', undefined],
    ]);
    expect(readdirSync(join(store, 'articles')).filter((f) => f.endsWith('.txt'))).toHaveLength(1);
    expect(RunSchema.parse(JSON.parse(readFileSync(r.runFile, 'utf8'))).inputs[2]!.status).toBe('done');
  });

  it('a name finder dying mid-run stops the run with a resumable record; --resume finishes it', async () => {
    const dir = join(scratch, 'in3');
    mkdirSync(dir);
    writeFileSync(join(dir, '1.txt'), 'Anton Veresov said the lights were back on in the Kursk region.');
    writeFileSync(join(dir, '2.txt'), 'Oleg Demchuk said the bridge had been repaired.');
    writeFileSync(join(dir, '3.txt'), 'Ivan Sorokin said the talks would resume in May.');
    let calls = 0;
    const dying: NameFinder = {
      info: { name: 'corenlp', version: 'test' },
      find: async (text) => {
        if (++calls === 2)
          throw new CoreNlpError('DIED', 'The CoreNLP server (pid 1) exited (code 137) while annotating an article.');
        return jsNameFinder.find(text);
      },
    };
    const store = join(scratch, 'store3');
    const r = await runIngest({
      inputs: [dir],
      extractor: 'corenlp',
      finder: dying,
      storeDir: store,
      gazetteerDir: null,
      log: quiet,
    });
    expect(r.exitCode).toBe(1);
    const rec = RunSchema.parse(JSON.parse(readFileSync(r.runFile, 'utf8')));
    expect(rec.inputs.map((i) => i.status)).toEqual(['done', 'failed', 'pending']);
    expect(rec.inputs[1]!.error).toMatchObject({ code: 'DIED', message: expect.stringMatching(/exited \(code 137\)/) });
    expect(readdirSync(join(store, 'articles')).filter((f) => f.endsWith('.txt'))).toHaveLength(1);
    const resumed = await runIngest({
      inputs: [],
      resume: r.runFile,
      extractor: 'corenlp',
      finder: jsNameFinder,
      storeDir: store,
      gazetteerDir: null,
      log: quiet,
    });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.run.inputs.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(readdirSync(join(store, 'articles')).filter((f) => f.endsWith('.txt'))).toHaveLength(3);
    expect(existsSync(join(store, 'batches', resumed.run.inputs[2]!.batch!))).toBe(true);
  });
});
