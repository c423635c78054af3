import { describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../../../../src/shared/api';
import { excludeFor, pathView } from '../../../../../src/web/core/paths/actions';
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

  it('after "no path", points at the retry that follows mentions when the bar offers it', () => {
    const none = (exclude: string[]) =>
      pathView({ from: 'a', to: 'b', paths: [], length: null, truncated: false } as unknown as PathsResponse, exclude);
    expect(pathsHint('Belgorod', true, none(excludeFor(['mentions'])))).toMatch(/^No path found: “Try again including/);
    expect(pathsHint('Belgorod', true, none([]))).toMatch(/^No path found: Clear on the bar/);
  });
});
