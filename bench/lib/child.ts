/**
 * Runs a bench script in its own Node process (tsx loader) so its heap is its own, and reads
 * back the JSON it writes to the file named by `--result`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processEnv } from '../../src/runtime/config';

export interface ChildOptions {
  nodeArgs?: string[];
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Forward the child's stderr lines (progress). */
  onLine?: (line: string) => void;
}

export async function runChild<T>(script: string, input: unknown, opts: ChildOptions = {}): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-child-'));
  const resultFile = join(dir, 'result.json');
  const inputFile = join(dir, 'input.json');
  writeFileSync(inputFile, JSON.stringify(input));
  try {
    const child = spawn(
      process.execPath,
      [...(opts.nodeArgs ?? []), '--import', 'tsx', script, '--input', inputFile, '--result', resultFile],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: processEnv(opts.env),
      },
    );
    let tail = '';
    const onData = (buf: Buffer) => {
      const s = buf.toString();
      tail = (tail + s).slice(-4000);
      if (opts.onLine) for (const l of s.split('\n')) if (l.trim()) opts.onLine(l);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
    if (timer) clearTimeout(timer);
    if (code !== 0) throw new Error(`${script} exited with ${code}:\n${tail}`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** For the child side: its input and a function to hand back the result. */
export function childIo<I>(): { input: I; done: (result: unknown) => void } {
  const arg = (n: string) => {
    const i = process.argv.indexOf(n);
    if (i < 0) throw new Error(`missing ${n}`);
    return process.argv[i + 1]!;
  };
  const input = JSON.parse(readFileSync(arg('--input'), 'utf8')) as I;
  const resultFile = arg('--result');
  return {
    input,
    done: (result) => writeFileSync(resultFile, JSON.stringify(result)),
  };
}
