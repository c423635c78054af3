/**
 * A path search that skips nothing reaches the server as `exclude=`, which the contract reads as
 * "no type excluded"; left out, the server skips its default (mentions).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PathsQuerySchema } from '../../../../src/shared/api/paths';
import { ApiClient } from '../../../../src/web/api/client';

afterEach(() => vi.unstubAllGlobals());

const PATHS = { from: 'a', to: 'b', paths: [], length: null, truncated: false, tookMs: 1, nodes: [], edges: [] };

async function sentQuery(exclude: readonly string[] | undefined): Promise<URLSearchParams> {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(PATHS), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  await new ApiClient().paths('a', 'b', { exclude });
  return new URL(urls.at(-1)!, 'http://x').searchParams;
}

describe('what a path search skips, on the wire', () => {
  it('sends nothing to skip as an empty exclude, and no list as no parameter', async () => {
    expect((await sentQuery([])).get('exclude')).toBe('');
    expect((await sentQuery(undefined)).has('exclude')).toBe(false);
    expect((await sentQuery(['MENTIONS', 'MADE'])).get('exclude')).toBe('MENTIONS,MADE');
  });

  it('reads an empty exclude as none excluded, and a missing one as the default', () => {
    const q = (query: Record<string, string>) => PathsQuerySchema.parse({ from: 'a', to: 'b', ...query });
    expect(q({ exclude: '' }).exclude).toEqual([]);
    expect(q({}).exclude).toBeUndefined();
    expect(q({ exclude: 'MENTIONS,,MADE' }).exclude).toEqual(['MENTIONS', 'MADE']);
  });
});
