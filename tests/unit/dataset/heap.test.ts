import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_PER_YAML_BYTE, planHeap, yamlBytes } from '../../../src/dataset/heap';
import { parseInChunks } from '../../../src/dataset/read';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('planHeap: will the seed fit the V8 heap', () => {
  it('runs as is when the estimate fits the current limit', () => {
    expect(planHeap({ dataBytes: 21 * MB, limitBytes: 4 * GB, totalMemBytes: 16 * GB })).toEqual({ action: 'ok' });
  });
  it('re-runs with a bigger heap when the machine has the memory (1M relationships: 207 MB of YAML)', () => {
    const p = planHeap({ dataBytes: 207 * MB, limitBytes: 4 * GB, totalMemBytes: 32 * GB });
    expect(p).toEqual({ action: 'rerun', mb: 207 * HEAP_PER_YAML_BYTE });
  });
  it('stops with one line naming the flag when the machine is too small', () => {
    const p = planHeap({ dataBytes: 207 * MB, limitBytes: 4 * GB, totalMemBytes: 8 * GB });
    expect(p.action).toBe('stop');
    const msg = (p as { message: string }).message;
    expect(msg).toContain(`NODE_OPTIONS=--max-old-space-size=${207 * HEAP_PER_YAML_BYTE}`);
    expect(msg).not.toContain('\n');
  });
  it('never re-runs twice', () => {
    const p = planHeap({ dataBytes: 207 * MB, limitBytes: 4 * GB, totalMemBytes: 32 * GB, rerunDone: true });
    expect(p.action).toBe('stop');
  });
  it('measures only the .yaml files of the folder; a missing folder is 0', () => {
    const d = mkdtempSync(join(tmpdir(), 'heap-'));
    writeFileSync(join(d, 'a.yaml'), 'x'.repeat(100));
    writeFileSync(join(d, 'b.txt'), 'x'.repeat(50));
    expect(yamlBytes(d)).toBe(100);
    expect(yamlBytes(join(d, 'nope'))).toBe(0);
  });
});

describe('parseInChunks: a big list parsed piece by piece', () => {
  const text = Array.from({ length: 50 }, (_, i) => `- id: r${i}\n  text: |\n    line one\n    - not an item\n`).join(
    '',
  );
  it('gives the same list as one parse', () => {
    const got = parseInChunks(text, 40)!;
    expect(got).toHaveLength(50);
    expect(got[49]).toEqual({ id: 'r49', text: 'line one\n- not an item\n' });
  });
  it('gives up (whole-file parse reports the error) on anything that is not a plain list', () => {
    expect(parseInChunks('a: 1\nb: 2\n', 4)).toBeUndefined();
    expect(parseInChunks('- &x {a: 1}\n- *x\n', 4)).toBeUndefined();
  });
});
