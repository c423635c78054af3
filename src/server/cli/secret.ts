/**
 * Reads a secret: from a hidden prompt, asked twice, on a terminal; else the first line of
 * standard input (`printf '%s\n' "$PW" | npm run user:add -- …`, or a here-string).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export async function readSecret(prompt: string, confirm: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await hidden(prompt);
  const second = await hidden(confirm);
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('No password on standard input (give one, use --password-file, or run in a terminal).');
}

function hidden(prompt: string): Promise<string> {
  let muted = false;
  // Echo nothing while the password is typed; the prompt itself is written before muting.
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
