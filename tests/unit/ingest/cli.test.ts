import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchProblems } from '../../../src/ingest/batch';
import { runIngest } from '../../../src/ingest/cli';
import { jsNameFinder } from '../../../src/ingest/extract/js-names';
import type { NameFinder } from '../../../src/ingest/extract/types';
import { Staging } from '../../../src/ingest/staging/store';
import { sha256Of } from '../../../src/ingest/text/normalise';
import { CoreNlpError } from '../../../src/runtime/corenlp/errors';
import { openAppStore } from '../../../src/runtime/store/app-store';

const FIX = join(__dirname, '../../fixtures/ingest');
const scratch = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const quiet = () => {};
const newStaging = () => new Staging(openAppStore(':memory:'));
const txts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('npm run ingest (runIngest) stages batches', () => {
  it('stores normalised texts by sha256, stages valid batches and recognises the same text twice', async () => {
    const dir = join(scratch, 'in1');
    mkdirSync(dir);
    for (const f of readdirSync(FIX)) copyFileSync(join(FIX, f), join(dir, f));
    const staging = newStaging();
    const textDir = join(scratch, 'texts1');
    const r = await runIngest({ inputs: [dir], extractor: 'js', staging, textDir, gazetteer: null, log: quiet });
    expect(r.exitCode).toBe(0);
    expect(r.run.inputs.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    for (const input of r.run.inputs) {
      const staged = staging.batch(input.batch!)!;
      const text = readFileSync(join(textDir, staged.batch.article.file!), 'utf8');
      expect(sha256Of(text)).toBe(staged.batch.article.sha256);
      expect(text.length).toBe(staged.batch.article.length);
      expect(batchProblems(staged.batch, text)).toEqual([]);
    }
    // The same wire report again, as a copy under another name: recognised, nothing new stored.
    const again = join(scratch, 'again.html');
    copyFileSync(join(FIX, 'wire-report.html'), again);
    const before = txts(textDir).length;
    const r2 = await runIngest({ inputs: [again], extractor: 'js', staging, textDir, gazetteer: null, log: quiet });
    expect(r2.run.inputs[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: expect.stringMatching(/^b-[0-9a-f]{12}$/),
    });
    expect(txts(textDir).length).toBe(before);
    expect(staging.batches()).toHaveLength(3);
  });

  it('a bad input fails alone with its reason; the others are staged and nothing of it is stored', async () => {
    const dir = join(scratch, 'in2');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-latin1.txt'), Buffer.from('Gr\xfc\xdfe aus Kyiv', 'latin1'));
    writeFileSync(join(dir, 'c-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0]));
    copyFileSync(join(FIX, 'plain.txt'), join(dir, 'd-plain.txt'));
    const staging = newStaging();
    const textDir = join(scratch, 'texts2');
    const r = await runIngest({ inputs: [dir], extractor: 'js', staging, textDir, gazetteer: null, log: quiet });
    expect(r.exitCode).toBe(1);
    expect(r.run.inputs.map((i) => [i.status, i.error?.code])).toEqual([
      ['failed', 'EMPTY'],
      ['failed', 'NOT_UTF8'],
      ['failed', 'BINARY'],
      ['done', undefined],
    ]);
    expect(txts(textDir)).toHaveLength(1);
    expect(staging.batches()).toHaveLength(1);
    expect(staging.run(r.run.id)!.inputs[3]!.status).toBe('done');
  });

  it('a web address given as an input is refused as one, not looked for as a file', async () => {
    const r = await runIngest({
      inputs: ['https://example.com/a.html'],
      extractor: 'js',
      staging: newStaging(),
      textDir: join(scratch, 'texts-url'),
      gazetteer: null,
      log: quiet,
    });
    expect(r.exitCode).toBe(1);
    expect(r.run.inputs[0]).toMatchObject({ source: 'https://example.com/a.html', status: 'failed' });
    expect(r.run.inputs[0]!.error).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/web address/),
    });
  });

  it('a 50 MB file is refused from its size, without being read', async () => {
    const big = join(scratch, 'big.txt');
    writeFileSync(big, '');
    // A sparse file: 50 MB long, no 50 MB written.
    const { truncateSync } = await import('node:fs');
    truncateSync(big, 50 * 1024 * 1024);
    const staging = newStaging();
    const r = await runIngest({
      inputs: [big],
      extractor: 'js',
      staging,
      textDir: join(scratch, 'texts-big'),
      gazetteer: null,
      log: quiet,
    });
    expect(r.run.inputs[0]!.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/50\.0 MB/) });
    expect(staging.batches()).toHaveLength(0);
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
    const staging = newStaging();
    const textDir = join(scratch, 'texts3');
    const logs: string[] = [];
    const r = await runIngest({
      inputs: [dir],
      extractor: 'corenlp',
      finder: dying,
      staging,
      textDir,
      gazetteer: null,
      log: (l) => logs.push(l),
    });
    expect(r.exitCode).toBe(1);
    const rec = staging.run(r.run.id)!;
    expect(rec.inputs.map((i) => i.status)).toEqual(['done', 'failed', 'pending']);
    expect(rec.inputs[1]!.error).toMatchObject({ code: 'DIED', message: expect.stringMatching(/exited \(code 137\)/) });
    expect(logs.join('\n')).toMatch(new RegExp(`--resume ${r.run.id}`));
    expect(txts(textDir)).toHaveLength(1);
    expect(staging.batches()).toHaveLength(1);
    const resumed = await runIngest({
      inputs: [],
      resume: r.run.id,
      extractor: 'corenlp',
      finder: jsNameFinder,
      staging,
      textDir,
      gazetteer: null,
      log: quiet,
    });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.run.inputs.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(txts(textDir)).toHaveLength(3);
    expect(staging.batches()).toHaveLength(3);
  });
});
