/**
 * The root README's layout section is how a newcomer finds their way: it must name every folder
 * under src/ and every entry inside each (what `ls src/*` prints), so a new folder cannot go unlisted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
