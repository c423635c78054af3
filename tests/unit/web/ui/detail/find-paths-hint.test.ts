import { describe, expect, it } from 'vitest';
import { pathsHint } from '../../../../../src/web/ui/detail/FindPathsTo';

describe('the "Find paths to…" hint', () => {
  it('names a claim by its short caption, without the statement’s own closing punctuation', () => {
    const statement = 'Russian forces used cluster munitions on a village, killing several civilians.';
    const hint = pathsHint(statement, false, null);
    expect(hint).not.toContain('civilians.;');
    expect(hint).not.toContain(statement);
    expect(hint).toContain('“Russian forces used cluster munit…”');
  });

  it('leaves a short name whole, quoted', () => {
    expect(pathsHint('Belgorod', false, null)).toContain('paths from “Belgorod”;');
    expect(pathsHint('Belgorod', true, null)).toContain('pair with “Belgorod” instead.');
  });
});
